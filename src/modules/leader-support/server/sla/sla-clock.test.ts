import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-time.js';
import { extendForPause, slaClock } from './sla-clock.js';

const weekdays: [string, string] = ['08:00', '15:30'];
const calendar: BusinessCalendar = {
  timeZone: 'Europe/Oslo',
  openingHours: { '1': weekdays, '2': weekdays, '3': weekdays, '4': weekdays, '5': weekdays, '6': null, '7': null },
  closedDays: [],
};
const at = (iso: string) => new Date(iso);
// Monday 2025-11-24 09:00 Oslo, due four open hours later (13:00 Oslo)
const startedAt = at('2025-11-24T08:00:00Z');
const dueAt = at('2025-11-24T12:00:00Z');
const base = { startedAt, dueAt, doneAt: null, pausedAt: null, warnPercent: 75 };

describe('slaClock', () => {
  it('has no state without a due time', () => {
    expect(slaClock(calendar, { ...base, dueAt: null, now: startedAt })).toEqual({ dueAt: null, state: 'none', minutesLeft: null });
  });

  it('is ok before the warning share and counts open minutes left', () => {
    expect(slaClock(calendar, { ...base, now: at('2025-11-24T10:00:00Z') })).toEqual({
      dueAt: '2025-11-24T12:00:00.000Z',
      state: 'ok',
      minutesLeft: 120,
    });
  });

  it('warns when the used share reaches warnPercent', () => {
    expect(slaClock(calendar, { ...base, now: at('2025-11-24T10:59:00Z') }).state).toBe('ok');
    expect(slaClock(calendar, { ...base, now: at('2025-11-24T11:00:00Z') })).toMatchObject({ state: 'warning', minutesLeft: 60 });
  });

  it('is breached after the due time, with negative open minutes', () => {
    expect(slaClock(calendar, { ...base, now: at('2025-11-24T13:30:00Z') })).toMatchObject({ state: 'breached', minutesLeft: -90 });
  });

  it('is met or breached once done, without minutes left', () => {
    expect(slaClock(calendar, { ...base, doneAt: dueAt, now: at('2025-11-25T10:00:00Z') })).toEqual({
      dueAt: '2025-11-24T12:00:00.000Z',
      state: 'met',
      minutesLeft: null,
    });
    expect(slaClock(calendar, { ...base, doneAt: at('2025-11-24T12:01:00Z'), now: at('2025-11-25T10:00:00Z') }).state).toBe('breached');
  });

  it('is paused with the minutes left frozen at the pause', () => {
    const clock = slaClock(calendar, { ...base, pausedAt: at('2025-11-24T09:00:00Z'), now: at('2025-11-26T09:00:00Z') });
    expect(clock).toMatchObject({ state: 'paused', minutesLeft: 180 });
  });
});

describe('extendForPause', () => {
  it('moves the due time by the open time that passed while paused, across a weekend', () => {
    // Paused Friday 14:30 Oslo → Monday 09:00 Oslo: 120 open minutes. Due Monday 13:00 → Monday 15:00 Oslo
    const due = extendForPause(calendar, at('2025-12-01T12:00:00Z'), at('2025-11-28T13:30:00Z'), at('2025-12-01T08:00:00Z'));
    expect(due.toISOString()).toBe('2025-12-01T14:00:00.000Z');
  });

  it('carries over to the next open day', () => {
    // Due Monday 15:00 Oslo, paused 60 open minutes → 30 Monday + 30 Tuesday → Tuesday 08:30
    const due = extendForPause(calendar, at('2025-12-01T14:00:00Z'), at('2025-11-26T08:00:00Z'), at('2025-11-26T09:00:00Z'));
    expect(due.toISOString()).toBe('2025-12-02T07:30:00.000Z');
  });

  it('leaves the due time alone when the pause was outside opening hours', () => {
    const due = extendForPause(calendar, dueAt, at('2025-11-29T08:00:00Z'), at('2025-11-30T08:00:00Z'));
    expect(due.toISOString()).toBe(dueAt.toISOString());
  });
});
