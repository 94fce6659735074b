// The search parameters of /portefolje (stub: the initiatives part's owner defines them).
export type PortfolioSearch = Record<string, never>;

export function validatePortfolioSearch(_search: Record<string, unknown>): PortfolioSearch {
  return {};
}
