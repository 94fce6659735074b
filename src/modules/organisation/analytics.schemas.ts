import { Type, type Static } from 'typebox';
import { classifications, IsoDate } from './organisation.schemas.js';

const Classification = Type.Enum(classifications);

// Shared between server and web: organisation analytics and the administration baselines.

export const LocalisedText = Type.Object({ nb: Type.String(), en: Type.String() });
export type LocalisedText = Static<typeof LocalisedText>;

const Share = Type.Union([Type.Number(), Type.Null()], { description: 'A fraction 0–1; null when the total is 0 (nothing to divide by)' });

const figureProperties = {
  positions: Type.Integer(),
  headcount: Type.Integer({ description: 'Distinct people with an assignment' }),
  fte: Type.Number({ description: 'Sum of the assignments’ FTE' }),
  postFte: Type.Number({ description: 'Sum of the posts’ FTE where recorded' }),
  positionsWithFte: Type.Integer({ description: 'Positions whose FTE is recorded' }),
};
export const Figures = Type.Object(figureProperties);
export type Figures = Static<typeof Figures>;

export const UnitFigures = Type.Object({
  unitId: Type.String(),
  key: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  classification: Classification,
  own: Figures,
  /** The unit and everything under it. */
  total: Figures,
});
export type UnitFigures = Static<typeof UnitFigures>;

export const LevelFigures = Type.Object({ level: Type.Integer(), units: Type.Integer(), ...figureProperties });
export type LevelFigures = Static<typeof LevelFigures>;

export const Span = Type.Object({
  positionId: Type.String(),
  title: Type.String(),
  roleType: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  directReports: Type.Integer({ description: 'Positions with a personnel line to this one' }),
  threshold: Type.Union([Type.Integer(), Type.Null()]),
  overThreshold: Type.Boolean(),
});
export type Span = Static<typeof Span>;

export const Layers = Type.Object({
  count: Type.Integer({
    description: 'Positions in the longest personnel chain from the chief executive (the chief executive is layer 1); 0 without one',
  }),
  longestChain: Type.Array(Type.Object({ positionId: Type.String(), title: Type.String() })),
  positionsPerLayer: Type.Array(Type.Object({ layer: Type.Integer(), positions: Type.Integer() })),
  unreachablePositions: Type.Integer({ description: 'Positions with no personnel chain up to the chief executive' }),
});
export type Layers = Static<typeof Layers>;

const ShareBasis = Type.Object({
  service: Type.Number(),
  staffSupport: Type.Number(),
  administration: Type.Number(),
  total: Type.Number(),
  /** (administration + staff/support) ÷ total. */
  share: Share,
});
export type ShareBasis = Static<typeof ShareBasis>;

export const AdministrationShare = Type.Object({
  assignmentFte: ShareBasis,
  postFte: ShareBasis,
  positions: ShareBasis,
  /** The basis used for the headline figure and the comparison: FTE of people if any, else posts' FTE, else none. */
  basis: Type.Union([Type.Literal('assignmentFte'), Type.Literal('postFte'), Type.Null()]),
  share: Share,
  /** Positions held by at least one person: with FTE of people as the basis, the share covers only these. */
  filledPositions: Type.Integer(),
  /**
   * Whether the share describes the organisation: its basis covers at least nine in ten positions
   * (people recorded, or the posts' FTE). Otherwise it describes a sample (the demo's few people)
   * and the page says so instead of showing it as the share.
   */
  representative: Type.Boolean(),
  note: LocalisedText,
});
export type AdministrationShare = Static<typeof AdministrationShare>;

export const Baseline = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'The former municipality: Drammen, Nedre Eiker or Svelvik' }),
  year: Type.Integer(),
  adminFte: Type.Number(),
  totalFte: Type.Number(),
  share: Type.Number({ description: 'adminFte ÷ totalFte' }),
  source: Type.Union([Type.String(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  revision: Type.Integer(),
});
export type Baseline = Static<typeof Baseline>;

export const BaselineComparison = Type.Object({
  /** The latest year recorded for each former municipality. */
  used: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), year: Type.Integer() })),
  adminFte: Type.Number(),
  totalFte: Type.Number(),
  /** The three together: Σ admin FTE ÷ Σ total FTE; null without baselines. */
  combinedShare: Share,
  currentShare: Share,
  /** The goal: a smaller share than the three had together. Null when either side is unknown. */
  goalMet: Type.Union([Type.Boolean(), Type.Null()]),
  message: LocalisedText,
});
export type BaselineComparison = Static<typeof BaselineComparison>;

