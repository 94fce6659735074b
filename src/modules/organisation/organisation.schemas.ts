import { Type, type Static } from 'typebox';

// Shared between server and web: the vocabulary of the organisation model (glossary names).
export const unitKinds = [
  'leadership_team',
  'director_area',
  'service_area',
  'staff_area',
  'unit',
  'department',
  'staff_function',
  'hub',
] as const;
export const classifications = ['service', 'staff_support', 'administration'] as const;
export const roleTypes = [
  'chief_executive',
  'director',
  'service_area_head',
  'staff_area_head',
  'unit_leader',
  'department_leader',
  'professional_lead',
  'digital_agent',
  'case_handler',
  'coordinator',
  'adviser',
  'employee',
] as const;
export const lineTypes = ['personnel', 'professional', 'coordination'] as const;

// Type.Enum keeps the literal types in Static<> (a union built with .map() would not).
export const UnitKind = Type.Enum(unitKinds);
export const Classification = Type.Enum(classifications);
export const RoleType = Type.Enum(roleTypes);
export const LineType = Type.Enum(lineTypes);

export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const AsOfQuery = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false });
export type AsOfQuery = Static<typeof AsOfQuery>;

export const TreeUnit = Type.Object({
  id: Type.String(),
  key: Type.String(),
  name: Type.String(),
  kind: UnitKind,
  level: Type.Integer(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  classification: Classification,
  nameKnown: Type.Boolean(),
  leader: Type.Union([
    Type.Object({
      positionId: Type.String(),
      title: Type.String(),
      personName: Type.Union([Type.String(), Type.Null()]),
      /** The holder's person card (the chart's people mode links to it). */
      personId: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  positions: Type.Integer({ description: 'Positions in the unit itself' }),
  source: Type.Union([Type.String(), Type.Null()]),
});
export type TreeUnit = Static<typeof TreeUnit>;

export const OrganisationTree = Type.Object({ date: IsoDate, units: Type.Array(TreeUnit) });
export type OrganisationTree = Static<typeof OrganisationTree>;

export const ChartLine = Type.Object({
  id: Type.String(),
  type: LineType,
  fromUnitId: Type.String(),
  toUnitId: Type.String(),
});
export type ChartLine = Static<typeof ChartLine>;

export const ChartLines = Type.Object({
  date: IsoDate,
  lines: Type.Array(ChartLine, {
    description:
      'Reporting lines between units on the date that the unit hierarchy does not already show: professional and coordination lines, and personnel lines to a unit other than the parent. One per type and pair of units.',
  }),
});
export type ChartLines = Static<typeof ChartLines>;
