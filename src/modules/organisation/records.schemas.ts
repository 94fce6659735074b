import { Type, type Static, type TSchema } from 'typebox';
import { Classification, IsoDate, LineType, RoleType, UnitKind } from './organisation.schemas.js';

// Shared between server and web: the records of the organisation (units, positions, people, their
// assignments and reporting lines) as the detail pages read them and the editor changes them.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Id = Type.String({ format: 'uuid' });
const Revision = Type.Integer({ minimum: 1, description: 'The revision the client read; a different one is refused as stale' });
const ValidFrom = Type.String({ format: 'date', description: 'First day it holds, YYYY-MM-DD' });
const ValidTo = Type.String({ format: 'date', description: 'First day it no longer holds, YYYY-MM-DD (exclusive)' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const OptionalText = (maxLength: number) => Type.Optional(nullable(Type.String({ maxLength })));
/** External key: stable across versions, unique, chosen by the editor or made from the name. */
const Key = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' });
const District = Type.Integer({ minimum: 1, maximum: 99 });
const Districts = Type.Array(District, { maxItems: 99, uniqueItems: true });
const AssignmentFte = Type.Number({ minimum: 0.01, maximum: 1, description: 'Share of a full-time post, 0–1' });
const PostFte = Type.Number({ minimum: 0.01, maximum: 1000, description: 'The post’s size in FTE' });
const CostCentre = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '\\S',
  description: 'The cost centre (ansvar) the post is paid from',
});

// ---------------------------------------------------------------------------------------------
// Requests

// Any text: an id that is not a uuid names nothing, and the answer is 404 like any other unknown id.
export const IdParams = Type.Object({ id: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const SearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 100 }), date: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const unitFields = {
  name: Text(200),
  kind: UnitKind,
  level: Type.Integer({ minimum: 1, maximum: 5, description: 'Declared level 1–5' }),
  parentId: nullable(Id),
  classification: Classification,
  nameKnown: Type.Boolean(),
  hrUnitId: OptionalText(100),
  ansvarNumber: OptionalText(100),
  organisationNumber: OptionalText(100),
  kostraFunction: OptionalText(100),
  districts: Districts,
  source: OptionalText(1000),
  note: OptionalText(4000),
};

export const CreateUnitBody = Type.Object(
  {
    key: Type.Optional(Key),
    ...unitFields,
    nameKnown: Type.Optional(unitFields.nameKnown),
    districts: Type.Optional(unitFields.districts),
    validFrom: ValidFrom,
    validTo: Type.Optional(nullable(ValidTo)),
  },
  { additionalProperties: false },
);
export type CreateUnitBody = Static<typeof CreateUnitBody>;

