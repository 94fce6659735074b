import { Type, type Static } from 'typebox';
import { Channel, Id, Localised, nullable } from './leader-support.schemas.js';

// The figures that show whether leader support works (docs/support-metrics.md defines each one):
// GET /api/leader-support/figures and the same as CSV (figures.csv), for the desk, management and,
// for their own unit, a leader.

const DateText = Type.String({ maxLength: 20, description: 'YYYY-MM-DD (Norwegian calendar day)' });

export const FiguresQuery = Type.Object({
  from: Type.Optional(DateText),
  to: Type.Optional(DateText),
  unitId: Type.Optional(Id),
  sectorId: Type.Optional(Id),
  categoryId: Type.Optional(Id),
  channel: Type.Optional(Channel),
});
export type FiguresQuery = Static<typeof FiguresQuery>;

/** A share with what it is made of; `share` is null when the denominator is 0. */
const Share = Type.Object({ count: Type.Integer(), of: Type.Integer(), share: nullable(Type.Number()) });
export type Share = Static<typeof Share>;

const Volume = {
  created: Type.Integer(),
  selfService: Type.Integer(),
  /** Resolved in the period, self-service not counted. */
  resolved: Type.Integer(),
  resolvedFirstLine: Type.Integer(),
};

/** Cost in kroner; null when time was logged on a line without a rate. */
const Cost = {
  minutes: Type.Integer(),
  cost: nullable(Type.Number()),
};

export const TimesPerLine = Type.Object({
  /** 1, 2, 3: the highest line that worked on the request; null: all lines together. */
  line: nullable(Type.Integer()),
  resolved: Type.Integer(),
  responseMedianHours: nullable(Type.Number()),
  responseP90Hours: nullable(Type.Number()),
  resolutionMedianHours: nullable(Type.Number()),
  resolutionP90Hours: nullable(Type.Number()),
});
export type TimesPerLine = Static<typeof TimesPerLine>;

export const backlogBuckets = ['under1d', 'd1to3', 'd3to7', 'd7to30', 'over30d'] as const;
export type BacklogBucket = (typeof backlogBuckets)[number];

export const Figures = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  filters: Type.Object({
    unit: nullable(Type.Object({ id: Id, name: Type.String() })),
    sectorId: nullable(Id),
    categoryId: nullable(Id),
    channel: nullable(Channel),
  }),
  /** When the figures were computed (the backlog is counted at this moment). */
  computedAt: Type.String({ format: 'date-time' }),
  /** Some of the requests counted are synthetic (npm run demo:support). */
  synthetic: Type.Object({ contains: Type.Boolean(), count: Type.Integer() }),
  totals: Type.Object({ ...Volume, open: Type.Integer() }),
  firstLine: Type.Object({
    resolved: Type.Integer(),
    firstLine: Type.Integer(),
    rate: nullable(Type.Number()),
    targetPercent: Type.Integer(),
    definition: Localised,
  }),
  selfService: Type.Object({ ...Share.properties, definition: Localised }),
  /** One row per calendar month of the period (Norwegian time), months without requests included. */
  months: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), ...Volume, firstLineRate: nullable(Type.Number()) })),
  categories: Type.Array(
    Type.Object({ id: Id, key: Type.String(), name: Localised, area: Type.String(), ...Volume, firstLineRate: nullable(Type.Number()) }),
  ),
  sectors: Type.Array(
    Type.Object({ id: nullable(Id), name: nullable(Type.String()), ...Volume, firstLineRate: nullable(Type.Number()), ...Cost }),
  ),
  /** The 50 units with most requests; the rest summed in `otherUnits`. */
  units: Type.Array(
    Type.Object({
      id: nullable(Id),
      name: nullable(Type.String()),
      sectorName: nullable(Type.String()),
      ...Volume,
      firstLineRate: nullable(Type.Number()),
      ...Cost,
    }),
  ),
  otherUnits: Type.Object({ units: Type.Integer(), ...Volume, ...Cost }),
  channels: Type.Array(Type.Object({ channel: Channel, ...Volume })),
  times: Type.Array(TimesPerLine),
  sla: Type.Object({ response: Share, resolution: Share }),
  backlog: Type.Object({
    open: Type.Integer(),
    buckets: Type.Array(
      Type.Object({
        bucket: Type.Union([
          Type.Literal('under1d'),
          Type.Literal('d1to3'),
          Type.Literal('d3to7'),
          Type.Literal('d7to30'),
          Type.Literal('over30d'),
        ]),
        count: Type.Integer(),
      }),
    ),
  }),
  satisfaction: Type.Object({
    sent: Type.Integer(),
    answered: Type.Integer(),
    responseRate: nullable(Type.Number()),
    mean: nullable(Type.Number()),
    /** Answers with score 1, 2, 3, 4, 5. */
    distribution: Type.Array(Type.Integer(), { minItems: 5, maxItems: 5 }),
  }),
  cost: Type.Object({
    /** Kroner per hour per line, as the desk's settings say now; null: no rate for that line. */
    rates: Type.Object({ line1: nullable(Type.Number()), line2: nullable(Type.Number()), line3: nullable(Type.Number()) }),
    minutesPerLine: Type.Array(Type.Integer(), { minItems: 3, maxItems: 3 }),
    total: nullable(Type.Number()),
    /** Lines with logged time but no rate: their cost is unknown. */
    linesWithoutRate: Type.Array(Type.Integer()),
  }),
});
export type Figures = Static<typeof Figures>;
