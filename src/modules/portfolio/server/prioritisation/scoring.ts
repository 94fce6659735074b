// Weighted scoring, ranking and the capacity line — pure, no database (scoring.test.ts).
//
// Score 0–100 = 100 · Σ w·s' / Σ w over the criteria the initiative is scored on, where
// s' = (score − 1)/4 when a higher score is better and (5 − score)/4 when it is worse (risk, cost).
// An unscored criterion is left out (shown «ikke scoret»); no scored criterion with weight → null.
// Ranking: mandated initiatives are pinned first and always fit; the rest by score (null last),
// then estimated cost ascending, then number. Walking the ranking, demand accumulates; an initiative
// fits while the cumulative demand is at or below the capacity line.

export interface ScoringCriterion {
  id: string;
  key: string;
  weight: number;
  higherIsBetter: boolean;
}

export interface Candidate {
  id: string;
  number: number;
  mandated: boolean;
  /** Kroner (estimated cost). */
  demand: number;
  /** criterion id → score 1–5 */
  scores: Record<string, number>;
}

export interface Ranked<C extends Candidate = Candidate> {
  candidate: C;
  rank: number;
  score: number | null;
  scoredCount: number;
  cumulative: number;
  fits: boolean;
}

export function normalisedScore(score: number, higherIsBetter: boolean): number {
  return higherIsBetter ? (score - 1) / 4 : (5 - score) / 4;
}

export function weightedScore(
  criteria: readonly ScoringCriterion[],
  scores: Record<string, number>,
): { score: number | null; scoredCount: number } {
  let sum = 0;
  let weights = 0;
  let scoredCount = 0;
  for (const criterion of criteria) {
    const score = scores[criterion.id];
    if (score === undefined) continue;
    scoredCount += 1;
    if (criterion.weight <= 0) continue;
    sum += criterion.weight * normalisedScore(score, criterion.higherIsBetter);
    weights += criterion.weight;
  }
  return { score: weights > 0 ? Math.round((10_000 * sum) / weights) / 100 : null, scoredCount };
}

export function rank<C extends Candidate>(
  criteria: readonly ScoringCriterion[],
  candidates: readonly C[],
  capacityLine: number,
): Ranked<C>[] {
  const scored = candidates.map((candidate) => ({ candidate, ...weightedScore(criteria, candidate.scores) }));
  scored.sort((a, b) => {
    if (a.candidate.mandated !== b.candidate.mandated) return a.candidate.mandated ? -1 : 1;
    const sa = a.score ?? -1;
    const sb = b.score ?? -1;
    if (sa !== sb) return sb - sa;
    if (a.candidate.demand !== b.candidate.demand) return a.candidate.demand - b.candidate.demand;
    return a.candidate.number - b.candidate.number;
  });
  let cumulative = 0;
  return scored.map((entry, index) => {
    cumulative += entry.candidate.demand;
    return { ...entry, rank: index + 1, cumulative, fits: entry.candidate.mandated || cumulative <= capacityLine };
  });
}

export interface MovedItem<C extends Candidate = Candidate> {
  candidate: C;
  savedRank: number;
  proposedRank: number;
}

/** Which initiatives fall in (out before, in now) and out (in before, out now). */
export function compareRankings<C extends Candidate>(
  saved: readonly Ranked<C>[],
  proposed: readonly Ranked<C>[],
): { fallsIn: MovedItem<C>[]; fallsOut: MovedItem<C>[] } {
  const before = new Map(saved.map((entry) => [entry.candidate.id, entry]));
  const fallsIn: MovedItem<C>[] = [];
  const fallsOut: MovedItem<C>[] = [];
  for (const entry of proposed) {
    const old = before.get(entry.candidate.id);
    if (!old || old.fits === entry.fits) continue;
    const moved = { candidate: entry.candidate, savedRank: old.rank, proposedRank: entry.rank };
    (entry.fits ? fallsIn : fallsOut).push(moved);
  }
  return { fallsIn, fallsOut };
}
