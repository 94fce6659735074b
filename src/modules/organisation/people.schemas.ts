import { Type, type Static, type TSchema } from 'typebox';
import { IsoDate, LineType, RoleType, UnitKind } from './organisation.schemas.js';

// Shared between server and web: people first. The person search (name, employee number, position
// title, unit name; typos tolerated) and the person card (positions on a day with their leaders,
// lines, the sign-in, contact, photo and history).

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const peoplePageSize = 20;

export const PeopleSearchQuery = Type.Object(
  {
    q: Type.String({ maxLength: 100, description: 'Name, employee number, position title or unit name; case, accents and typos forgiven' }),
    date: Type.Optional(IsoDate),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type PeopleSearchQuery = Static<typeof PeopleSearchQuery>;

const PersonRef = Type.Object({ personId: Type.String(), name: Type.String() });

/** Where the person's photo is served from (with its version, so a changed photo is a new address), or null. */
const Photo = nullable(Type.Object({ url: Type.String(), version: Type.String() }));

export const PeopleSearchHit = Type.Object({
  id: Type.String(),
  key: Type.String(),
  name: Type.String(),
  synthetic: Type.Boolean(),
  photo: Photo,
  /** How it matched: the employee number, the name's words, other words (title, unit), or a near spelling. */
  match: Type.Union([Type.Literal('key'), Type.Literal('name'), Type.Literal('text'), Type.Literal('similar')]),
  positions: Type.Array(
    Type.Object({ positionId: Type.String(), title: Type.String(), unitId: Type.String(), unitName: Type.String(), fte: Type.Number() }),
    { description: 'Positions held on the date' },
  ),
});
export type PeopleSearchHit = Static<typeof PeopleSearchHit>;

export const PeopleSearchResult = Type.Object({
  date: IsoDate,
  q: Type.String(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Matches found (at most `limit`; `more` when there were more than that). */
  total: Type.Integer(),
  more: Type.Boolean(),
  people: Type.Array(PeopleSearchHit),
});
export type PeopleSearchResult = Static<typeof PeopleSearchResult>;

const UnitStep = Type.Object({ id: Type.String(), name: Type.String(), level: Type.Integer(), kind: UnitKind });

const OtherEnd = Type.Object({
  positionId: Type.String(),
  title: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  /** Empty: the position is vacant («ledig»). */
  holders: Type.Array(PersonRef),
});

export const PersonCardPosition = Type.Object({
  assignmentId: Type.String(),
  positionId: Type.String(),
  title: Type.String(),
  roleType: RoleType,
  /** The person's share of a full-time post in this position. */
  fte: Type.Number(),
  validFrom: IsoDate,
  validTo: nullable(IsoDate),
  /** The unit and the units above it, the top first. */
  unitPath: Type.Array(UnitStep),
  /** The position the personnel line goes to; null when there is none (the chief executive). */
  personnelLeader: nullable(OtherEnd),
  /** Professional and coordination lines out of the position. */
  otherLines: Type.Array(Type.Intersect([Type.Object({ type: LineType }), OtherEnd])),
});
export type PersonCardPosition = Static<typeof PersonCardPosition>;

export const PersonCard = Type.Object({
  date: IsoDate,
  id: Type.String(),
  key: Type.String(),
  name: Type.String(),
  synthetic: Type.Boolean(),
  source: nullable(Type.String()),
  photo: Photo,
  positions: Type.Array(PersonCardPosition, { description: 'Held on the date' }),
  /** The linked sign-in; null when there is none or the viewer may not see users (users:read). */
  signIn: nullable(Type.Object({ userId: Type.String(), username: Type.String(), displayName: Type.String(), disabled: Type.Boolean() })),
  /** Contact details, each with where it comes from. */
  contact: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('email'), Type.Literal('phone')]),
      value: Type.String(),
      from: Type.Union([Type.Literal('hr_feed'), Type.Literal('sign_in')]),
    }),
  ),
  history: Type.Array(
    Type.Object({
      assignmentId: Type.String(),
      positionId: Type.String(),
      title: Type.String(),
      unitId: Type.String(),
      unitName: Type.String(),
      fte: Type.Number(),
      validFrom: IsoDate,
      validTo: nullable(IsoDate),
    }),
    { description: 'Every assignment, past, current and future, the latest first' },
  ),
});
export type PersonCard = Static<typeof PersonCard>;

export const PhotoParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type PhotoParams = Static<typeof PhotoParams>;
