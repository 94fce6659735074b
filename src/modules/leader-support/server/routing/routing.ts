// Routing rules, defined in advance: category × area (a sector, service area or unit) → group.
// Pure: the caller reads the rules and the requester's unit chain from the organisation model.

export interface RuleCandidate {
  id: string;
  categoryId: string | null;
  areaUnitId: string | null;
  groupId: string;
}

/**
 * The rule that applies to a request in `categoryId` from the unit whose chain (the unit first, then
 * the units above it, nearest first) is `chain`. A rule for the category beats a rule for any
 * category; among those, the nearest area beats a farther one, and any area comes last.
 */
export function pickRule<R extends RuleCandidate>(rules: readonly R[], categoryId: string, chain: readonly string[]): R | null {
  let best: R | null = null;
  let bestScore = -1;
  for (const rule of rules) {
    if (rule.categoryId !== null && rule.categoryId !== categoryId) continue;
    let areaScore = 0;
    if (rule.areaUnitId !== null) {
      const depth = chain.indexOf(rule.areaUnitId);
      if (depth < 0) continue;
      areaScore = 1 + (chain.length - depth);
    }
    const score = (rule.categoryId !== null ? 10_000 : 0) + areaScore;
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}
