import { sql, type Kysely } from 'kysely';
import {
  recordAudit,
  type AuditEntry,
  type KernelTables,
  type WriteContext,
  isUuid,
  todayInNorway,
  forbidden,
  invalid,
  notFound,
} from '../../../../kernel/index.js';
import type { OrganisationTables } from '../../../organisation/index.js';
import type { SteeringBudgetTables, SteeringTables } from '../steering.tables.js';
export { forbidden, invalid, notFound };

export { isUuid, todayInNorway };

// What the decisions and budget parts share: the database type with migration 0004, messages,
// revisions, the audit log, unit names and "today" in Norway.

export type DecisionsDb = Kysely<KernelTables & OrganisationTables & SteeringTables & SteeringBudgetTables>;
export const asDecisionsDb = (db: unknown): DecisionsDb => db as DecisionsDb;

export async function audit(trx: DecisionsDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

export { assertRevision } from '../../../../kernel/index.js';

/** A real calendar date 'YYYY-MM-DD'? */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The names of units (the version valid on `date`, else the latest version). */
export async function unitNames(db: DecisionsDb, ids: string[], date: string): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(isUuid))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_unit_versions')
    .select(['unit_id', 'name', 'valid_from', 'valid_to'])
    .where('unit_id', 'in', unique)
    .orderBy('unit_id')
    .orderBy('valid_from')
    .execute();
  const names = new Map<string, string>();
  for (const row of rows) {
    const from = String(row.valid_from).slice(0, 10);
    const to = row.valid_to === null ? null : String(row.valid_to).slice(0, 10);
    const valid = from <= date && (to === null || to > date);
    if (valid || !names.has(row.unit_id)) names.set(row.unit_id, row.name);
  }
  return names;
}

/** Which of these unit ids exist. */
export async function existingUnits(db: DecisionsDb, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids.filter(isUuid))];
  if (unique.length === 0) return new Set();
  const rows = await db.selectFrom('org_units').select('id').where('id', 'in', unique).execute();
  return new Set(rows.map((r) => r.id));
}

/** Locks one row by id until the transaction ends, so two edits take turns. */
export async function lockById(trx: DecisionsDb, table: 'st_political_decisions' | 'st_programme_areas' | 'st_adjustments', id: string) {
  const { rows } = await sql<{ revision: number }>`select revision from ${sql.table(table)} where id = ${id} for update`.execute(trx);
  return rows[0] ?? null;
}
