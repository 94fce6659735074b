// The service-level clock of one request: due time, state and open minutes left, in the desk's calendar.

import { addBusinessMs, businessMinutesBetween, businessMsBetween, type BusinessCalendar } from './business-time.js';

export type SlaState = 'ok' | 'warning' | 'breached' | 'met' | 'paused' | 'none';

export interface SlaClockInput {
  startedAt: Date;
  dueAt: Date | null;
  doneAt: Date | null;
  pausedAt: Date | null;
  now: Date;
  /** The share (0–100) of the open time to the due time after which the clock warns. */
  warnPercent: number;
}

export interface SlaClock {
  dueAt: string | null;
  state: SlaState;
  /** Open minutes until the due time (negative when past it); null when done or without a due time. */
  minutesLeft: number | null;
}

/**
 * The state of a request's clock. A paused clock is frozen: its minutes left are those at the pause,
 * which extendForPause keeps when the pause ends.
 */
export function slaClock(calendar: BusinessCalendar, input: SlaClockInput): SlaClock {
  const { startedAt, dueAt, doneAt, pausedAt, now, warnPercent } = input;
  if (!dueAt) return { dueAt: null, state: 'none', minutesLeft: null };
  const due = dueAt.toISOString();
  if (doneAt) return { dueAt: due, state: doneAt.getTime() <= dueAt.getTime() ? 'met' : 'breached', minutesLeft: null };
  if (pausedAt) return { dueAt: due, state: 'paused', minutesLeft: businessMinutesBetween(calendar, pausedAt, dueAt) };
  const minutesLeft = businessMinutesBetween(calendar, now, dueAt);
  if (now.getTime() > dueAt.getTime()) return { dueAt: due, state: 'breached', minutesLeft };
  const total = businessMsBetween(calendar, startedAt.getTime(), dueAt.getTime());
  const used = businessMsBetween(calendar, startedAt.getTime(), now.getTime());
  const warning = total <= 0 || (used / total) * 100 >= warnPercent;
  return { dueAt: due, state: warning ? 'warning' : 'ok', minutesLeft };
}

/** The due time moved on by the open time that passed while the clock was paused. */
export function extendForPause(calendar: BusinessCalendar, dueAt: Date, pausedFrom: Date, pausedTo: Date): Date {
  const paused = businessMsBetween(calendar, pausedFrom.getTime(), pausedTo.getTime());
  if (paused <= 0) return new Date(dueAt.getTime());
  return new Date(addBusinessMs(calendar, dueAt.getTime(), paused));
}
