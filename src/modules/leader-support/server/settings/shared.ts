import { sql, type Kysely } from 'kysely';
import { AppError, recordAudit, type AuditEntry, type KernelTables, type WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { localDate } from '../sla/business-time.js';

// What the settings commands share: messages, revisions, the audit log and "today" in Norway.

export type Noun = { nb: string; en: string };

export async function audit(trx: LeaderSupportDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

export function invalid(nb: string, en: string, details?: unknown): AppError {
  return new AppError('invalid', { message: { nb, en }, details });
}

export function notFound(nb: string, en: string): AppError {
  return new AppError('not_found', { message: { nb, en } });
}

export function conflict(nb: string, en: string, details?: unknown): AppError {
  return new AppError('conflict', { message: { nb, en }, details });
}

/** Refuses an edit made on an older read: someone else changed it in the meantime. */
export function assertRevision(noun: Noun, current: number, sent: number): void {
  if (current !== sent) {
    throw new AppError('stale', {
      message: {
        nb: `Noen andre har endret ${noun.nb} i mellomtiden (du har versjon ${sent}, gjeldende er ${current}). Last inn på nytt og gjør endringen igjen.`,
        en: `Someone else changed ${noun.en} in the meantime (you have revision ${sent}, the current one is ${current}). Reload and make your change again.`,
      },
      details: { revision: current },
    });
  }
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

export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
