import { describe, expect, it } from 'vitest';
import { deviation, plannedValueOn, progressOf, realisedAnnualOf, sumRealisation } from './realisation.js';

// Up: 100 → 200 over 2024 (a leap year: 366 days). Down: 50 → 30 over the same year.
const up = { baselineValue: 100, baselineDate: '2024-01-01', targetValue: 200, expectedDate: '2025-01-01' };
const down = { baselineValue: 50, baselineDate: '2024-01-01', targetValue: 30, expectedDate: '2025-01-01' };

describe('[PORTFOLIO][BENEFITS] the plan on a date', () => {
  it('is the straight line from baseline to target', () => {
    expect(plannedValueOn(up, '2024-01-01')).toBe(100);
    expect(plannedValueOn(up, '2024-07-01')).toBeCloseTo(100 + (100 * 182) / 366, 6);
    expect(plannedValueOn(down, '2024-07-01')).toBeCloseTo(50 - (20 * 182) / 366, 6);
  });

  it('is the baseline before the baseline date and the target on and after the expected date', () => {
    expect(plannedValueOn(up, '2023-06-01')).toBe(100);
    expect(plannedValueOn(up, '2025-01-01')).toBe(200);
    expect(plannedValueOn(up, '2027-03-15')).toBe(200);
    expect(plannedValueOn(down, '2026-01-01')).toBe(30);
  });
});

describe('[PORTFOLIO][BENEFITS] deviation', () => {
  it('deviates when an increasing benefit falls more than 10 % of the planned change below the plan', () => {
    // Plan on 1 July ≈ 149.73; the tolerance is 10.
    expect(deviation(up, '2024-07-01', 139).deviates).toBe(true);
    expect(deviation(up, '2024-07-01', 140).deviates).toBe(false);
    expect(deviation(up, '2024-07-01', 190).deviates).toBe(false); // ahead of the plan
    expect(deviation(up, '2024-07-01', 139).plannedValue).toBeCloseTo(149.73, 2);
  });

  it('deviates when a decreasing benefit stays more than 10 % of the planned change above the plan', () => {
    // Plan on 1 July ≈ 40.05; the tolerance is 2.
    expect(deviation(down, '2024-07-01', 42.5).deviates).toBe(true);
    expect(deviation(down, '2024-07-01', 41.5).deviates).toBe(false);
    expect(deviation(down, '2024-07-01', 20).deviates).toBe(false); // better than planned
  });

  it('holds the target after the expected date', () => {
    expect(deviation(up, '2026-01-01', 189).deviates).toBe(true);
    expect(deviation(up, '2026-01-01', 190).deviates).toBe(false);
    expect(deviation(down, '2026-01-01', 32.5).deviates).toBe(true);
    expect(deviation(down, '2026-01-01', 31.9).deviates).toBe(false);
  });
});

describe('[PORTFOLIO][BENEFITS] realisation sums', () => {
  it('counts realised money in full and the rest by the latest measurement’s share of the change', () => {
    expect(progressOf(up, 150)).toBe(0.5);
    expect(progressOf(up, 250)).toBe(1);
    expect(progressOf(down, 45)).toBe(0.25);
    expect(progressOf(down, 60)).toBe(0);
    expect(realisedAnnualOf({ status: 'realised', annualValue: 1000, progress: 0.2 })).toBe(1000);
    expect(realisedAnnualOf({ status: 'in_realisation', annualValue: 1000, progress: 0.25 })).toBe(250);
    expect(realisedAnnualOf({ status: 'planned', annualValue: 1000, progress: null })).toBe(0);

    const sums = sumRealisation([
      { planned: true, status: 'realised', annualValue: 1000, progress: 1, overdue: false },
      { planned: true, status: 'in_realisation', annualValue: 2000, progress: 0.5, overdue: true },
      { planned: false, status: 'realised', annualValue: 300, progress: 1, overdue: false },
      { planned: true, status: 'closed', annualValue: null, progress: null, overdue: false },
    ]);
    expect(sums).toEqual({
      count: 4,
      plannedCount: 3,
      unplannedCount: 1,
      realisedCount: 2,
      closedCount: 1,
      overdueCount: 1,
      plannedAnnual: 3000,
      realisedAnnual: 2300,
    });
  });
});