const analyticsProperties = {
  date: IsoDate,
  totals: Type.Object({ units: Type.Integer(), ...figureProperties }),
  units: Type.Array(UnitFigures),
  levels: Type.Array(LevelFigures),
  spans: Type.Array(Span),
  layers: Layers,
  administrationShare: AdministrationShare,
};
export const Analytics = Type.Object(analyticsProperties);
export type Analytics = Static<typeof Analytics>;

/** The figures without the per-unit and per-leader lists (thousands of entries at 10×). */
export const AnalyticsSummary = Type.Object({
  date: analyticsProperties.date,
  totals: analyticsProperties.totals,
  levels: analyticsProperties.levels,
  layers: analyticsProperties.layers,
  administrationShare: analyticsProperties.administrationShare,
});
export type AnalyticsSummary = Static<typeof AnalyticsSummary>;

export const ScenarioProblem = Type.Object({
  changeIndex: Type.Integer(),
  changeId: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  message: LocalisedText,
});
export type ScenarioProblem = Static<typeof ScenarioProblem>;

/** Leaders in the response's `spans`: the rest are counted in `spanSummary` (8 000 leaders at 10×). */
export const spansShown = 200;

export const AnalyticsResponse = Type.Object({
  ...analyticsProperties,
  units: Type.Array(UnitFigures, {
    description:
      'Per unit: the focused unit (?unit=) and the units directly under it; without ?unit=, the top unit and those directly under it',
  }),
  unitFocus: Type.Union([UnitFigures, Type.Null()], { description: 'The unit asked for with ?unit=, with the units above it in `path`' }),
  unitPath: Type.Array(Type.Object({ unitId: Type.String(), name: Type.String() }), {
    description: 'The units above the focused unit, top first (empty without ?unit=)',
  }),
  spans: Type.Array(Span, { description: `The widest spans of control, those over their threshold first, at most ${spansShown}` }),
  spanSummary: Type.Object({
    leaders: Type.Integer({ description: 'Leader positions with a span of control' }),
    overThreshold: Type.Integer(),
    maxDirectReports: Type.Integer(),
  }),
  scenario: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), problems: Type.Array(ScenarioProblem) }), Type.Null()]),
  baselines: Type.Array(Baseline),
  baselineComparison: BaselineComparison,
});
export type AnalyticsResponse = Static<typeof AnalyticsResponse>;

export const AnalyticsQuery = Type.Object(
  {
    date: Type.Optional(IsoDate),
    scenario: Type.Optional(
      Type.String({ format: 'uuid', description: 'Show the organisation as the scenario would make it (as of its effective date)' }),
    ),
    unit: Type.Optional(Type.String({ format: 'uuid', description: 'Roll-ups for this unit and the units directly under it' })),
  },
  { additionalProperties: false },
);
export type AnalyticsQuery = Static<typeof AnalyticsQuery>;

const Fte = Type.Number({ minimum: 0, maximum: 1_000_000 });
const OptionalText = Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]);

export const BaselineCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    year: Type.Integer({ minimum: 1900, maximum: 2100 }),
    adminFte: Fte,
    totalFte: Fte,
    source: Type.Optional(OptionalText),
    comment: Type.Optional(OptionalText),
  },
  { additionalProperties: false },
);
export type BaselineCreateBody = Static<typeof BaselineCreateBody>;

export const BaselineUpdateBody = Type.Object(
  {
    revision: Type.Integer({ minimum: 1, description: 'The revision you read; a different one gives 409 stale' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    adminFte: Type.Optional(Fte),
    totalFte: Type.Optional(Fte),
    source: Type.Optional(OptionalText),
    comment: Type.Optional(OptionalText),
  },
  { additionalProperties: false },
);
export type BaselineUpdateBody = Static<typeof BaselineUpdateBody>;

export const RevisionQuery = Type.Object({ revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type RevisionQuery = Static<typeof RevisionQuery>;

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const BaselineList = Type.Object({ items: Type.Array(Baseline), comparison: BaselineComparison });
export type BaselineList = Static<typeof BaselineList>;
