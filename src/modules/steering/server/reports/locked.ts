import type { Kysely } from 'kysely';
import { AppError, recordAudit, type AuditEntry, type KernelTables, type WriteContext } from '../../../../kernel/index.js';
import type { SteeringDb } from '../steering.tables.js';

// Shared by the report commands: read the report under a row lock and refuse writes to a published one.

export const lockedMessage = { nb: 'Rapporten er publisert og låst', en: 'The report is published and locked' };

export interface LockedReport {
  id: string;
  kind: 'month' | 'tertial' | 'year';
  period: string;
  as_of: string;
  status: 'draft' | 'in_review' | 'published';
  revision: number;
}

/** The report, locked for this transaction; 404 when missing, 409 when published (nothing may change). */
export async function lockOpenReport(trx: SteeringDb, reportId: string): Promise<LockedReport> {
  const report = (await trx
    .selectFrom('st_reports')
    .select(['id', 'kind', 'period', 'as_of', 'status', 'revision'])
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst()) as LockedReport | undefined;
  if (!report) throw new AppError('not_found', { message: { nb: 'Fant ikke rapporten.', en: 'The report was not found.' } });
  if (report.status === 'published') throw new AppError('conflict', { message: lockedMessage, details: { reason: 'published' } });
  return report;
}

export function staleError(what: { nb: string; en: string }, current: number): AppError {
  return new AppError('stale', {
    message: {
      nb: `Noen andre har endret ${what.nb} i mellomtiden. Last inn på nytt og gjør endringen igjen.`,
      en: `Someone else changed ${what.en} in the meantime. Reload and make your change again.`,
    },
    details: { revision: current },
  });
}

/** The audit entry, in the same transaction as the write it describes. */
export async function audit(trx: SteeringDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}
