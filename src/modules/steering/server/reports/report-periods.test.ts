import { describe, expect, it } from 'vitest';
import { countStatuses, indicatorWindowStart, isReportPeriod, periodEnd, reportPeriod, type ReportPeriod } from './report-periods.js';

const ok = (kind: 'month' | 'tertial' | 'year', period: string): ReportPeriod => {
  const parsed = reportPeriod(kind, period);
  if (!isReportPeriod(parsed)) throw new Error(parsed.en);
  return parsed;
};

describe('report periods', () => {
  it('puts a tertial report as of 30 April or 31 August, with its Norwegian title', () => {
    expect(ok('tertial', '2026-T1')).toMatchObject({
      asOf: '2026-04-30',
      year: 2026,
      asOfMonth: 4,
      title: { nb: 'Tertialrapport 1. tertial 2026' },
    });
    expect(ok('tertial', '2017-T2')).toMatchObject({ asOf: '2017-08-31', asOfMonth: 8, title: { nb: 'Tertialrapport 2. tertial 2017' } });
  });

  it('sends the third tertial to the annual report', () => {
    const parsed = reportPeriod('tertial', '2026-T3');
    expect(isReportPeriod(parsed)).toBe(false);
    expect(parsed).toMatchObject({ nb: expect.stringMatching(/årsrapport/) });
  });

  it("puts a monthly report as of the month's last day, leap years included", () => {
    expect(ok('month', '2024-02')).toMatchObject({ asOf: '2024-02-29', asOfMonth: 2, title: { nb: 'Månedsrapport februar 2024' } });
    expect(ok('month', '2026-02').asOf).toBe('2026-02-28');
    expect(ok('month', '2026-11').asOf).toBe('2026-11-30');
    expect(ok('month', '2026-12').asOf).toBe('2026-12-31');
  });

  it('puts an annual report as of 31 December', () => {
    expect(ok('year', '2026')).toMatchObject({
      asOf: '2026-12-31',
      asOfMonth: 12,
      title: { nb: 'Årsrapport 2026', en: 'Annual report 2026' },
    });
  });

  it('refuses periods in the wrong form for the kind, with a message in both languages', () => {
    for (const [kind, period] of [
      ['month', '2026-13'],
      ['month', '2026-T1'],
      ['tertial', '2026-04'],
      ['year', '2026-T1'],
      ['year', '1999'],
      ['month', '26-01'],
    ] as const) {
      const parsed = reportPeriod(kind, period);
      expect(isReportPeriod(parsed), `${kind} ${period}`).toBe(false);
      expect(parsed).toEqual({ nb: expect.any(String), en: expect.any(String) });
    }
  });

  it('gives the last day of indicator periods', () => {
    expect(periodEnd('2025')).toBe('2025-12-31');
    expect(periodEnd('2026-T1')).toBe('2026-04-30');
    expect(periodEnd('2026-T2')).toBe('2026-08-31');
    expect(periodEnd('2026-T3')).toBe('2026-12-31');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2024-2')).toBeNull();
    expect(indicatorWindowStart('2026-04-30')).toBe('2024');
  });
});

describe('report arithmetic', () => {
  it('counts indicator statuses', () => {
    expect(countStatuses(['green', 'red', 'red', 'none', 'yellow', 'green', 'green'])).toEqual({
      total: 7,
      green: 3,
      yellow: 1,
      red: 2,
      none: 1,
    });
    expect(countStatuses([])).toEqual({ total: 0, green: 0, yellow: 0, red: 0, none: 0 });
  });
});
