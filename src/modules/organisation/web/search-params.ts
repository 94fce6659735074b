// The organisation pages' URL search parameters. Imported by the router (the first load), so this
// file stays free of React and of anything heavy.

export type AsOfSearch = {
  /** The as-of date, YYYY-MM-DD; today when left out. */
  dato?: string;
};

export type OrganisationView = 'kart' | 'tabell';

export type OverviewSearch = AsOfSearch & {
  visning?: OrganisationView;
  /** Show only this unit and what is under it. */
  fokus?: string;
  /** How many levels of the tree start expanded (1–6). */
  nivaer?: number;
};

export type AnalyticsSearch = AsOfSearch & { scenario?: string; enhet?: string };

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

const idPattern = /^[A-Za-z0-9-]{1,100}$/;

function id(value: unknown): string | undefined {
  return typeof value === 'string' && idPattern.test(value) ? value : undefined;
}

// Every key is set, even when undefined: the router merges validated search over the raw one,
// so an omitted key would let an unchecked value through.
export function validateAsOfSearch(search: Record<string, unknown>): AsOfSearch {
  return { dato: isIsoDate(search.dato) ? search.dato : undefined };
}

export function validateOverviewSearch(search: Record<string, unknown>): OverviewSearch {
  const levels = Number(search.nivaer);
  return {
    ...validateAsOfSearch(search),
    visning: search.visning === 'tabell' || search.visning === 'kart' ? search.visning : undefined,
    fokus: id(search.fokus),
    nivaer: Number.isInteger(levels) && levels >= 1 && levels <= 6 ? levels : undefined,
  };
}

export function validateAnalyticsSearch(search: Record<string, unknown>): AnalyticsSearch {
  return { ...validateAsOfSearch(search), scenario: id(search.scenario), enhet: id(search.enhet) };
}
