import { oneOf } from '../../../web/components/search-params';

// The search parameters of /styring/indikatorer: the programme area (code), the period the values
// are shown up to, and a status filter. Imported by the router, so kept free of React.

export type IndicatorStatusFilter = 'green' | 'yellow' | 'red' | 'none';

export type IndicatorsSearch = {
  /** Programme area code, e.g. 'P14'. */
  omrade?: string;
  /** 'YYYY', 'YYYY-T1'..'YYYY-T3' or 'YYYY-MM'; today when left out. */
  periode?: string;
  status?: IndicatorStatusFilter;
};

const statuses: readonly IndicatorStatusFilter[] = ['green', 'yellow', 'red', 'none'];

export function isPeriodText(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})(?:-T([1-3])|-(0[1-9]|1[0-2]))?$/.exec(value);
  return match !== null;
}

export function validateIndicatorsSearch(search: Record<string, unknown>): IndicatorsSearch {
  const out: IndicatorsSearch = {};
  if (typeof search.omrade === 'string' && /^[A-Z0-9][A-Z0-9.-]{0,15}$/.test(search.omrade)) out.omrade = search.omrade;
  const periode = typeof search.periode === 'number' ? String(search.periode) : search.periode;
  if (isPeriodText(periode)) out.periode = periode;
  const status = oneOf(search.status, statuses);
  if (status) out.status = status;
  return out;
}
