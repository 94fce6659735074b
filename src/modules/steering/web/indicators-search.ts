// The search parameters of /styring/indikatorer (stub: the indicators part's owner defines them).
export type IndicatorsSearch = Record<string, never>;

export function validateIndicatorsSearch(_search: Record<string, unknown>): IndicatorsSearch {
  return {};
}
