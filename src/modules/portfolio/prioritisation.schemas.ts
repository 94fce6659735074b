import { Type, type Static, type TSchema } from 'typebox';

// Prioritisation, shared by server and web: weighted criteria, each initiative's scores (1–5), the
// ranked list with the capacity line, and what-if.
//
// THE CAPACITY LINE'S UNIT: kroner of estimated cost (pf_initiatives.estimated_cost, the
// initiative's whole estimated cost). pf_settings.capacity_line is the portfolio's development budget
// in kroner: walking the ranking, an initiative fits while the cumulative estimated cost of it and
// every initiative ranked above it is at or below the line. Mandated initiatives (category
// 'mandated') are pinned at the top and always fit, even when they alone pass the line.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Revision = Type.Integer({ minimum: 1, description: 'The revision the client read; a different one is refused as stale' });
const Weight = Type.Number({ minimum: 0, maximum: 100 });
const CriterionKey = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' });
/** Kroner; the portfolio's development budget. */
const Kroner = Type.Number({ minimum: 0, maximum: 1e13 });

export const InitiativeRefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 60 }) });
export const ExportQuery = Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) });

// --- Criteria ------------------------------------------------------------------------------------

export const Criterion = Type.Object({
  id: Id,
  key: Type.String(),
  labelNb: Type.String(),
  labelEn: Type.String(),
  weight: Type.Number(),
  /** false for risk and cost: a higher score is worse. */
  higherIsBetter: Type.Boolean(),
  sortOrder: Type.Integer(),
});
export type Criterion = Static<typeof Criterion>;

export const CriteriaResponse = Type.Object({
  criteria: Type.Array(Criterion),
  /** The criteria set's revision (every save bumps it). */
  revision: Type.Integer(),
  source: Type.String(),
});
export type CriteriaResponse = Static<typeof CriteriaResponse>;

export const PutCriteriaBody = Type.Object(
  {
    criteria: Type.Array(
      Type.Object(
        {
          key: CriterionKey,
          weight: Weight,
          labelNb: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
          labelEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    revision: Revision,
  },
  { additionalProperties: false },
);
export type PutCriteriaBody = Static<typeof PutCriteriaBody>;

// --- Settings ------------------------------------------------------------------------------------

export const PortfolioSettings = Type.Object({
  /** Kroner of estimated cost that fit in the portfolio (see the file's head). */
  capacityLine: Type.Number(),
  reportDueDay: Type.Integer(),
  revision: Type.Integer(),
});
export type PortfolioSettings = Static<typeof PortfolioSettings>;

export const PutSettingsBody = Type.Object(
  {
    capacityLine: Kroner,
    reportDueDay: Type.Optional(Type.Integer({ minimum: 1, maximum: 28 })),
    revision: Revision,
  },
  { additionalProperties: false },
);
export type PutSettingsBody = Static<typeof PutSettingsBody>;

// --- Scores --------------------------------------------------------------------------------------

export const PutScoresBody = Type.Object(
  {
    /** By criterion key: 1–5, or null to remove the score. */
    scores: Type.Record(CriterionKey, nullable(Type.Integer({ minimum: 1, maximum: 5 }))),
  },
  { additionalProperties: false },
);
export type PutScoresBody = Static<typeof PutScoresBody>;

export const InitiativeScoresResponse = Type.Object({
  initiativeId: Id,
  number: Type.Integer(),
  criteria: Type.Array(
    Type.Object({
      key: Type.String(),
      labelNb: Type.String(),
      labelEn: Type.String(),
      weight: Type.Number(),
      higherIsBetter: Type.Boolean(),
      score: nullable(Type.Integer()),
    }),
  ),
  /** 0–100 over the scored criteria; null when none with weight is scored. */
  weightedScore: nullable(Type.Number()),
  scoredCount: Type.Integer(),
  /** Place in the saved ranking and whether it fits; null when not a candidate (paused, done …). */
  rank: nullable(Type.Integer()),
  fits: nullable(Type.Boolean()),
});
export type InitiativeScoresResponse = Static<typeof InitiativeScoresResponse>;

// --- Ranking -------------------------------------------------------------------------------------

export const RankedInitiative = Type.Object({
  id: Id,
  number: Type.Integer(),
  title: Type.String(),
  category: Type.String(),
  phase: Type.String(),
  size: Type.String(),
  mandated: Type.Boolean(),
  rank: Type.Integer(),
  /** 0–100; null = not scored. */
  score: nullable(Type.Number()),
  scoredCount: Type.Integer(),
  /** Kroner (estimated cost). */
  demand: Type.Number(),
  cumulative: Type.Number(),
  fits: Type.Boolean(),
  estimatedMonths: nullable(Type.Integer()),
  synthetic: Type.Boolean(),
});
export type RankedInitiative = Static<typeof RankedInitiative>;

export const PrioritisationResponse = Type.Object({
  capacityLine: Type.Number(),
  capacityUnit: Type.Literal('NOK'),
  criteriaCount: Type.Integer(),
  totalDemand: Type.Number(),
  fitsCount: Type.Integer(),
  /** Demand of the mandated initiatives alone beyond the line (0 when they fit). */
  mandatedOverLine: Type.Number(),
  items: Type.Array(RankedInitiative),
  criteriaRevision: Type.Integer(),
  settingsRevision: Type.Integer(),
});
export type PrioritisationResponse = Static<typeof PrioritisationResponse>;

export const WhatIfBody = Type.Object(
  {
    weights: Type.Optional(Type.Record(CriterionKey, Weight)),
    capacityLine: Type.Optional(Kroner),
  },
  { additionalProperties: false },
);
export type WhatIfBody = Static<typeof WhatIfBody>;

const Moved = Type.Object({
  id: Id,
  number: Type.Integer(),
  title: Type.String(),
  savedRank: Type.Integer(),
  proposedRank: Type.Integer(),
});
export type Moved = Static<typeof Moved>;

export const WhatIfResponse = Type.Object({
  /** Always false: what-if never writes. */
  saved: Type.Literal(false),
  proposed: PrioritisationResponse,
  /** Out in the saved state, in with the proposal — and the other way round. */
  fallsIn: Type.Array(Moved),
  fallsOut: Type.Array(Moved),
});
export type WhatIfResponse = Static<typeof WhatIfResponse>;
