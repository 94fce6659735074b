import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, isBusinessDay, type BusinessCalendar } from './business-time.js';

const weekdays: [string, string] = ['08:00', '15:30'];
const calendar: BusinessCalendar = {
  timeZone: 'Europe/Oslo',
  openingHours: { '1': weekdays, '2': weekdays, '3': weekdays, '4': weekdays, '5': weekdays, '6': null, '7': null },
  closedDays: ['2025-12-24', '2025-12-31'],
};
const day = 7.5 * 60; // open minutes of one weekday
const at = (iso: string) => new Date(iso);

describe('isBusinessDay', () => {
  it('is open on weekdays and closed on weekends, public holidays and extra closed days', () => {
    expect(isBusinessDay(calendar, '2025-11-24')).toBe(true); // Monday
    expect(isBusinessDay(calendar, '2025-11-29')).toBe(false); // Saturday
    expect(isBusinessDay(calendar, '2025-05-29')).toBe(false); // Kristi himmelfartsdag (Thursday)
    expect(isBusinessDay(calendar, '2025-06-09')).toBe(false); // 2. pinsedag (Monday)
    expect(isBusinessDay(calendar, '2024-05-17')).toBe(false); // 17. mai on a Friday
    expect(isBusinessDay(calendar, '2025-12-24')).toBe(false); // closed day
    expect(isBusinessDay(calendar, '2025-12-23')).toBe(true);
  });
});

describe('addBusinessMinutes', () => {
  it('adds within one day (winter time, UTC+1)', () => {
    // 09:00 Oslo = 08:00Z; + 60 → 10:00 Oslo
    expect(addBusinessMinutes(calendar, at('2025-11-24T08:00:00Z'), 60).toISOString()).toBe('2025-11-24T09:00:00.000Z');
  });

  it('ends at closing time rather than at the next opening when the minutes fit exactly', () => {
    expect(addBusinessMinutes(calendar, at('2025-11-28T13:30:00Z'), 60).toISOString()).toBe('2025-11-28T14:30:00.000Z');
  });

  it('crosses a weekend', () => {
    // Friday 14:30 Oslo + 120 → 60 on Friday, 60 on Monday → Monday 09:00 Oslo
    expect(addBusinessMinutes(calendar, at('2025-11-28T13:30:00Z'), 120).toISOString()).toBe('2025-12-01T08:00:00.000Z');
  });

  it('counts from the next opening when started outside opening hours', () => {
    // Saturday noon + 30 → Monday 08:30 Oslo
    expect(addBusinessMinutes(calendar, at('2025-11-29T11:00:00Z'), 30).toISOString()).toBe('2025-12-01T07:30:00.000Z');
    // Tuesday 06:00 Oslo (before opening) + 30 → Tuesday 08:30
    expect(addBusinessMinutes(calendar, at('2025-11-25T05:00:00Z'), 30).toISOString()).toBe('2025-11-25T07:30:00.000Z');
    // Tuesday 17:00 Oslo (after closing) + 30 → Wednesday 08:30
    expect(addBusinessMinutes(calendar, at('2025-11-25T16:00:00Z'), 30).toISOString()).toBe('2025-11-26T07:30:00.000Z');
  });

  it('skips Easter (skjærtorsdag to 2. påskedag)', () => {
    // Wednesday 2025-04-16 15:00 Oslo (summer time, 13:00Z) + 60 → 30 on Wednesday, then Tuesday 22 April 08:30
    expect(addBusinessMinutes(calendar, at('2025-04-16T13:00:00Z'), 60).toISOString()).toBe('2025-04-22T06:30:00.000Z');
  });

  it('skips Ascension Day and 17. mai on a weekday', () => {
    // Wednesday 2025-05-28 15:00 + 60 → Friday 30 May 08:30 (Thursday is Kristi himmelfartsdag)
    expect(addBusinessMinutes(calendar, at('2025-05-28T13:00:00Z'), 60).toISOString()).toBe('2025-05-30T06:30:00.000Z');
    // Thursday 2024-05-16 15:00 + 60 → Tuesday 21 May 08:30 (17. mai Friday, weekend, 2. pinsedag Monday 20 May)
    expect(addBusinessMinutes(calendar, at('2024-05-16T13:00:00Z'), 60).toISOString()).toBe('2024-05-21T06:30:00.000Z');
  });

  it('follows the change to summer time', () => {
    // Friday 2025-03-28 14:00 Oslo (13:00Z, UTC+1) + 120 → 90 Friday, 30 Monday → 08:30 Oslo = 06:30Z (UTC+2)
    expect(addBusinessMinutes(calendar, at('2025-03-28T13:00:00Z'), 120).toISOString()).toBe('2025-03-31T06:30:00.000Z');
  });

  it('spans months quickly', () => {
    const started = performance.now();
    const end = addBusinessMinutes(calendar, at('2025-01-02T07:00:00Z'), 200 * day);
    expect(performance.now() - started).toBeLessThan(500);
    expect(businessMinutesBetween(calendar, at('2025-01-02T07:00:00Z'), end)).toBe(200 * day);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open minutes, across a weekend', () => {
    // Friday 14:30 Oslo → Monday 09:00 Oslo = 60 + 60
    expect(businessMinutesBetween(calendar, at('2025-11-28T13:30:00Z'), at('2025-12-01T08:00:00Z'))).toBe(120);
  });

  it('is negative when to is before from', () => {
    expect(businessMinutesBetween(calendar, at('2025-12-01T08:00:00Z'), at('2025-11-28T13:30:00Z'))).toBe(-120);
  });

  it('is zero outside opening hours', () => {
    expect(businessMinutesBetween(calendar, at('2025-11-29T08:00:00Z'), at('2025-11-30T20:00:00Z'))).toBe(0);
  });

  it('counts a whole week with the Easter holidays', () => {
    // Monday 2025-04-14 00:00 Oslo → Monday 2025-04-21 24:00: Mon–Wed open, Thu/Fri/Mon holidays
    expect(businessMinutesBetween(calendar, at('2025-04-13T22:00:00Z'), at('2025-04-21T22:00:00Z'))).toBe(3 * day);
  });

  it('counts a day with 23 hours on the change to summer time', () => {
    const allDay: BusinessCalendar = {
      timeZone: 'Europe/Oslo',
      openingHours: { '1': null, '2': null, '3': null, '4': null, '5': null, '6': null, '7': ['00:00', '24:00'] },
      closedDays: [],
    };
    // Sunday 2025-03-30 (02:00 → 03:00) and Sunday 2025-10-26 (03:00 → 02:00)
    expect(businessMinutesBetween(allDay, at('2025-03-29T00:00:00Z'), at('2025-03-31T00:00:00Z'))).toBe(23 * 60);
    expect(businessMinutesBetween(allDay, at('2025-10-25T00:00:00Z'), at('2025-10-27T00:00:00Z'))).toBe(25 * 60);
    expect(addBusinessMinutes(allDay, at('2025-03-29T12:00:00Z'), 180).toISOString()).toBe('2025-03-30T02:00:00.000Z'); // 04:00 CEST: the hour 02–03 does not exist
  });
});
