// The search parameters of /styring/sammenligning: the indicator, the regions to compare with
// (SSB codes; the own municipality is always shown) and the years.
export interface ComparisonSearch {
  indicator?: string;
  /** Comma-separated SSB region codes. */
  regions?: string;
  from?: number;
  to?: number;
}

const year = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : undefined;
};

export function validateComparisonSearch(search: Record<string, unknown>): ComparisonSearch {
  const result: ComparisonSearch = {};
  if (typeof search.indicator === 'string' && /^[a-z0-9][a-z0-9-]{0,79}$/.test(search.indicator)) result.indicator = search.indicator;
  if (typeof search.regions === 'string' || Array.isArray(search.regions)) {
    const codes = (Array.isArray(search.regions) ? search.regions.map(String) : search.regions.split(','))
      .map((code) => code.trim())
      .filter((code) => /^[A-Za-z0-9_.-]{1,40}$/.test(code));
    if (codes.length > 0) result.regions = [...new Set(codes)].slice(0, 50).join(',');
  }
  const from = year(search.from);
  const to = year(search.to);
  if (from !== undefined) result.from = from;
  if (to !== undefined) result.to = to;
  return result;
}
