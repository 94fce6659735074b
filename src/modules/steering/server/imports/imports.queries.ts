// SQL of the imports part: import records and their progress, indicator values in batches,
// regions learned from files, and the comparison series.
import { sql, type Kysely } from 'kysely';
import type { KernelTables } from '../../../../kernel/index.js';
import type { OrganisationTables } from '../../../organisation/index.js';
import type { ImportProblem, ImportSummary, ImportView } from '../../imports.schemas.js';
import type { SteeringImportTables, SteeringTables } from '../steering.tables.js';

export type ImportsDb = Kysely<KernelTables & OrganisationTables & SteeringTables & SteeringImportTables>;

export interface IndicatorForImport {
  id: string;
  key: string;
  name: string;
  frequency: 'month' | 'tertial' | 'year';
  direction: 'higher' | 'lower';
  unit_of_measure: string;
  ssb_table: string | null;
  ssb_contents_code: string | null;
}

export async function findIndicator(db: ImportsDb, key: string): Promise<IndicatorForImport | undefined> {
  return db
    .selectFrom('st_indicators')
    .select(['id', 'key', 'name', 'frequency', 'direction', 'unit_of_measure', 'ssb_table', 'ssb_contents_code'])
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function listIndicatorsForImport(db: ImportsDb): Promise<IndicatorForImport[]> {
  return db
    .selectFrom('st_indicators')
    .select(['id', 'key', 'name', 'frequency', 'direction', 'unit_of_measure', 'ssb_table', 'ssb_contents_code'])
    .where('active', '=', true)
    .execute();
}

export async function importExists(db: ImportsDb, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('st_imports').select('id').where('id', '=', id).executeTakeFirst());
}

