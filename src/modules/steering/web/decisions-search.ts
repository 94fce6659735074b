// The search parameters of /styring/vedtak (stub: the decisions part's owner defines them).
export type DecisionsSearch = Record<string, never>;

export function validateDecisionsSearch(_search: Record<string, unknown>): DecisionsSearch {
  return {};
}
