import { Type, type Static, type TSchema } from 'typebox';
import { IsoDate, RoleType } from './organisation.schemas.js';
import { UnitRef } from './records.schemas.js';

// Shared between server and web: who the signed-in user is in the organisation (their person,
// positions and the units above them), which person a sign-in is, and the areas an organisation
// editor is limited to.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const MyPosition = Type.Object({
  positionId: Type.String(),
  title: Type.String(),
  roleType: RoleType,
  /** A leader position: the holder leads the unit and what lies under it. */
  leads: Type.Boolean(),
  fte: Type.Number(),
  unit: UnitRef,
  above: Type.Array(UnitRef, { description: 'The units above, nearest first: the service or staff area, the director area, …' }),
});
export type MyPosition = Static<typeof MyPosition>;

export const MyOrganisation = Type.Object({
  date: IsoDate,
  person: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  positions: Type.Array(MyPosition),
  editorAreas: Type.Array(UnitRef, { description: 'Empty: not limited (an editor may change the whole organisation)' }),
});
export type MyOrganisation = Static<typeof MyOrganisation>;

export const UserIdParams = Type.Object({ userId: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export type UserIdParams = Static<typeof UserIdParams>;

export const LinkUserBody = Type.Object(
  { personId: nullable(Type.String({ format: 'uuid', description: 'null removes the link' })) },
  { additionalProperties: false },
);
export type LinkUserBody = Static<typeof LinkUserBody>;

export const UserLink = Type.Object({
  userId: Type.String(),
  username: Type.String(),
  person: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
});
export type UserLink = Static<typeof UserLink>;

export const EditorAreasBody = Type.Object(
  { unitIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100, uniqueItems: true }) },
  { additionalProperties: false },
);
export type EditorAreasBody = Static<typeof EditorAreasBody>;

export const EditorAreas = Type.Object({ userId: Type.String(), username: Type.String(), units: Type.Array(UnitRef) });
export type EditorAreas = Static<typeof EditorAreas>;
