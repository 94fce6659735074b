import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, periodOf, readPeriod } from './periods.js';

const today = '2025-06-15';

describe('periods', () => {
  it('reads the three forms with their first and last day', () => {
    expect(readPeriod('2024')).toMatchObject({ frequency: 'year', start: '2024-01-01', end: '2024-12-31', endMonth: '2024-12' });
    expect(readPeriod('2024-T1')).toMatchObject({ frequency: 'tertial', start: '2024-01-01', end: '2024-04-30', endMonth: '2024-04' });
    expect(readPeriod('2024-T3')).toMatchObject({ start: '2024-09-01', end: '2024-12-31' });
    expect(readPeriod('2024-02')).toMatchObject({ frequency: 'month', start: '2024-02-01', end: '2024-02-29' });
  });

  it('refuses periods that do not exist', () => {
    for (const text of ['2024-13', '2024-00', '2024-T4', '2024-T0', '24', '2024-1', '2024/01', '', 'abcd', 2024]) {
      expect(readPeriod(text), String(text)).toBeNull();
      expect(parsePeriod(text, 'month', today).ok).toBe(false);
    }
  });

  it('wants the form of the frequency', () => {
    expect(parsePeriod('2024-03', 'month', today)).toMatchObject({ ok: true, period: { text: '2024-03' } });
    expect(parsePeriod('2024', 'month', today).ok).toBe(false);
    expect(parsePeriod('2024-T2', 'year', today).ok).toBe(false);
    const wrong = parsePeriod('2024-05', 'tertial', today);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.message.nb).toContain('frekvens');
      expect(wrong.message.en).toContain('frequency');
    }
  });

  it('refuses a period that has not started, accepts the current one', () => {
    expect(parsePeriod('2025-06', 'month', today).ok).toBe(true);
    expect(parsePeriod('2025-T2', 'tertial', today).ok).toBe(true);
    expect(parsePeriod('2025', 'year', today).ok).toBe(true);
    expect(parsePeriod('2025-07', 'month', today).ok).toBe(false);
    expect(parsePeriod('2025-T3', 'tertial', today).ok).toBe(false);
    expect(parsePeriod('2026', 'year', today).ok).toBe(false);
  });

  it('finds the period of a day and orders mixed periods by their end', () => {
    expect(periodOf('2025-05-01', 'tertial').text).toBe('2025-T2');
    expect(periodOf('2025-04-30', 'tertial').text).toBe('2025-T1');
    expect(periodOf('2025-12-31', 'month').text).toBe('2025-12');
    expect(['2025', '2024-T3', '2025-01', '2024'].sort(comparePeriods)).toEqual(['2024', '2024-T3', '2025-01', '2025']);
  });
});
