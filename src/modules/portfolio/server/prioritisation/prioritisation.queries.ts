import { sql } from 'kysely';
import type { Criterion, PortfolioSettings, PrioritisationResponse } from '../../prioritisation.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { rank, type Candidate, type Ranked, type ScoringCriterion } from './scoring.js';

/**
 * The candidates for prioritisation: active initiatives (not paused, stopped, merged or done) in the
 * phases that still need development capacity — idea, concept, planning, execution. Closing and
 * realisation have delivered; their capacity is spent.
 */
export const candidatePhases = ['idea', 'concept', 'planning', 'execution'] as const;

export interface CandidateRow extends Candidate {
  title: string;
  category: string;
  phase: string;
  size: string;
  estimatedMonths: number | null;
  synthetic: boolean;
}

export async function selectCriteria(db: PortfolioDb): Promise<{ criteria: Criterion[]; revision: number }> {
  const rows = await db
    .selectFrom('pf_criteria')
    .select(['id', 'key', 'label_nb', 'label_en', 'weight', 'higher_is_better', 'sort_order', 'revision'])
    .orderBy('sort_order')
    .orderBy('key')
    .execute();
  return {
    criteria: rows.map((r) => ({
      id: r.id,
      key: r.key,
      labelNb: r.label_nb,
      labelEn: r.label_en,
      weight: Number(r.weight),
      higherIsBetter: r.higher_is_better,
      sortOrder: r.sort_order,
    })),
    revision: rows.reduce((max, r) => Math.max(max, r.revision), 1),
  };
}

export async function selectSettings(db: PortfolioDb): Promise<PortfolioSettings> {
  const row = await db.selectFrom('pf_settings').select(['capacity_line', 'report_due_day', 'revision']).executeTakeFirstOrThrow();
  return { capacityLine: Number(row.capacity_line), reportDueDay: row.report_due_day, revision: row.revision };
}

type RawCandidate = {
  id: string;
  number: number;
  title: string;
  category: string;
  phase: string;
  size: string;
  cost: string;
  estimated_months: number | null;
  synthetic: boolean;
};

/** Every candidate with its scores ("criterionId:score,…", parsed here: cheaper than JSON on both drivers). */
export async function selectCandidates(db: PortfolioDb): Promise<CandidateRow[]> {
  // Two plain scans joined here: a correlated or joined aggregate lets the planner (without fresh
  // statistics after a bulk load) pick a nested loop, seconds on 2 000 initiatives.
  const [result, scoreRows] = await Promise.all([
    sql<RawCandidate>`
      select i.id, i.number, i.title, i.category, i.phase, i.size, i.estimated_cost::text as cost, i.estimated_months, i.synthetic
      from pf_initiatives i
      where i.state = 'active' and i.phase in ('idea', 'concept', 'planning', 'execution')
    `.execute(db),
    sql<{ initiative_id: string; scores: string }>`
      select initiative_id, string_agg(criterion_id::text || ':' || score::text, ',') as scores from pf_scores group by initiative_id
    `.execute(db),
  ]);
  const scoresBy = new Map(scoreRows.rows.map((r) => [r.initiative_id, r.scores]));
  return result.rows.map((r) => {
    const scores: Record<string, number> = {};
    const text = scoresBy.get(r.id);
    if (text)
      for (const pair of text.split(',')) {
        const colon = pair.indexOf(':');
        scores[pair.slice(0, colon)] = Number(pair.slice(colon + 1));
      }
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      category: r.category,
      phase: r.phase,
      size: r.size,
      mandated: r.category === 'mandated',
      demand: Number(r.cost),
      estimatedMonths: r.estimated_months,
      synthetic: r.synthetic,
      scores,
    };
  });
}

export function toScoring(criteria: readonly Criterion[], weights?: Record<string, number>): ScoringCriterion[] {
  return criteria.map((c) => ({ id: c.id, key: c.key, higherIsBetter: c.higherIsBetter, weight: weights?.[c.key] ?? c.weight }));
}

export function toResponse(
  ranked: readonly Ranked<CandidateRow>[],
  capacityLine: number,
  criteriaCount: number,
  revisions: { criteria: number; settings: number },
): PrioritisationResponse {
  let mandatedDemand = 0;
  let fitsCount = 0;
  const items = ranked.map((r) => {
    const c = r.candidate;
    if (c.mandated) mandatedDemand += c.demand;
    if (r.fits) fitsCount += 1;
    return {
      id: c.id,
      number: c.number,
      title: c.title,
      category: c.category,
      phase: c.phase,
      size: c.size,
      mandated: c.mandated,
      rank: r.rank,
      score: r.score,
      scoredCount: r.scoredCount,
      demand: c.demand,
      cumulative: r.cumulative,
      fits: r.fits,
      estimatedMonths: c.estimatedMonths,
      synthetic: c.synthetic,
    };
  });
  return {
    capacityLine,
    capacityUnit: 'NOK',
    criteriaCount,
    totalDemand: ranked.length ? ranked[ranked.length - 1]!.cumulative : 0,
    fitsCount,
    mandatedOverLine: Math.max(0, mandatedDemand - capacityLine),
    items,
    criteriaRevision: revisions.criteria,
    settingsRevision: revisions.settings,
  };
}

export type SavedPrioritisation = {
  criteria: Criterion[];
  criteriaRevision: number;
  settings: PortfolioSettings;
  candidates: CandidateRow[];
  ranked: Ranked<CandidateRow>[];
};

/**
 * A fingerprint of everything the ranking reads (a hash sum over the candidates' ranked columns and
 * the scores, the criteria and the settings): aggregates inside the database, far cheaper than
 * reading 2 000 initiatives and 12 000 scores out. Equal fingerprint → the kept ranking is current.
 */
async function fingerprint(db: PortfolioDb): Promise<string> {
  const result = await sql<{ f: string }>`
    select
      (select count(*)::text || '/' || coalesce(sum(hashtext(id::text || number::text || title || category || phase || state || size
         || estimated_cost::text || coalesce(estimated_months::text, '') || synthetic::text)), 0)::text from pf_initiatives)
      || '|' || (select count(*)::text || '/' || coalesce(sum(hashtext(initiative_id::text || criterion_id::text || score::text)), 0)::text from pf_scores)
      || '|' || (select coalesce(string_agg(id::text || key || weight::text || higher_is_better::text || revision::text || label_nb || label_en || sort_order::text, ',' order by id), '') from pf_criteria)
      || '|' || (select revision::text || capacity_line::text || report_due_day::text from pf_settings) as f
  `.execute(db);
  return result.rows[0]!.f;
}

const kept = new WeakMap<object, { fingerprint: string; saved: SavedPrioritisation }>();

/** The saved state: the ranking with the saved weights and capacity line (kept per database while nothing it reads changes). */
export async function savedPrioritisation(db: PortfolioDb): Promise<SavedPrioritisation> {
  const print = await fingerprint(db);
  const known = kept.get(db);
  if (known && known.fingerprint === print) return known.saved;
  const [{ criteria, revision }, settings, candidates] = await Promise.all([selectCriteria(db), selectSettings(db), selectCandidates(db)]);
  const ranked = rank(toScoring(criteria), candidates, settings.capacityLine);
  const saved = { criteria, criteriaRevision: revision, settings, candidates, ranked };
  kept.set(db, { fingerprint: print, saved });
  return saved;
}
