import { describe, expect, it } from 'vitest';
import { compareRankings, normalisedScore, rank, weightedScore, type Candidate, type ScoringCriterion } from './scoring.js';

const criteria: ScoringCriterion[] = [
  { id: 'benefit', key: 'benefit', weight: 1, higherIsBetter: true },
  { id: 'risk', key: 'risk', weight: 1, higherIsBetter: false },
];

const candidate = (id: string, number: number, scores: Record<string, number>, demand = 100, mandated = false): Candidate => ({
  id,
  number,
  mandated,
  demand,
  scores,
});

describe('weighted score', () => {
  it('maps 1–5 to 0–1, turned round for higher-is-worse criteria', () => {
    expect(normalisedScore(5, true)).toBe(1);
    expect(normalisedScore(1, true)).toBe(0);
    expect(normalisedScore(5, false)).toBe(0);
    expect(normalisedScore(1, false)).toBe(1);
    expect(normalisedScore(3, false)).toBe(0.5);
  });

  it('weighs the criteria: Σ w·s′ / Σ w on 0–100', () => {
    // benefit 5 (1.0), risk 5 (0.0): equal weights → 50; benefit weighted 3:1 → 75.
    expect(weightedScore(criteria, { benefit: 5, risk: 5 }).score).toBe(50);
    expect(weightedScore([{ ...criteria[0]!, weight: 3 }, criteria[1]!], { benefit: 5, risk: 5 }).score).toBe(75);
    // Low risk is good: benefit 3 (0.5), risk 1 (1.0) → 75.
    expect(weightedScore(criteria, { benefit: 3, risk: 1 }).score).toBe(75);
  });

  it('leaves unscored criteria out and gives null when nothing with weight is scored', () => {
    expect(weightedScore(criteria, { benefit: 4 })).toEqual({ score: 75, scoredCount: 1 });
    expect(weightedScore(criteria, {})).toEqual({ score: null, scoredCount: 0 });
    expect(weightedScore([{ ...criteria[0]!, weight: 0 }, criteria[1]!], { benefit: 5 }).score).toBeNull();
  });
});

describe('ranking and the capacity line', () => {
  const items = [
    candidate('a', 1, { benefit: 5, risk: 1 }, 100), // 100
    candidate('b', 2, { benefit: 4, risk: 2 }, 100), // 75
    candidate('c', 3, { benefit: 4, risk: 2 }, 50), // 75, cheaper → above b
    candidate('d', 4, {}, 10), // not scored → last
  ];

  it('orders by score, then cost, then number, and accumulates demand', () => {
    const ranked = rank(criteria, items, 1000);
    expect(ranked.map((r) => r.candidate.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(ranked.map((r) => r.cumulative)).toEqual([100, 150, 250, 260]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it('fits while the cumulative demand is at or below the line', () => {
    const ranked = rank(criteria, items, 150);
    expect(ranked.map((r) => r.fits)).toEqual([true, true, false, false]);
  });

  it('pins a mandated initiative at the top, inside capacity, even with the lowest score and a tiny line', () => {
    const mandated = candidate('m', 9, { benefit: 1, risk: 5 }, 500, true); // score 0
    const ranked = rank(criteria, [...items, mandated], 1);
    expect(ranked[0]!.candidate.id).toBe('m');
    expect(ranked[0]!.score).toBe(0);
    expect(ranked[0]!.fits).toBe(true);
    expect(ranked.slice(1).every((r) => !r.fits)).toBe(true);
  });

  it('what-if: a lower line moves items out, re-weighting moves them in', () => {
    const saved = rank(criteria, items, 250);
    const lower = rank(criteria, items, 100);
    expect(compareRankings(saved, lower).fallsOut.map((m) => m.candidate.id)).toEqual(['c', 'b']);
    expect(compareRankings(saved, lower).fallsIn).toEqual([]);

    // x is cheap on risk but weak on benefit: with risk weighted up it overtakes b.
    const x = candidate('x', 5, { benefit: 2, risk: 1 }, 100); // equal weights: (0.25+1)/2 = 62.5
    const before = rank(criteria, [...items, x], 250);
    expect(before.find((r) => r.candidate.id === 'x')!.fits).toBe(false);
    const reweighted = rank([criteria[0]!, { ...criteria[1]!, weight: 10 }], [...items, x], 250);
    const moved = compareRankings(before, reweighted);
    expect(moved.fallsIn.map((m) => m.candidate.id)).toEqual(['x']);
    expect(moved.fallsOut.map((m) => m.candidate.id)).toEqual(['b']);
  });
});
