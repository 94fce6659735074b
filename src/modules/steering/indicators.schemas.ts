import { Type, type Static, type TSchema } from 'typebox';

// Contracts of the indicators part (/api/steering/indicators, /dashboard): definitions with
// thresholds and shared owners, targets and values per period, comments and measures, and the
// area dashboard. Periods: '2024' (year), '2024-T1'..'2024-T3' (tertial), '2024-01'..'2024-12' (month).

export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Id = Type.String({ format: 'uuid' });
export const PeriodText = Type.String({ maxLength: 7, description: "'YYYY', 'YYYY-T1'..'YYYY-T3' or 'YYYY-MM'" });
export const IndicatorKey = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$', maxLength: 80 });

export const Direction = Type.Union([Type.Literal('higher'), Type.Literal('lower')]);
export type Direction = Static<typeof Direction>;
export const Frequency = Type.Union([Type.Literal('month'), Type.Literal('tertial'), Type.Literal('year')]);
export type Frequency = Static<typeof Frequency>;
export const DataSource = Type.Union([
  Type.Literal('manual'),
  Type.Literal('import'),
  Type.Literal('kostra'),
  Type.Literal('leader_support'),
]);
export type DataSource = Static<typeof DataSource>;
export const Status = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red'), Type.Literal('none')]);
export type Status = Static<typeof Status>;

export const UnitRef = Type.Object({ id: Id, name: Type.String() });
export type UnitRef = Static<typeof UnitRef>;
export const AreaRef = Type.Object({ id: Id, code: Type.String(), name: Type.String() });
export type AreaRef = Static<typeof AreaRef>;

const Text = (maxLength: number) => Type.String({ maxLength });

/** What an analyst writes when creating an indicator; thresholds both or neither, in the right order. */
export const IndicatorInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    definition: Type.Optional(nullable(Text(4000))),
    unitOfMeasure: Type.Optional(Text(40)),
    direction: Direction,
    frequency: Frequency,
    dataSource: DataSource,
    greenAt: Type.Optional(nullable(Type.Number())),
    redAt: Type.Optional(nullable(Type.Number())),
    /** The programme area's code (P01–P18). */
    areaCode: Type.Optional(nullable(Text(16))),
    ownerUnitIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
    goalIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
    source: Type.Optional(nullable(Text(1000))),
  },
  { additionalProperties: false },
);
export type IndicatorInput = Static<typeof IndicatorInput>;

export const CreateIndicator = Type.Object({ key: IndicatorKey, ...IndicatorInput.properties }, { additionalProperties: false });
export type CreateIndicator = Static<typeof CreateIndicator>;
export const UpdateIndicator = Type.Object(
  { revision: Type.Integer({ minimum: 1 }), ...IndicatorInput.properties },
  { additionalProperties: false },
);
export type UpdateIndicator = Static<typeof UpdateIndicator>;

export const IndicatorsQuery = Type.Object({
  area: Type.Optional(Text(16)),
  goal: Type.Optional(Id),
  owner: Type.Optional(Id),
});
export type IndicatorsQuery = Static<typeof IndicatorsQuery>;

export const Latest = nullable(Type.Object({ period: Type.String(), value: Type.Number() }));

export const IndicatorSummary = Type.Object({
  id: Id,
  key: Type.String(),
  name: Type.String(),
  unitOfMeasure: Type.String(),
  direction: Direction,
  frequency: Frequency,
  dataSource: DataSource,
  greenAt: nullable(Type.Number()),
  redAt: nullable(Type.Number()),
  area: nullable(AreaRef),
  owners: Type.Array(UnitRef),
  latest: Latest,
  target: nullable(Type.Number()),
  status: Status,
  synthetic: Type.Boolean(),
});
export type IndicatorSummary = Static<typeof IndicatorSummary>;
export const IndicatorList = Type.Object({ indicators: Type.Array(IndicatorSummary) });
export type IndicatorList = Static<typeof IndicatorList>;

