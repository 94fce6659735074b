import { describe, expect, it } from 'vitest';
import { isIsoDate as fromAsOfDate } from './as-of-date';
import { formatLongDate, isIsoDate, todayInNorway } from './format';

describe('isIsoDate', () => {
  it('takes a real calendar day written YYYY-MM-DD', () => {
    expect(isIsoDate('2020-01-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-12-31')).toBe(true);
  });

  it('refuses days that do not exist and other spellings', () => {
    for (const refused of [
      '2026-02-30',
      '2025-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-13-01',
      '2026-1-1',
      '01.01.2026',
      '2026-01-01T12:00',
      '',
      'i dag',
    ]) {
      expect(isIsoDate(refused), refused).toBe(false);
    }
  });

  it('is the one the as-of date form uses', () => {
    expect(fromAsOfDate).toBe(isIsoDate);
  });
});

describe('formatLongDate', () => {
  it('writes the day in bokmål and in English', () => {
    expect(formatLongDate('nb', '2020-01-01')).toBe('1. januar 2020');
    expect(formatLongDate('en', '2020-01-01')).toBe('1 January 2020');
    expect(formatLongDate('nb', '2026-12-31')).toBe('31. desember 2026');
  });

  it('reads a timestamp as the day in Norway', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Oslo.
    expect(formatLongDate('nb', '2025-12-31T23:30:00Z')).toBe('1. januar 2026');
    expect(formatLongDate('en', '2026-06-30T22:30:00Z')).toBe('1 July 2026');
  });
});

describe('todayInNorway', () => {
  it('is the day in Oslo, not in UTC, written YYYY-MM-DD', () => {
    expect(todayInNorway(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInNorway(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(todayInNorway(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(isIsoDate(todayInNorway())).toBe(true);
  });
});
