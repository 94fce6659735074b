import { addBusinessMinutes } from '../sla/business-time.js';
import type { Priority } from '../leader-support.tables.js';
import { policyFor, type DeskConfig } from './desk-config.js';
import { calendarOf } from './shared.js';

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
