import { Type, type Static, type TSchema } from 'typebox';

// The benefits register (gevinstrealiseringsplan, after DFØ's guidance), shared by server and web:
// benefits per initiative, measurements over time, and the portfolio-wide realisation view.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Revision = Type.Integer({ minimum: 1, description: 'The revision the client read; a different one is refused as stale' });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Amount = Type.Number({ minimum: -1e15, maximum: 1e15 });

export const benefitTypes = ['money', 'time', 'quality', 'others'] as const;
export const BenefitType = Type.Enum(benefitTypes);
export type BenefitType = Static<typeof BenefitType>;
export const benefitStatuses = ['planned', 'in_realisation', 'realised', 'closed'] as const;
export const BenefitStatus = Type.Enum(benefitStatuses);
export type BenefitStatus = Static<typeof BenefitStatus>;

export const BenefitRefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 60 }) });
export const BenefitIdParams = Type.Object({ id: Id });

const benefitFields = {
  title: Type.String({ maxLength: 200 }),
  type: BenefitType,
  indicator: Type.String({ maxLength: 500 }),
  unitOfMeasure: Type.Optional(Type.String({ maxLength: 60 })),
  baselineValue: Amount,
  baselineDate: DateText,
  targetValue: Amount,
  /** Kroner per year, for money benefits: what the realisation view sums. */
  annualValue: Type.Optional(nullable(Type.Number({ minimum: 0, maximum: 1e13 }))),
  /** A person who today holds a leader position; the code refuses anyone else with a clear message. */
  ownerPersonId: Type.Optional(nullable(Type.String({ maxLength: 60 }))),
  expectedDate: DateText,
  actions: Type.Optional(Type.String({ maxLength: 5000 })),
  assumptions: Type.Optional(Type.String({ maxLength: 5000 })),
  /** false: an unplanned benefit recorded afterwards. */
  planned: Type.Optional(Type.Boolean()),
};

export const NewBenefitBody = Type.Object(benefitFields, { additionalProperties: false });
export type NewBenefitBody = Static<typeof NewBenefitBody>;

export const ChangeBenefitBody = Type.Object(
  {
    title: Type.Optional(benefitFields.title),
    type: Type.Optional(benefitFields.type),
    indicator: Type.Optional(benefitFields.indicator),
    unitOfMeasure: benefitFields.unitOfMeasure,
    baselineValue: Type.Optional(benefitFields.baselineValue),
    baselineDate: Type.Optional(benefitFields.baselineDate),
    targetValue: Type.Optional(benefitFields.targetValue),
    annualValue: benefitFields.annualValue,
    ownerPersonId: benefitFields.ownerPersonId,
    expectedDate: Type.Optional(benefitFields.expectedDate),
    actions: benefitFields.actions,
    assumptions: benefitFields.assumptions,
    planned: benefitFields.planned,
    revision: Revision,
  },
  { additionalProperties: false },
);
export type ChangeBenefitBody = Static<typeof ChangeBenefitBody>;

export const CloseBenefitBody = Type.Object(
  {
    status: Type.Union([Type.Literal('realised'), Type.Literal('closed')]),
    /** Why: required when a benefit is closed without being realised. */
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    revision: Revision,
  },
  { additionalProperties: false },
);
export type CloseBenefitBody = Static<typeof CloseBenefitBody>;

