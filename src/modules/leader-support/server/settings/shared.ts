import { sql, type Kysely } from 'kysely';
import {
  recordAudit,
  type AuditEntry,
  type KernelTables,
  type WriteContext,
  capitalise,
  conflict,
  invalid,
  notFound,
} from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { localDate } from '../sla/business-time.js';
export { assertRevision, cleanText } from '../../../../kernel/index.js';
export { conflict, invalid, notFound };

// What the settings commands share: messages, revisions, the audit log and "today" in Norway.

export type Noun = { nb: string; en: string };

export async function audit(trx: LeaderSupportDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

/** Locks one row of a table with an id and a revision until the transaction ends, so two edits take turns. */
export async function lockRow(
  trx: LeaderSupportDb,
  table: 'ls_sla_policies' | 'ls_routing_rules' | 'ls_groups',
  id: string,
  noun: Noun,
): Promise<{ id: string; revision: number }> {
  const { rows } = await sql<{
    id: string;
    revision: number;
  }>`select id, revision from ${sql.table(table)} where id = ${id} for update`.execute(trx);
  const row = rows[0];
  if (!row) throw notFound(`Fant ikke ${noun.nb} (id ${id}).`, `${capitalise(noun.en)} was not found (id ${id}).`);
  return row;
}

/** Today's date in Norway ('YYYY-MM-DD'): what the organisation model is read as of. */
export function todayInNorway(now = new Date()): string {
  return localDate('Europe/Oslo', now.getTime());
}

/** 'YYYY-MM-DD' that names a real day in the calendar. */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** 25.12.2026 */
export function norwegianDate(value: string): string {
  const [y, m, d] = value.split('-');
  return `${d}.${m}.${y}`;
}
