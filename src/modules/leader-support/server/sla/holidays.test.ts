import { describe, expect, it } from 'vitest';
import { easterSunday, norwegianPublicHolidays } from './holidays.js';

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2038, '2038-04-25'],
    [2008, '2008-03-23'],
  ])('computes Easter %i as %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('norwegianPublicHolidays', () => {
  it('lists the twelve holidays of 2025 in date order', () => {
    const holidays = norwegianPublicHolidays(2025);
    expect(holidays.map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-04-17',
      '2025-04-18',
      '2025-04-20',
      '2025-04-21',
      '2025-05-01',
      '2025-05-17',
      '2025-05-29',
      '2025-06-08',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
    expect(holidays.find((h) => h.date === '2025-05-29')?.name).toEqual({ nb: 'Kristi himmelfartsdag', en: 'Ascension Day' });
    expect(holidays.find((h) => h.date === '2025-06-09')?.name.nb).toBe('2. pinsedag');
  });

  it('keeps both holidays when 17. mai falls on Ascension Day (2029) and sorts them', () => {
    const dates = norwegianPublicHolidays(2029).map((h) => h.date);
    expect(dates.filter((d) => d === '2029-05-10')).toHaveLength(1); // Ascension 2029
    expect(dates).toContain('2029-05-17');
    expect([...dates].sort()).toEqual(dates);
    // 2008: Ascension Day on 1 May
    expect(norwegianPublicHolidays(2008).filter((h) => h.date === '2008-05-01')).toHaveLength(2);
  });

  it('returns copies that callers cannot use to change later answers', () => {
    norwegianPublicHolidays(2026)[0]!.date = '1999-01-01';
    expect(norwegianPublicHolidays(2026)[0]!.date).toBe('2026-01-01');
  });
});
