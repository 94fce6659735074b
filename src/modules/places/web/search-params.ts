// The places pages' URL search parameters. Imported by the router (the first load), so this file
// stays free of React and of anything heavy.

export type PlacesAsOfSearch = {
  /** The as-of date, YYYY-MM-DD; today when left out. */
  dato?: string;
};

export type FindServiceSearch = {
  /** What the citizen typed. Present (even empty) once a search has been made. */
  q?: string;
  /** District number, 1–99. */
  kommunedel?: number;
  /** Target group, as the catalogue writes it («barn og unge»). */
  malgruppe?: string;
};

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (not 2021-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = isoDate.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A district number as the server accepts it (1–99), else undefined. */
export function districtNumber(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 1 && number <= 99 ? number : undefined;
}

// Every key is set, even when undefined: the router merges validated search over the raw one,
// so an omitted key would let an unchecked value through.
export function validatePlacesAsOfSearch(search: Record<string, unknown>): PlacesAsOfSearch {
  return { dato: isIsoDate(search.dato) ? search.dato : undefined };
}

export function validateFindServiceSearch(search: Record<string, unknown>): FindServiceSearch {
  // The text is passed on as typed (the server says what is wrong with it), but a number in the
  // URL (?q=123) arrives parsed, so it is turned back into text.
  const q = typeof search.q === 'string' ? search.q : typeof search.q === 'number' ? String(search.q) : undefined;
  const group = typeof search.malgruppe === 'string' && search.malgruppe.trim() ? search.malgruppe.trim().slice(0, 100) : undefined;
  return { q, kommunedel: districtNumber(search.kommunedel), malgruppe: group };
}
