// The arithmetic of benefits realisation, pure (no database): the plan's value on a day, when a
// measurement deviates from it, how far a benefit has come, and the realisation view's sums.
//
// The plan is a straight line from the baseline (on the baseline date) to the target (on the
// expected date); before the baseline date it is the baseline, after the expected date the target.
// A measurement deviates when it falls short of the plan's value in the benefit's direction (up
// when the target is above the baseline, down when below) by more than 10 % of the planned change
// (|target − baseline|). Doing better than the plan never deviates.
//
// Realised money (kroner per year) in the realisation view: a realised benefit counts its whole
// annual value; any other benefit counts its annual value times its progress, the share of the
// planned change its latest measurement has reached (0–1, clamped); no measurement counts 0.

// The plan arithmetic lives in the shared contract, so the web shows the same planned value.
export { deviation, deviationTolerance, plannedValueOn, progressOf, type BenefitPlan, type Deviation } from '../../benefits.schemas.js';

export interface RealisationInput {
  planned: boolean;
  status: 'planned' | 'in_realisation' | 'realised' | 'closed';
  annualValue: number | null;
  /** Progress by the latest measurement (0–1), null without measurements. */
  progress: number | null;
  overdue: boolean;
}

export interface RealisationSums {
  count: number;
  plannedCount: number;
  unplannedCount: number;
  realisedCount: number;
  closedCount: number;
  overdueCount: number;
  plannedAnnual: number;
  realisedAnnual: number;
}

/** Kroner per year realised by one benefit (see the rule at the top of the file). */
export function realisedAnnualOf(benefit: Pick<RealisationInput, 'status' | 'annualValue' | 'progress'>): number {
  const annual = benefit.annualValue ?? 0;
  if (benefit.status === 'realised') return annual;
  return annual * (benefit.progress ?? 0);
}

/** Counts and kroner for a group of benefits. */
export function sumRealisation(benefits: readonly RealisationInput[]): RealisationSums {
  const sums: RealisationSums = {
    count: 0,
    plannedCount: 0,
    unplannedCount: 0,
    realisedCount: 0,
    closedCount: 0,
    overdueCount: 0,
    plannedAnnual: 0,
    realisedAnnual: 0,
  };
  for (const b of benefits) {
    sums.count += 1;
    if (b.planned) sums.plannedCount += 1;
    else sums.unplannedCount += 1;
    if (b.status === 'realised') sums.realisedCount += 1;
    if (b.status === 'closed') sums.closedCount += 1;
    if (b.overdue) sums.overdueCount += 1;
    if (b.planned) sums.plannedAnnual += b.annualValue ?? 0;
    sums.realisedAnnual += realisedAnnualOf(b);
  }
  sums.plannedAnnual = Math.round(sums.plannedAnnual);
  sums.realisedAnnual = Math.round(sums.realisedAnnual);
  return sums;
}
