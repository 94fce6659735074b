import { Type, type Static } from 'typebox';

// Contracts of the budget programme area routes (/api/steering/areas…, /actuals…, /adjustments…).

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const AdjustmentStatus = Type.Union([Type.Literal('proposed'), Type.Literal('adopted'), Type.Literal('rejected')]);
export type AdjustmentStatus = Static<typeof AdjustmentStatus>;
export const adjustmentStatuses: AdjustmentStatus[] = ['proposed', 'adopted', 'rejected'];

export const AreaUnit = Type.Object({ id: Type.String(), name: Type.String() });

export const ProgrammeArea = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  committee: NullableString,
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
  units: Type.Array(AreaUnit),
  source: NullableString,
  synthetic: Type.Boolean(),
  revision: Type.Integer(),
});
export type ProgrammeArea = Static<typeof ProgrammeArea>;

export const AreaList = Type.Object({ areas: Type.Array(ProgrammeArea) });
export type AreaList = Static<typeof AreaList>;

export const AreaInput = Type.Object(
  {
    code: Type.String({ maxLength: 16 }),
    name: Type.String({ maxLength: 200 }),
    committee: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
    unitIds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 500 })),
    source: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type AreaInput = Static<typeof AreaInput>;
export const AreaUpdate = Type.Object({ ...AreaInput.properties, revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type AreaUpdate = Static<typeof AreaUpdate>;

export const CodeParams = Type.Object({ code: Type.String({ maxLength: 16 }) });
export const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
export const YearQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  asOfMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
});

export const PlanYear = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), amount: Type.Number() },
  { additionalProperties: false },
);
export const PutBudgetsBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    budget: Type.Number(),
    plan: Type.Array(PlanYear, { maxItems: 4 }),
    source: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type PutBudgetsBody = Static<typeof PutBudgetsBody>;

export const PutForecastBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    asOfMonth: Type.Integer({ minimum: 1, maximum: 12 }),
    amount: Type.Number(),
    comment: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type PutForecastBody = Static<typeof PutForecastBody>;

export const AdjustmentInput = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Type.String({ maxLength: 300 }),
    reason: Type.Optional(Type.String({ maxLength: 5000 })),
    amount: Type.Number(),
    decisionId: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    decisionReference: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    status: Type.Optional(AdjustmentStatus),
  },
  { additionalProperties: false },
);
export type AdjustmentInput = Static<typeof AdjustmentInput>;
export const AdjustmentCreate = Type.Object(
  { ...AdjustmentInput.properties, areaCode: Type.String({ maxLength: 16 }) },
  { additionalProperties: false },
);
export type AdjustmentCreate = Static<typeof AdjustmentCreate>;
export const AdjustmentUpdate = Type.Object(
  { ...AdjustmentInput.properties, revision: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type AdjustmentUpdate = Static<typeof AdjustmentUpdate>;
export const RevisionQuery = Type.Object({ revision: Type.Integer({ minimum: 1 }) });

export const Adjustment = Type.Object({
  id: Type.String(),
  areaId: Type.String(),
  areaCode: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  reason: Type.String(),
  amount: Type.Number(),
  decisionId: NullableString,
  decisionCaseNumber: NullableString,
  decisionMeetingDate: NullableString,
  decisionTitle: NullableString,
  decisionReference: NullableString,
  status: AdjustmentStatus,
  source: NullableString,
  synthetic: Type.Boolean(),
  revision: Type.Integer(),
});
export type Adjustment = Static<typeof Adjustment>;

export const BudgetAssessment = Type.Object({
  asOfMonth: Type.Integer(),
  statedDeviation: NullableNumber,
  statusText: Type.String(),
  assessment: Type.String(),
  conclusion: Type.String(),
  proposedChange: NullableNumber,
  source: NullableString,
});
export type BudgetAssessment = Static<typeof BudgetAssessment>;

/** One area's budget status for a year as of a month (the budget page, the reports). */
export const AreaBudgetStatus = Type.Object({
  areaId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  committee: NullableString,
  active: Type.Boolean(),
  synthetic: Type.Boolean(),
  source: NullableString,
  year: Type.Integer(),
  asOfMonth: Type.Integer(),
  budget: NullableNumber,
  budgetSource: NullableString,
  plan: Type.Array(PlanYear),
  /** Actuals summed over months 1..asOfMonth (null: none imported). */
  actualToDate: NullableNumber,
  actualMonths: Type.Integer(),
  forecast: NullableNumber,
  forecastAsOfMonth: Type.Union([Type.Integer(), Type.Null()]),
  forecastComment: NullableString,
  /** forecast − budget (overspend positive); or the deviation a report stated when they are missing. */
  deviation: NullableNumber,
  deviationPercent: NullableNumber,
  /** true: the deviation is the one the source states (no budget/forecast to compute it from). */
  deviationStated: Type.Boolean(),
  deviationText: Type.Object({ nb: Type.String(), en: Type.String() }),
  assessment: Type.Union([BudgetAssessment, Type.Null()]),
  adjustmentsProposed: Type.Number(),
  adjustmentsAdopted: Type.Number(),
  adjustmentCount: Type.Integer(),
});
export type AreaBudgetStatus = Static<typeof AreaBudgetStatus>;

export const BudgetOverview = Type.Object({ year: Type.Integer(), asOfMonth: Type.Integer(), areas: Type.Array(AreaBudgetStatus) });
export type BudgetOverview = Static<typeof BudgetOverview>;

export const MonthAmount = Type.Object({ month: Type.Integer(), amount: Type.Number() });
export const ForecastRow = Type.Object({
  asOfMonth: Type.Integer(),
  amount: Type.Number(),
  comment: NullableString,
  updatedAt: Type.String(),
  source: NullableString,
});

export const AreaDetail = Type.Object({
  area: ProgrammeArea,
  status: AreaBudgetStatus,
  actuals: Type.Array(MonthAmount),
  forecasts: Type.Array(ForecastRow),
  adjustments: Type.Array(Adjustment),
  years: Type.Array(Type.Integer()),
});
export type AreaDetail = Static<typeof AreaDetail>;

export const ImportActualsBody = Type.Object(
  {
    fileName: Type.String({ maxLength: 200 }),
    csv: Type.String({ maxLength: 2_000_000 }),
  },
  { additionalProperties: false },
);
export type ImportActualsBody = Static<typeof ImportActualsBody>;

export const ImportProblem = Type.Object({
  row: Type.Union([Type.Integer(), Type.Null()]),
  column: NullableString,
  message: Type.Object({ nb: Type.String(), en: Type.String() }),
});
export type ImportProblem = Static<typeof ImportProblem>;

export const ImportActualsResult = Type.Object({
  importId: Type.String(),
  rowsWritten: Type.Integer(),
  areas: Type.Integer(),
  unchanged: Type.Integer(),
});
export type ImportActualsResult = Static<typeof ImportActualsResult>;