export const SeriesPoint = Type.Object({
  period: Type.String(),
  value: nullable(Type.Number()),
  target: nullable(Type.Number()),
  status: Status,
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const IndicatorComment = Type.Object({
  id: Id,
  unit: nullable(UnitRef),
  period: nullable(Type.String()),
  body: Type.String(),
  measure: nullable(Type.String()),
  authorName: Type.String(),
  createdAt: Type.String(),
});
export type IndicatorComment = Static<typeof IndicatorComment>;

export const IndicatorDetail = Type.Object({
  ...IndicatorSummary.properties,
  definition: nullable(Type.String()),
  source: nullable(Type.String()),
  revision: Type.Integer(),
  goals: Type.Array(Type.Object({ id: Id, title: Type.String(), level: Type.String() })),
  targets: Type.Array(Type.Object({ period: Type.String(), target: Type.Number() })),
  /** The whole municipality, per period (oldest first), with the period's target and status. */
  series: Type.Array(SeriesPoint),
  /** Per unit and per district: the values, oldest period first. */
  units: Type.Array(Type.Object({ unit: UnitRef, values: Type.Array(Type.Object({ period: Type.String(), value: Type.Number() })) })),
  districts: Type.Array(
    Type.Object({ district: Type.Integer(), values: Type.Array(Type.Object({ period: Type.String(), value: Type.Number() })) }),
  ),
  comments: Type.Array(IndicatorComment),
  /** Units among the owners the signed-in user may comment for (and enter values for). */
  mayCommentFor: Type.Array(UnitRef),
  mayEdit: Type.Boolean(),
});
export type IndicatorDetail = Static<typeof IndicatorDetail>;

export const PutValues = Type.Object(
  {
    values: Type.Array(
      Type.Object(
        {
          period: Type.String({ maxLength: 20 }),
          unitId: Type.Optional(nullable(Id)),
          district: Type.Optional(nullable(Type.Integer())),
          /** null removes the value. */
          value: nullable(Type.Number()),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);
export type PutValues = Static<typeof PutValues>;

export const PutTargets = Type.Object(
  {
    targets: Type.Array(
      Type.Object({ period: Type.String({ maxLength: 20 }), target: nullable(Type.Number()) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type PutTargets = Static<typeof PutTargets>;

export const CreateComment = Type.Object(
  {
    unitId: Type.Optional(nullable(Id)),
    period: Type.Optional(nullable(Type.String({ maxLength: 20 }))),
    body: Type.String({ minLength: 1, maxLength: 4000 }),
    measure: Type.Optional(nullable(Text(4000))),
  },
  { additionalProperties: false },
);
export type CreateComment = Static<typeof CreateComment>;

export const Written = Type.Object({ written: Type.Integer(), removed: Type.Integer() });
export type Written = Static<typeof Written>;

export const DashboardQuery = Type.Object({
  area: Type.Optional(Text(16)),
  period: Type.Optional(Type.String({ maxLength: 20 })),
  /** The dashboard's table as a file instead of JSON. */
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
});
export type DashboardQuery = Static<typeof DashboardQuery>;

export const StatusCounts = Type.Object({ green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer(), none: Type.Integer() });
export type StatusCounts = Static<typeof StatusCounts>;

export const DashboardRow = Type.Object({
  key: Type.String(),
  name: Type.String(),
  unitOfMeasure: Type.String(),
  direction: Direction,
  frequency: Frequency,
  latest: Latest,
  target: nullable(Type.Number()),
  status: Status,
  /** Up to the last 10 periods, oldest first. */
  sparkline: Type.Array(Type.Object({ period: Type.String(), value: Type.Number() })),
  owners: Type.Array(UnitRef),
  commentCount: Type.Integer(),
  synthetic: Type.Boolean(),
});
export type DashboardRow = Static<typeof DashboardRow>;

export const Dashboard = Type.Object({
  area: nullable(AreaRef),
  /** The period the dashboard shows values up to (the end of it). */
  period: Type.String(),
  counts: StatusCounts,
  indicators: Type.Array(DashboardRow),
});
export type Dashboard = Static<typeof Dashboard>;

export const AreaOverview = Type.Object({
  period: Type.String(),
  areas: Type.Array(Type.Object({ ...AreaRef.properties, counts: StatusCounts, indicators: Type.Integer() })),
});
export type AreaOverview = Static<typeof AreaOverview>;
