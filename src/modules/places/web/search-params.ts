// The places pages' URL search parameters. Imported by the routes (the first load), so this file
// stays small: the kit's parsers and the module's own.
import { textParam } from '../../../web/components/search-params';

export type FindServiceSearch = {
  /** What the citizen typed. Present (even empty) once a search has been made. */
  q?: string;
  /** District number, 1–99. */
  kommunedel?: number;
  /** Target group, as the catalogue writes it («barn og unge»). */
  malgruppe?: string;
};

/** A district number as the server accepts it (1–99), else undefined. */
export function districtNumber(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 1 && number <= 99 ? number : undefined;
}

// Every key is set, even when undefined: the router merges validated search over the raw one,
// so an omitted key would let an unchecked value through.
export function validateFindServiceSearch(search: Record<string, unknown>): FindServiceSearch {
  // The text is passed on as typed (the server says what is wrong with it), but a number in the
  // URL (?q=123) arrives parsed, so it is turned back into text.
  const q = typeof search.q === 'string' ? search.q : typeof search.q === 'number' ? String(search.q) : undefined;
  return { q, kommunedel: districtNumber(search.kommunedel), malgruppe: textParam(search.malgruppe, 100) };
}
