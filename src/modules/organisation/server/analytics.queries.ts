import type { ColumnType, Generated, Kysely } from 'kysely';
import { sortByNorwegian, type KernelTables } from '../../../kernel/index.js';
import type { Baseline } from '../analytics.schemas.js';
import type { OrganisationDb, OrganisationTables } from './organisation.tables.js';

/** Kysely types of migrations/0003_baselines.sql. */
export interface BaselineTables {
  org_admin_baselines: {
    id: Generated<string>;
    name: string;
    year: number;
    admin_fte: ColumnType<string, number | string, number | string>;
    total_fte: ColumnType<string, number | string, number | string>;
    source: string | null;
    comment: string | null;
    revision: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}

export type BaselineDb = Kysely<KernelTables & OrganisationTables & BaselineTables>;

/** The organisation's database handle, seen with the baseline table too. */
export const withBaselines = (db: OrganisationDb): BaselineDb => db as unknown as BaselineDb;

type BaselineRow = {
  id: string;
  name: string;
  year: number;
  admin_fte: string;
  total_fte: string;
  source: string | null;
  comment: string | null;
  revision: number;
};

export function toBaseline(row: BaselineRow): Baseline {
  const adminFte = Number(row.admin_fte);
  const totalFte = Number(row.total_fte);
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    adminFte,
    totalFte,
    share: adminFte / totalFte,
    source: row.source,
    comment: row.comment,
    revision: row.revision,
  };
}

const baselineColumns = ['id', 'name', 'year', 'admin_fte', 'total_fte', 'source', 'comment', 'revision'] as const;

/** Every baseline, by municipality (Norwegian order) and year. */
export async function selectBaselines(db: BaselineDb): Promise<Baseline[]> {
  const rows = await db.selectFrom('org_admin_baselines').select(baselineColumns).orderBy('year').execute();
  return sortByNorwegian(rows.map(toBaseline), (b) => b.name);
}

/** One baseline, locked for the rest of the transaction when `lock` is set. */
export async function selectBaseline(db: BaselineDb, id: string, lock = false): Promise<Baseline | undefined> {
  let query = db.selectFrom('org_admin_baselines').select(baselineColumns).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toBaseline(row) : undefined;
}

/** Another baseline for the same municipality and year (names compared without regard to case). */
export async function selectBaselineClash(db: BaselineDb, name: string, year: number, exceptId?: string): Promise<Baseline | undefined> {
  let query = db
    .selectFrom('org_admin_baselines')
    .select(baselineColumns)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .where('year', '=', year);
  if (exceptId) query = query.where('id', '<>', exceptId);
  const row = await query.executeTakeFirst();
  return row ? toBaseline(row) : undefined;
}

export async function insertBaseline(
  db: BaselineDb,
  values: { name: string; year: number; adminFte: number; totalFte: number; source: string | null; comment: string | null },
): Promise<Baseline> {
  const row = await db
    .insertInto('org_admin_baselines')
    .values({
      name: values.name,
      year: values.year,
      admin_fte: values.adminFte,
      total_fte: values.totalFte,
      source: values.source,
      comment: values.comment,
    })
    .returning(baselineColumns)
    .executeTakeFirstOrThrow();
  return toBaseline(row);
}

export async function updateBaselineRow(
  db: BaselineDb,
  id: string,
  values: { name: string; year: number; adminFte: number; totalFte: number; source: string | null; comment: string | null },
): Promise<Baseline> {
  const row = await db
    .updateTable('org_admin_baselines')
    .set((eb) => ({
      name: values.name,
      year: values.year,
      admin_fte: values.adminFte,
      total_fte: values.totalFte,
      source: values.source,
      comment: values.comment,
      revision: eb('revision', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .returning(baselineColumns)
    .executeTakeFirstOrThrow();
  return toBaseline(row);
}

export async function deleteBaselineRow(db: BaselineDb, id: string): Promise<void> {
  await db.deleteFrom('org_admin_baselines').where('id', '=', id).execute();
}
