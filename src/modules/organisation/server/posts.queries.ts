import type { UnitBudget } from '../posts.schemas.js';
import { validOn } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';

// The reads behind posts and FTE: unit budgets, and what the vacancy list adds to the snapshot.

type BudgetRow = {
  unit_id: string;
  valid_from: string;
  valid_to: string | null;
  budgeted_fte: string;
  source: string;
  note: string | null;
};

const toBudget = (row: BudgetRow): UnitBudget => ({
  validFrom: row.valid_from,
  validTo: row.valid_to,
  budgetedFte: Number(row.budgeted_fte),
  source: row.source,
  note: row.note,
});

/** Each unit's budgeted FTE on `date`. */
export async function selectBudgetsOn(db: OrganisationDb, date: string): Promise<Map<string, UnitBudget>> {
  const rows = await db
    .selectFrom('org_unit_budgets as b')
    .select(['b.unit_id', 'b.valid_from', 'b.valid_to', 'b.budgeted_fte', 'b.source', 'b.note'])
    .where(validOn('b', date))
    .execute();
  return new Map(rows.map((row) => [row.unit_id, toBudget(row)]));
}

/** A unit's budget versions, oldest first (for the edit form and the history). */
export async function selectBudgetHistory(db: OrganisationDb, unitId: string): Promise<UnitBudget[]> {
  const rows = await db
    .selectFrom('org_unit_budgets')
    .select(['unit_id', 'valid_from', 'valid_to', 'budgeted_fte', 'source', 'note'])
    .where('unit_id', '=', unitId)
    .orderBy('valid_from')
    .execute();
  return rows.map(toBudget);
}

/** A unit's budget versions as stored, locked until the transaction ends. */
export async function lockBudgets(trx: OrganisationDb, unitId: string) {
  return trx.selectFrom('org_unit_budgets').selectAll().where('unit_id', '=', unitId).orderBy('valid_from').forUpdate().execute();
}

export interface VacancyFacts {
  /** The position's first day. */
  start: string;
  /** The latest end (first day not held) of an assignment that ended on or before the date. */
  lastEnd: string | null;
  costCentre: string | null;
}

/** What the vacancy list needs beyond the snapshot: each position's first day, last assignment end, cost centre. */
export async function selectVacancyFacts(
  db: OrganisationDb,
  positionIds: readonly string[],
  date: string,
): Promise<Map<string, VacancyFacts>> {
  const facts = new Map<string, VacancyFacts>();
  if (positionIds.length === 0) return facts;
  const ids = [...positionIds];
  const [starts, ends, current] = await Promise.all([
    db
      .selectFrom('org_position_versions')
      .select(['position_id', (eb) => eb.fn.min('valid_from').as('start')])
      .where('position_id', 'in', ids)
      .groupBy('position_id')
      .execute(),
    db
      .selectFrom('org_assignments')
      .select(['position_id', (eb) => eb.fn.max('valid_to').as('last_end')])
      .where('position_id', 'in', ids)
      .where('valid_to', '<=', date)
      .groupBy('position_id')
      .execute(),
    db
      .selectFrom('org_position_versions as pv')
      .select(['pv.position_id', 'pv.cost_centre'])
      .where('pv.position_id', 'in', ids)
      .where(validOn('pv', date))
      .execute(),
  ]);
  const lastEnds = new Map(ends.map((r) => [r.position_id, r.last_end as string | null]));
  const costCentres = new Map(current.map((r) => [r.position_id, r.cost_centre]));
  for (const row of starts) {
    facts.set(row.position_id, {
      start: row.start as string,
      lastEnd: lastEnds.get(row.position_id) ?? null,
      costCentre: costCentres.get(row.position_id) ?? null,
    });
  }
  return facts;
}
