import { flagParam, idParam, oneOf, textParam } from '../../../web/components/search-params';
import { decisionBodies, decisionStatuses, type DecisionBody, type DecisionStatus } from '../decisions.schemas';

// The search parameters of /styring/vedtak: the list's filters live in the URL.
export type DecisionsSearch = { status?: DecisionStatus; body?: DecisionBody; overdue?: boolean; unit?: string; q?: string };

export function validateDecisionsSearch(search: Record<string, unknown>): DecisionsSearch {
  const result: DecisionsSearch = {
    status: oneOf(search.status, decisionStatuses),
    body: oneOf(search.body, decisionBodies),
    overdue: flagParam(search.overdue),
    unit: idParam(search.unit),
    q: textParam(search.q),
  };
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined)) as DecisionsSearch;
}
