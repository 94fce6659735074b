// The search parameters of /styring/budsjett (stub: the decisions part's owner defines them).
export type BudgetSearch = Record<string, never>;

export function validateBudgetSearch(_search: Record<string, unknown>): BudgetSearch {
  return {};
}
