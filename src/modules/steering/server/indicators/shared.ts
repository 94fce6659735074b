import { sql, type Kysely } from 'kysely';
import { AppError, recordAudit, type AuditEntry, type KernelTables, type WriteContext, isUuid, invalid } from '../../../../kernel/index.js';
import type { SteeringDb } from '../steering.tables.js';
export { invalid };

export { isUuid };

// What the goals and indicators parts share: errors, revisions, the audit log, unit and area look-ups.

export async function audit(trx: SteeringDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

export const notFound = (nb: string, en: string) => new AppError('not_found', { message: { nb, en } });
export const forbidden = (nb: string, en: string) => new AppError('forbidden', { message: { nb, en } });

export { assertRevision } from '../../../../kernel/index.js';

export const toNumber = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

/** The names of units, from their latest version. */
export async function unitNames(db: SteeringDb, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter(isUuid))];
  if (unique.length === 0) return new Map();
  const { rows } = await sql<{ unit_id: string; name: string }>`
    select distinct on (unit_id) unit_id, name from org_unit_versions
    where unit_id in (${sql.join(unique)}) order by unit_id, valid_from desc`.execute(db);
  return new Map(rows.map((row) => [row.unit_id, row.name]));
}

/** Checks that every unit exists; throws 400 naming the missing ones. */
export async function assertUnitsExist(db: SteeringDb, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const found = unique.length ? await db.selectFrom('org_units').select('id').where('id', 'in', unique).execute() : [];
  const missing = unique.filter((id) => !found.some((row) => row.id === id));
  if (missing.length)
    throw invalid(
      'Enheten finnes ikke i organisasjonsmodellen. Velg en enhet som finnes.',
      'The unit does not exist in the organisation model. Choose a unit that exists.',
      { field: 'ownerUnitIds', missing },
    );
}

/** The programme area with this code, or 400. */
export async function areaByCode(db: SteeringDb, code: string): Promise<{ id: string; code: string; name: string }> {
  const area = await db
    .selectFrom('st_programme_areas')
    .select(['id', 'code', 'name'])
    .where('code', '=', code.trim().toUpperCase())
    .executeTakeFirst();
  if (!area) throw invalid(`Programområdet «${code}» finnes ikke.`, `The programme area “${code}” does not exist.`, { field: 'areaCode' });
  return area;
}
