// The search parameters of /styring/sammenligning (stub: the imports part's owner defines them).
export type ComparisonSearch = Record<string, never>;

export function validateComparisonSearch(_search: Record<string, unknown>): ComparisonSearch {
  return {};
}