export async function insertImport(
  db: ImportsDb,
  row: { id?: string; kind: 'jsonstat' | 'indicator_csv'; fileName: string; bytesTotal: number; createdBy: string; indicatorId: string },
): Promise<string> {
  const inserted = await db
    .insertInto('st_imports')
    .values({
      ...(row.id ? { id: row.id } : {}),
      kind: row.kind,
      file_name: row.fileName,
      status: 'running',
      bytes_total: row.bytesTotal,
      bytes_done: 0,
      problems: '[]',
      created_by: row.createdBy,
      indicator_id: row.indicatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateProgress(db: ImportsDb, id: string, bytesDone: number): Promise<void> {
  await db.updateTable('st_imports').set({ bytes_done: bytesDone }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function finishImport(
  db: ImportsDb,
  id: string,
  result: { status: 'done' | 'failed'; bytesDone: number; rowsWritten: number; problems: ImportProblem[]; summary: ImportSummary | null },
): Promise<void> {
  await db
    .updateTable('st_imports')
    .set({
      status: result.status,
      bytes_done: result.bytesDone,
      rows_written: result.rowsWritten,
      problems: JSON.stringify(result.problems),
      summary: result.summary === null ? null : JSON.stringify(result.summary),
      finished_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export interface ValueToWrite {
  period: string;
  unitId: string | null;
  district: number | null;
  region: string | null;
  value: number;
}

/** Writes values in multi-row INSERT … ON CONFLICT (the unique index) DO UPDATE batches. */
export async function upsertValues(
  trx: ImportsDb,
  indicatorId: string,
  origin: 'csv' | 'jsonstat',
  importId: string,
  userId: string | null,
  values: ValueToWrite[],
  batchSize = 1000,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < values.length; start += batchSize) {
    const batch = values.slice(start, start + batchSize);
    const rows = batch.map(
      (v) =>
        sql`(${indicatorId}::uuid, ${v.period}, ${v.unitId}::uuid, ${v.district}::smallint, ${v.region}::text, ${String(v.value)}::numeric, ${origin}, ${importId}::uuid, ${userId}::uuid)`,
    );
    await sql`
      INSERT INTO st_indicator_values (indicator_id, period, unit_id, district, region, value, origin, import_id, updated_by)
      VALUES ${sql.join(rows)}
      ON CONFLICT (indicator_id, period, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(district, 0), coalesce(region, ''))
      DO UPDATE SET value = excluded.value, origin = excluded.origin, import_id = excluded.import_id,
        updated_by = excluded.updated_by, updated_at = now()
    `.execute(trx);
    written += batch.length;
  }
  return written;
}

export async function upsertRegions(trx: ImportsDb, regions: { code: string; label: string }[]): Promise<void> {
  for (let start = 0; start < regions.length; start += 1000) {
    const batch = regions.slice(start, start + 1000);
    await trx
      .insertInto('st_regions')
      .values(batch.map((r) => ({ code: r.code, label: r.label.slice(0, 200) })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ label: eb.ref('excluded.label'), updated_at: sql<Date>`now()` })))
      .execute();
  }
}

export async function listRegions(db: ImportsDb): Promise<{ code: string; label: string }[]> {
  return db.selectFrom('st_regions').select(['code', 'label']).execute();
}

type ImportRow = {
  id: string;
  kind: ImportView['kind'];
  file_name: string;
  status: ImportView['status'];
  bytes_total: string;
  bytes_done: string;
  rows_written: number;
  problems: unknown;
  summary: unknown;
  created_at: Date;
  finished_at: Date | null;
  indicator_key: string | null;
  indicator_name: string | null;
};

function importsQuery(db: ImportsDb) {
  return db
    .selectFrom('st_imports as i')
    .leftJoin('st_indicators as ind', 'ind.id', 'i.indicator_id')
    .select([
      'i.id',
      'i.kind',
      'i.file_name',
      'i.status',
      'i.bytes_total',
      'i.bytes_done',
      'i.rows_written',
      'i.problems',
      'i.summary',
      'i.created_at',
      'i.finished_at',
      'ind.key as indicator_key',
      'ind.name as indicator_name',
    ]);
}

const toIso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

function toView(row: ImportRow): ImportView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    status: row.status,
    indicator: row.indicator_key ? { key: row.indicator_key, name: row.indicator_name ?? row.indicator_key } : null,
    bytesTotal: Number(row.bytes_total),
    bytesDone: Number(row.bytes_done),
    rowsWritten: row.rows_written,
    problems: Array.isArray(row.problems) ? (row.problems as ImportProblem[]) : [],
    summary: (row.summary as ImportSummary | null) ?? null,
    createdAt: toIso(row.created_at),
    finishedAt: row.finished_at ? toIso(row.finished_at) : null,
  };
}

export async function readImport(db: ImportsDb, id: string): Promise<ImportView | undefined> {
  const row = await importsQuery(db).where('i.id', '=', id).executeTakeFirst();
  return row ? toView(row as ImportRow) : undefined;
}

/** The most recent imports of indicator values (JSON-stat and CSV). */
export async function listImports(db: ImportsDb, limit = 20): Promise<ImportView[]> {
  const rows = await importsQuery(db)
    .where('i.kind', 'in', ['jsonstat', 'indicator_csv'])
    .orderBy('i.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => toView(row as ImportRow));
}

/** An indicator's values for the whole municipality (region NULL) and for the regions asked for. */
export async function selectComparisonValues(
  db: ImportsDb,
  indicatorId: string,
  regions: string[],
  fromYear: number | null,
  toYear: number | null,
): Promise<{ region: string | null; period: string; value: string }[]> {
  let query = db
    .selectFrom('st_indicator_values')
    .select(['region', 'period', 'value'])
    .where('indicator_id', '=', indicatorId)
    .where('unit_id', 'is', null)
    .where('district', 'is', null)
    .where((eb) => (regions.length > 0 ? eb.or([eb('region', 'is', null), eb('region', 'in', regions)]) : eb('region', 'is', null)));
  if (fromYear !== null) query = query.where('period', '>=', String(fromYear));
  if (toYear !== null) query = query.where('period', '<', String(toYear + 1));
  return query.orderBy('period').execute();
}

/** Org units by key (CSV imports name units by key). */
export async function unitsByKey(db: ImportsDb, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'key']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}
