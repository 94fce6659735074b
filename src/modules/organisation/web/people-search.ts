// The person search's URL parameters («Personer»). Imported by the routes (the first load), so
// this file stays small: the kit's parsers only.
import { dateParam, pageParam, textParam } from '../../../web/components/search-params';

export type PeopleSearch = {
  /** What was searched for; absent before the first search. */
  q?: string;
  /** The as-of date, YYYY-MM-DD; today when left out. */
  dato?: string;
  side?: number;
};

// Every key is set, even when undefined: the router merges validated search over the raw one.
export function validatePeopleSearch(search: Record<string, unknown>): PeopleSearch {
  // A number typed as the search (an employee number) arrives parsed from the URL: made text again.
  const q = typeof search.q === 'number' ? String(search.q) : textParam(search.q, 100);
  const side = pageParam(search.side);
  return { q, dato: dateParam(search.dato), side: side !== undefined && side <= 1000 ? side : undefined };
}
