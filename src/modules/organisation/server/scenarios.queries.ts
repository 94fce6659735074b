import type { ColumnType, Generated, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { KernelTables } from '../../../kernel/index.js';
import type { StoredChange } from '../scenarios.schemas.js';
import type { OrganisationDb, OrganisationTables } from './organisation.tables.js';

/** Kysely types of migrations/0004_scenarios.sql. */
export interface ScenarioTables {
  org_change_counter: { id: number; revision: ColumnType<string, number, number> };
  org_scenarios: {
    id: Generated<string>;
    name: string;
    description: string;
    effective_date: ColumnType<string, string, string>;
    status: string;
    base_revision: ColumnType<string, number | string, number | string>;
    base_audit_id: ColumnType<string, number | string, number | string>;
    changes: ColumnType<StoredChange[], string, string>;
    revision: Generated<number>;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    applied_at: Date | null;
    applied_by: string | null;
  };
}

export type ScenarioDb = Kysely<KernelTables & OrganisationTables & ScenarioTables>;

/** The organisation's database handle, seen with the scenario tables too. */
export const withScenarios = (db: OrganisationDb | ScenarioDb): ScenarioDb => db as unknown as ScenarioDb;

export interface ScenarioRow {
  id: string;
  name: string;
  description: string;
  effectiveDate: string;
  status: 'draft' | 'applied' | 'discarded';
  baseRevision: number;
  baseAuditId: number;
  changes: StoredChange[];
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  appliedAt: Date | null;
}

const columns = [
  'id',
  'name',
  'description',
  'effective_date',
  'status',
  'base_revision',
  'base_audit_id',
  'changes',
  'revision',
  'created_at',
  'updated_at',
  'applied_at',
] as const;

type RawRow = {
  id: string;
  name: string;
  description: string;
  effective_date: string;
  status: string;
  base_revision: string;
  base_audit_id: string;
  changes: StoredChange[];
  revision: number;
  created_at: Date;
  updated_at: Date;
  applied_at: Date | null;
};

function toRow(raw: RawRow): ScenarioRow {
  return {
    id: raw.id,
    name: raw.name,
    description: raw.description,
    effectiveDate: raw.effective_date,
    status: raw.status as ScenarioRow['status'],
    baseRevision: Number(raw.base_revision),
    baseAuditId: Number(raw.base_audit_id),
    changes: typeof raw.changes === 'string' ? (JSON.parse(raw.changes) as StoredChange[]) : raw.changes,
    revision: raw.revision,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    appliedAt: raw.applied_at,
  };
}

/** Scenarios, the most recently edited first. */
export async function selectScenarios(db: ScenarioDb, status?: ScenarioRow['status']): Promise<ScenarioRow[]> {
  let query = db.selectFrom('org_scenarios').select(columns).orderBy('updated_at', 'desc').orderBy('id');
  if (status) query = query.where('status', '=', status);
  return (await query.execute()).map(toRow);
}

/** One scenario; locked for the rest of the transaction when `lock` is set. */
export async function selectScenario(db: ScenarioDb, id: string, lock = false): Promise<ScenarioRow | undefined> {
  let query = db.selectFrom('org_scenarios').select(columns).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const raw = await query.executeTakeFirst();
  return raw ? toRow(raw) : undefined;
}

export async function insertScenario(
  db: ScenarioDb,
  values: {
    name: string;
    description: string;
    effectiveDate: string;
    changes: StoredChange[];
    base: OrganisationBase;
    createdBy: string | null;
  },
): Promise<ScenarioRow> {
  const raw = await db
    .insertInto('org_scenarios')
    .values({
      name: values.name,
      description: values.description,
      effective_date: values.effectiveDate,
      status: 'draft',
      base_revision: values.base.revision,
      base_audit_id: values.base.auditId,
      changes: JSON.stringify(values.changes),
      created_by: values.createdBy,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRow(raw);
}

export async function updateScenarioRow(
  db: ScenarioDb,
  id: string,
  values: Partial<{
    name: string;
    description: string;
    effectiveDate: string;
    changes: StoredChange[];
    base: OrganisationBase;
    status: ScenarioRow['status'];
    appliedBy: string | null;
  }>,
): Promise<ScenarioRow> {
  const raw = await db
    .updateTable('org_scenarios')
    .set((eb) => ({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.description !== undefined ? { description: values.description } : {}),
      ...(values.effectiveDate !== undefined ? { effective_date: values.effectiveDate } : {}),
      ...(values.changes !== undefined ? { changes: JSON.stringify(values.changes) } : {}),
      ...(values.base !== undefined ? { base_revision: values.base.revision, base_audit_id: values.base.auditId } : {}),
      ...(values.status !== undefined ? { status: values.status } : {}),
      ...(values.status === 'applied' ? { applied_at: new Date(), applied_by: values.appliedBy ?? null } : {}),
      revision: eb('revision', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRow(raw);
}

/** Where the organisation stands: its change counter, and the last audit entry written so far. */
export interface OrganisationBase {
  revision: number;
  auditId: number;
}

/**
 * The organisation's change counter (moved on by trigger on every organisation row written) and
 * the newest audit id. With `lock`, no other transaction can write to the organisation until this
 * one ends, so nothing slips in between checking the base and applying a scenario.
 */
export async function selectOrganisationBase(db: ScenarioDb, lock = false): Promise<OrganisationBase> {
  const { rows } = lock
    ? await sql<{ revision: string }>`select revision from org_change_counter where id = 1 for update`.execute(db)
    : await sql<{ revision: string }>`select revision from org_change_counter where id = 1`.execute(db);
  const audit = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return { revision: Number(rows[0]?.revision ?? 0), auditId: Number(audit?.id ?? 0) };
}

/** The current value of the change counter for many scenarios' "has the base changed" flags: one query. */
export async function selectChangeCounter(db: ScenarioDb): Promise<number> {
  const row = await db.selectFrom('org_change_counter').select('revision').where('id', '=', 1).executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/** Organisation edits audited after `auditId`: what changed since a scenario was drafted. Newest first. */
export async function selectOrganisationEditsSince(
  db: ScenarioDb,
  auditId: number,
  limit = 50,
): Promise<{
  total: number;
  items: { at: string; actorName: string | null; action: string; entityType: string; entityId: string | null }[];
}> {
  const base = db
    .selectFrom('audit_log')
    .where('id', '>', String(auditId))
    .where((eb) => eb.or([eb('entity_type', 'like', 'organisation\\_%'), eb('entity_type', 'like', 'org\\_%')]))
    .where('entity_type', 'not in', ['organisation_scenario', 'organisation_baseline', 'org_rule_setting']);
  const [rows, count] = await Promise.all([
    base.select(['occurred_at', 'actor_name', 'action', 'entity_type', 'entity_id']).orderBy('id', 'desc').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      at: r.occurred_at.toISOString(),
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
    })),
  };
}

/** The people the changes name, by key. */
export async function selectPeopleByKeys(db: ScenarioDb, keys: string[]): Promise<{ id: string; key: string; name: string }[]> {
  if (keys.length === 0) return [];
  return db.selectFrom('org_people').select(['id', 'key', 'name']).where('key', 'in', keys).execute();
}

/** Which of these unit and position keys exist on some date: they cannot be given to new ones. */
export async function selectTakenKeys(
  db: ScenarioDb,
  keys: { unitKeys: string[]; positionKeys: string[] },
): Promise<{ unitKeys: string[]; positionKeys: string[] }> {
  const [units, positions] = await Promise.all([
    keys.unitKeys.length ? db.selectFrom('org_units').select('key').where('key', 'in', keys.unitKeys).execute() : [],
    keys.positionKeys.length ? db.selectFrom('org_positions').select('key').where('key', 'in', keys.positionKeys).execute() : [],
  ]);
  return { unitKeys: units.map((u) => u.key), positionKeys: positions.map((p) => p.key) };
}

/** The current revision of a unit or position (the commands check it), and of an assignment or line. */
export async function selectRevision(
  db: ScenarioDb,
  table: 'org_units' | 'org_positions' | 'org_assignments' | 'org_reporting_lines',
  id: string,
): Promise<number> {
  const row = await db.selectFrom(table).select('revision').where('id', '=', id).executeTakeFirst();
  return row?.revision ?? 0;
}

/** Unit and position ids by key, for keys the snapshot does not hold (created by an applied step). */
export async function selectIdsByKey(db: ScenarioDb, table: 'org_units' | 'org_positions', keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom(table).select(['id', 'key']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}
