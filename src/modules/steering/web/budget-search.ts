// The search parameters of /styring/budsjett and /styring/budsjett/$code: the year shown.
export type BudgetSearch = { year?: number };

export function validateBudgetSearch(search: Record<string, unknown>): BudgetSearch {
  const year = typeof search.year === 'number' ? search.year : typeof search.year === 'string' ? Number(search.year) : NaN;
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {};
}
