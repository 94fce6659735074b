import { addBusinessMinutes } from '../sla/business-time.js';
import { extendForPause } from '../sla/sla-clock.js';
import { policyFor, type DeskConfig } from './desk-config.js';
import type { LeaderSupportDb, Priority } from '../leader-support.tables.js';
import { calendarOf, selectSettings, type RequestRow, type SettingsRow } from './shared.js';

export interface DueTimes {
  response_due_at: Date | null;
  resolution_due_at: Date | null;
  resolution_warn_at: Date | null;
}

/** Due times counted in business time from `from`, as the policy for the category and priority says. */
export function dueTimes(config: Pick<DeskConfig, 'settings' | 'policies'>, categoryId: string, priority: Priority, from: Date): DueTimes {
  const policy = policyFor(config as DeskConfig, categoryId, priority);
  if (!policy) return { response_due_at: null, resolution_due_at: null, resolution_warn_at: null };
  const calendar = calendarOf(config.settings);
  const warnMinutes = Math.max(1, Math.round((policy.resolution_minutes * config.settings.warn_percent) / 100));
  return {
    response_due_at: addBusinessMinutes(calendar, from, policy.response_minutes),
    resolution_due_at: addBusinessMinutes(calendar, from, policy.resolution_minutes),
    resolution_warn_at: addBusinessMinutes(calendar, from, warnMinutes),
  };
}

/**
 * The clock starts again after waiting for the requester: the deadlines move on by the open time
 * that passed while paused (a response already given keeps its deadline).
 */
export function resumeAfterPause(
  settings: SettingsRow,
  request: Pick<RequestRow, 'paused_at' | 'first_response_at' | 'response_due_at' | 'resolution_due_at' | 'resolution_warn_at'>,
  now: Date,
): Partial<DueTimes> & { paused_at: null } {
  if (!request.paused_at) return { paused_at: null };
  const calendar = calendarOf(settings);
  const paused = new Date(request.paused_at);
  const moved = (due: Date | string | null) => (due === null ? null : extendForPause(calendar, new Date(due), paused, now));
  return {
    ...(request.first_response_at ? {} : { response_due_at: moved(request.response_due_at) }),
    resolution_due_at: moved(request.resolution_due_at),
    resolution_warn_at: moved(request.resolution_warn_at),
    paused_at: null,
  };
}

/** `resumeAfterPause` with the desk's settings read in the same transaction. */
export async function resumeWithSettings(
  trx: LeaderSupportDb,
  request: RequestRow,
  now: Date,
): Promise<Partial<DueTimes> & { paused_at: null }> {
  return resumeAfterPause(await selectSettings(trx), request, now);
}