export const MeasurementBody = Type.Object(
  {
    measuredOn: DateText,
    value: Amount,
    /** Required when the value deviates from the plan (more than 10 % of the planned change short of it). */
    comment: Type.Optional(nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type MeasurementBody = Static<typeof MeasurementBody>;

export const Measurement = Type.Object({
  id: Id,
  measuredOn: DateText,
  value: Type.Number(),
  comment: nullable(Type.String()),
  /** The plan's value on that day (straight line from baseline to target). */
  plannedValue: Type.Number(),
  deviates: Type.Boolean(),
  measuredBy: nullable(Type.String()),
});
export type Measurement = Static<typeof Measurement>;

const UnitRef = Type.Object({ id: Type.String(), name: Type.String() });

export const Benefit = Type.Object({
  id: Id,
  initiative: Type.Object({ id: Id, number: Type.Integer(), title: Type.String(), phase: Type.String(), state: Type.String() }),
  title: Type.String(),
  type: BenefitType,
  indicator: Type.String(),
  unitOfMeasure: Type.String(),
  baselineValue: Type.Number(),
  baselineDate: DateText,
  targetValue: Type.Number(),
  annualValue: nullable(Type.Number()),
  owner: Type.Object({ personId: Type.String(), name: Type.String() }),
  ownerUnit: UnitRef,
  /** The area of the initiative's owning unit: the unit at level 2 above it (service or staff area, a kommunalsjef's). */
  area: nullable(UnitRef),
  expectedDate: DateText,
  actions: Type.String(),
  assumptions: Type.String(),
  planned: Type.Boolean(),
  status: BenefitStatus,
  closedReason: nullable(Type.String()),
  /** The expected date has passed and the benefit is neither realised nor closed. */
  overdue: Type.Boolean(),
  /** Share of the planned change reached by the latest measurement (0–1); 1 when realised. */
  progress: nullable(Type.Number()),
  latest: nullable(Measurement),
  measurements: Type.Array(Measurement),
  synthetic: Type.Boolean(),
  revision: Type.Integer(),
});
export type Benefit = Static<typeof Benefit>;

export const InitiativeBenefits = Type.Object({
  initiative: Type.Object({ id: Id, number: Type.Integer(), title: Type.String(), phase: Type.String(), state: Type.String() }),
  /** May the signed-in user add and change benefits here? */
  canWrite: Type.Boolean(),
  benefits: Type.Array(Benefit),
});
export type InitiativeBenefits = Static<typeof InitiativeBenefits>;

export const BenefitListQuery = Type.Object({
  area: Type.Optional(Type.String({ maxLength: 60 })),
  status: Type.Optional(BenefitStatus),
  type: Type.Optional(BenefitType),
  owner: Type.Optional(Type.String({ maxLength: 60 })),
  overdue: Type.Optional(Type.Boolean()),
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
});
export type BenefitListQuery = Static<typeof BenefitListQuery>;

export const BenefitList = Type.Object({
  benefits: Type.Array(Benefit),
  /** The areas and owners found, for the filters. */
  areas: Type.Array(UnitRef),
  owners: Type.Array(Type.Object({ personId: Type.String(), name: Type.String() })),
});
export type BenefitList = Static<typeof BenefitList>;

export const OwnerOption = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  title: Type.String(),
  unit: UnitRef,
});
export type OwnerOption = Static<typeof OwnerOption>;
export const OwnerOptions = Type.Object({ owners: Type.Array(OwnerOption) });
export type OwnerOptions = Static<typeof OwnerOptions>;

export const RealisationQuery = Type.Object({ by: Type.Optional(Type.Union([Type.Literal('year'), Type.Literal('area')])) });
export type RealisationQuery = Static<typeof RealisationQuery>;

export const RealisationRow = Type.Object({
  /** The year ('2026') or the area's unit id ('none' when the area is unknown). */
  key: Type.String(),
  label: Type.String(),
  count: Type.Integer(),
  plannedCount: Type.Integer(),
  unplannedCount: Type.Integer(),
  realisedCount: Type.Integer(),
  closedCount: Type.Integer(),
  overdueCount: Type.Integer(),
  /** Kroner per year: the annual value of the planned money benefits. */
  plannedAnnual: Type.Number(),
  /** Kroner per year realised: all of it for realised benefits, the latest measurement's share of it otherwise. */
  realisedAnnual: Type.Number(),
});
export type RealisationRow = Static<typeof RealisationRow>;

export const Realisation = Type.Object({
  by: Type.Union([Type.Literal('year'), Type.Literal('area')]),
  rows: Type.Array(RealisationRow),
  total: RealisationRow,
});
export type Realisation = Static<typeof Realisation>;

/** Initiatives whose benefits can be followed up here (not merged), newest first. */
export const InitiativeOption = Type.Object({
  id: Id,
  number: Type.Integer(),
  title: Type.String(),
  phase: Type.String(),
  state: Type.String(),
  benefitCount: Type.Integer(),
});
export type InitiativeOption = Static<typeof InitiativeOption>;
export const InitiativeOptions = Type.Object({ initiatives: Type.Array(InitiativeOption) });
export type InitiativeOptions = Static<typeof InitiativeOptions>;

// --- The plan arithmetic (pure; used by the server's checks and the web's forms) ---------------
// See server/benefits/realisation.ts for the rules in words.

/** The share of the planned change a measurement may fall short by before it deviates. */
export const deviationTolerance = 0.1;

export interface BenefitPlan {
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  expectedDate: string;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The plan's value on `date`: the straight line from baseline to target, the target after the expected date. */
export function plannedValueOn(plan: BenefitPlan, date: string): number {
  const start = dayNumber(plan.baselineDate);
  const end = dayNumber(plan.expectedDate);
  const day = dayNumber(date);
  if (day >= end) return plan.targetValue;
  if (day <= start) return plan.baselineValue;
  return plan.baselineValue + ((plan.targetValue - plan.baselineValue) * (day - start)) / (end - start);
}

export interface Deviation {
  plannedValue: number;
  /** How far the value falls short of the plan in the benefit's direction (negative: ahead of it). */
  shortfall: number;
  /** The shortfall allowed before the measurement deviates. */
  tolerance: number;
  deviates: boolean;
}

/** Does `value`, measured on `date`, deviate from the plan? */
export function deviation(plan: BenefitPlan, date: string, value: number): Deviation {
  const plannedValue = plannedValueOn(plan, date);
  const change = plan.targetValue - plan.baselineValue;
  const direction = Math.sign(change);
  const shortfall = direction === 0 ? Math.abs(plannedValue - value) : (plannedValue - value) * direction;
  const tolerance = deviationTolerance * Math.abs(change);
  // A tiny epsilon keeps a value exactly on the tolerance from deviating through rounding.
  return { plannedValue, shortfall, tolerance, deviates: shortfall > tolerance + 1e-9 };
}

/** The share (0–1) of the planned change `value` has reached. */
export function progressOf(plan: Pick<BenefitPlan, 'baselineValue' | 'targetValue'>, value: number): number {
  const change = plan.targetValue - plan.baselineValue;
  if (change === 0) return value === plan.targetValue ? 1 : 0;
  return Math.min(1, Math.max(0, (value - plan.baselineValue) / change));
}
