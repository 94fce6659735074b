import type { DecisionBody, DecisionStatus } from '../decisions.schemas';

// The search parameters of /styring/vedtak: the list's filters live in the URL.
export type DecisionsSearch = { status?: DecisionStatus; body?: DecisionBody; overdue?: boolean; unit?: string; q?: string };

const statuses: readonly string[] = ['not_started', 'in_progress', 'completed', 'delayed', 'cannot_be_done'];
const bodies: readonly string[] = ['city_council', 'executive_committee', 'committee', 'joint_committee'];

export function validateDecisionsSearch(search: Record<string, unknown>): DecisionsSearch {
  const result: DecisionsSearch = {};
  if (typeof search.status === 'string' && statuses.includes(search.status)) result.status = search.status as DecisionStatus;
  if (typeof search.body === 'string' && bodies.includes(search.body)) result.body = search.body as DecisionBody;
  if (search.overdue === true || search.overdue === 'true') result.overdue = true;
  if (typeof search.unit === 'string' && /^[0-9a-f-]{36}$/i.test(search.unit)) result.unit = search.unit;
  if (typeof search.q === 'string' && search.q.trim()) result.q = search.q.trim().slice(0, 200);
  return result;
}