/** Only the fields sent change; the rest carry over from the version that holds on `validFrom`. */
export const ChangeUnitBody = Type.Object(
  {
    revision: Revision,
    validFrom: ValidFrom,
    key: Type.Optional(Key),
    ...Type.Partial(Type.Object(unitFields)).properties,
    moveLeaderLine: Type.Optional(
      Type.Boolean({
        description:
          'With a new parentId: the unit leader’s personnel line to the old parent’s leader moves to the new parent’s leader from validFrom',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ChangeUnitBody = Static<typeof ChangeUnitBody>;

/** Ends something: `validTo` is the first day it no longer holds. */
export const CloseBody = Type.Object({ revision: Revision, validTo: ValidTo }, { additionalProperties: false });
export type CloseBody = Static<typeof CloseBody>;

const positionFields = {
  title: Text(200),
  unitId: Id,
  roleType: RoleType,
  personnelResponsibility: Type.Boolean(),
  professionallyIndependent: Type.Boolean(),
  fte: nullable(PostFte),
  costCentre: nullable(CostCentre),
  source: OptionalText(1000),
  note: OptionalText(4000),
};

export const CreatePositionBody = Type.Object(
  {
    key: Type.Optional(Key),
    ...positionFields,
    professionallyIndependent: Type.Optional(positionFields.professionallyIndependent),
    fte: Type.Optional(positionFields.fte),
    costCentre: Type.Optional(positionFields.costCentre),
    validFrom: ValidFrom,
    validTo: Type.Optional(nullable(ValidTo)),
  },
  { additionalProperties: false },
);
export type CreatePositionBody = Static<typeof CreatePositionBody>;

export const ChangePositionBody = Type.Object(
  {
    revision: Revision,
    validFrom: ValidFrom,
    key: Type.Optional(Key),
    ...Type.Partial(Type.Object(positionFields)).properties,
  },
  { additionalProperties: false },
);
export type ChangePositionBody = Static<typeof ChangePositionBody>;

export const CreatePersonBody = Type.Object(
  {
    key: Type.Optional(Key),
    name: Text(200),
    synthetic: Type.Optional(Type.Boolean()),
    source: OptionalText(1000),
  },
  { additionalProperties: false },
);
export type CreatePersonBody = Static<typeof CreatePersonBody>;

export const AssignPersonBody = Type.Object(
  {
    personId: Id,
    positionId: Id,
    fte: Type.Optional(AssignmentFte),
    validFrom: ValidFrom,
    validTo: Type.Optional(nullable(ValidTo)),
    source: OptionalText(1000),
    fteOverrideReason: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        pattern: '\\S',
        description: 'Why the person may hold more than 100 % FTE on some day of the period; without it such an assignment is refused',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AssignPersonBody = Static<typeof AssignPersonBody>;

export const AddLineBody = Type.Object(
  {
    type: LineType,
    fromPositionId: Id,
    toPositionId: Id,
    validFrom: ValidFrom,
    validTo: Type.Optional(nullable(ValidTo)),
    source: OptionalText(1000),
    note: OptionalText(4000),
  },
  { additionalProperties: false },
);
export type AddLineBody = Static<typeof AddLineBody>;

// ---------------------------------------------------------------------------------------------
// Responses

/** What a write answers: the entity's id and its revision after the change (send it with the next edit). */
export const WriteResult = Type.Object({ id: Type.String(), revision: Type.Integer() });
export type WriteResult = Static<typeof WriteResult>;

export const UnitRef = Type.Object({ id: Type.String(), name: Type.String(), level: Type.Integer(), kind: UnitKind });
export type UnitRef = Static<typeof UnitRef>;

export const Holder = Type.Object({
  assignmentId: Type.String(),
  assignmentRevision: Type.Integer(),
  personId: Type.String(),
  name: Type.String(),
  fte: Type.Number(),
  validFrom: IsoDate,
  validTo: nullable(IsoDate),
});
export type Holder = Static<typeof Holder>;

/** A reporting line seen from one of its ends: `position` is this end, `other` the far end. */
export const LineEnd = Type.Object({
  id: Type.String(),
  revision: Type.Integer(),
  type: LineType,
  direction: Type.Union([Type.Literal('out'), Type.Literal('in')], {
    description: 'out: this position reports to the other; in: the other reports to it',
  }),
  validFrom: IsoDate,
  validTo: nullable(IsoDate),
  position: Type.Object({ id: Type.String(), title: Type.String() }),
  other: Type.Object({
    positionId: Type.String(),
    title: Type.String(),
    unitId: Type.String(),
    unitName: Type.String(),
    holders: Type.Array(Type.Object({ personId: Type.String(), name: Type.String() })),
  }),
});
export type LineEnd = Static<typeof LineEnd>;

export const UnitPosition = Type.Object({
  id: Type.String(),
  title: Type.String(),
  roleType: RoleType,
  personnelResponsibility: Type.Boolean(),
  professionallyIndependent: Type.Boolean(),
  fte: nullable(Type.Number()),
  costCentre: nullable(Type.String()),
  holders: Type.Array(Holder),
  vacant: Type.Boolean(),
});

export const UnitHistoryEntry = Type.Object({
  validFrom: IsoDate,
  validTo: nullable(IsoDate),
  name: Type.String(),
  parentId: nullable(Type.String()),
  parentName: nullable(Type.String()),
  level: Type.Integer(),
  kind: UnitKind,
  classification: Classification,
});

export const UnitDetail = Type.Object({
  date: IsoDate,
  id: Type.String(),
  key: Type.String(),
  revision: Type.Integer(),
  validFrom: IsoDate,
  validTo: nullable(IsoDate),
  name: Type.String(),
  kind: UnitKind,
  level: Type.Integer(),
  classification: Classification,
  nameKnown: Type.Boolean(),
  hrUnitId: nullable(Type.String()),
  ansvarNumber: nullable(Type.String()),
  organisationNumber: nullable(Type.String()),
  kostraFunction: nullable(Type.String()),
  districts: Type.Array(Type.Integer()),
  source: nullable(Type.String()),
  note: nullable(Type.String()),
  parent: nullable(UnitRef),
  children: Type.Array(UnitRef),
  leader: nullable(Type.Object({ positionId: Type.String(), title: Type.String(), holders: Type.Array(Holder) })),
  positions: Type.Array(UnitPosition),
  linesOut: Type.Array(LineEnd),
  linesIn: Type.Array(LineEnd),
  levelException: nullable(Type.Object({ reason: Type.String(), source: nullable(Type.String()) })),
  history: Type.Array(UnitHistoryEntry, { description: 'Every version, oldest first' }),
});
export type UnitDetail = Static<typeof UnitDetail>;

export const PositionHistoryEntry = Type.Object({
  validFrom: IsoDate,
  validTo: nullable(IsoDate),
  title: Type.String(),
  unitId: Type.String(),
  unitName: nullable(Type.String()),
  roleType: RoleType,
  personnelResponsibility: Type.Boolean(),
  professionallyIndependent: Type.Boolean(),
  fte: nullable(Type.Number()),
  costCentre: nullable(Type.String()),
});

export const PositionDetail = Type.Object({
  date: IsoDate,
  id: Type.String(),
  key: Type.String(),
  revision: Type.Integer(),
  validFrom: IsoDate,
  validTo: nullable(IsoDate),
  title: Type.String(),
  unit: UnitRef,
  roleType: RoleType,
  personnelResponsibility: Type.Boolean(),
  professionallyIndependent: Type.Boolean(),
  fte: nullable(Type.Number()),
  costCentre: nullable(Type.String()),
  source: nullable(Type.String()),
  note: nullable(Type.String()),
  holders: Type.Array(Holder),
  vacant: Type.Boolean(),
  linesOut: Type.Array(LineEnd),
  linesIn: Type.Array(LineEnd),
  history: Type.Array(PositionHistoryEntry, { description: 'Every version, oldest first' }),
});
export type PositionDetail = Static<typeof PositionDetail>;

export const PersonAssignment = Type.Object({
  id: Type.String(),
  revision: Type.Integer(),
  positionId: Type.String(),
  positionTitle: Type.String(),
  unitId: Type.String(),
  unitName: nullable(Type.String()),
  fte: Type.Number(),
  validFrom: IsoDate,
  validTo: nullable(IsoDate),
  current: Type.Boolean({ description: 'Holds on the date asked for' }),
});

export const PersonDetail = Type.Object({
  date: IsoDate,
  id: Type.String(),
  key: Type.String(),
  revision: Type.Integer(),
  name: Type.String(),
  synthetic: Type.Boolean(),
  source: nullable(Type.String()),
  assignments: Type.Array(PersonAssignment, {
    description: 'Past, current and future; position and unit as they stood during the assignment',
  }),
  lines: Type.Array(LineEnd, { description: 'Lines of the positions the person holds on the date' }),
});
export type PersonDetail = Static<typeof PersonDetail>;

export const SearchResult = Type.Object({
  date: IsoDate,
  units: Type.Array(UnitRef),
  positions: Type.Array(
    Type.Object({ id: Type.String(), title: Type.String(), unitId: Type.String(), unitName: Type.String(), roleType: RoleType }),
  ),
  people: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), synthetic: Type.Boolean() })),
});
export type SearchResult = Static<typeof SearchResult>;
