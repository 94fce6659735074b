import type { ColumnType, ExpressionBuilder, Generated, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { KernelTables } from '../../../kernel/index.js';
import type { ScenarioStatus, StoredChange } from '../scenarios.schemas.js';
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
    submitted_by: string | null;
    submitted_at: Date | null;
    submitted_comparison: ColumnType<unknown, string | null, string | null>;
    approved_by: string | null;
    approved_at: Date | null;
  };
  org_scenario_comments: {
    id: Generated<string>;
    scenario_id: string;
    author_id: string | null;
    author_name: string;
    body: string;
    action: string | null;
    created_at: Generated<Date>;
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
  status: ScenarioStatus;
  baseRevision: number;
  baseAuditId: number;
  changes: StoredChange[];
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  appliedAt: Date | null;
  createdBy: UserRef | null;
  submittedBy: UserRef | null;
  submittedAt: Date | null;
  approvedBy: UserRef | null;
  approvedAt: Date | null;
  appliedBy: UserRef | null;
}

export interface UserRef {
  id: string;
  name: string;
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
  'created_by',
  'submitted_by',
  'submitted_at',
  'approved_by',
  'approved_at',
  'applied_by',
] as const;

/** The columns, and the names of the users they point at (a user's name as it is now). */
const withNames = (eb: ExpressionBuilder<KernelTables & ScenarioTables, 'org_scenarios'>) => {
  const nameOf = (column: 'created_by' | 'submitted_by' | 'approved_by' | 'applied_by') =>
    eb.selectFrom('users').select('users.display_name').whereRef('users.id', '=', `org_scenarios.${column}`);
  return [
    nameOf('created_by').as('created_by_name'),
    nameOf('submitted_by').as('submitted_by_name'),
    nameOf('approved_by').as('approved_by_name'),
    nameOf('applied_by').as('applied_by_name'),
  ];
};

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
  created_by: string | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  applied_by: string | null;
  created_by_name?: string | null;
  submitted_by_name?: string | null;
  approved_by_name?: string | null;
  applied_by_name?: string | null;
};

const ref = (id: string | null, name: string | null | undefined): UserRef | null => (id ? { id, name: name ?? '' } : null);

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
    createdBy: ref(raw.created_by, raw.created_by_name),
    submittedBy: ref(raw.submitted_by, raw.submitted_by_name),
    submittedAt: raw.submitted_at,
    approvedBy: ref(raw.approved_by, raw.approved_by_name),
    approvedAt: raw.approved_at,
    appliedBy: ref(raw.applied_by, raw.applied_by_name),
  };
}

/** Scenarios, the most recently edited first. */
export async function selectScenarios(db: ScenarioDb, status?: ScenarioRow['status']): Promise<ScenarioRow[]> {
  let query = db.selectFrom('org_scenarios').select(columns).select(withNames).orderBy('updated_at', 'desc').orderBy('id');
  if (status) query = query.where('status', '=', status);
  return (await query.execute()).map(toRow);
}

/** One scenario; locked for the rest of the transaction when `lock` is set. */
export async function selectScenario(db: ScenarioDb, id: string, lock = false): Promise<ScenarioRow | undefined> {
  // Locked without the names' subselects: FOR UPDATE locks the scenario row only.
  const query = db.selectFrom('org_scenarios').select(columns).where('id', '=', id);
  const raw = lock ? await query.forUpdate().executeTakeFirst() : await query.select(withNames).executeTakeFirst();
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
    /** Submitting: who, and the comparison frozen then. */
    submitted: { by: string | null; comparison: unknown };
    approvedBy: string | null;
    /** Back to draft (withdrawn or sent back): the submission and approval no longer hold. */
    clearSubmission: true;
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
      ...(values.submitted
        ? {
            submitted_by: values.submitted.by,
            submitted_at: new Date(),
            submitted_comparison: JSON.stringify(values.submitted.comparison),
            approved_by: null,
            approved_at: null,
          }
        : {}),
      ...(values.approvedBy !== undefined ? { approved_by: values.approvedBy, approved_at: new Date() } : {}),
      ...(values.clearSubmission
        ? { submitted_by: null, submitted_at: null, submitted_comparison: null, approved_by: null, approved_at: null }
        : {}),
      revision: eb('revision', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toRow(raw);
}

/** The comparison frozen when the scenario was submitted, if it is submitted or approved. */
export async function selectSubmittedComparison(db: ScenarioDb, id: string): Promise<unknown> {
  const row = await db.selectFrom('org_scenarios').select('submitted_comparison').where('id', '=', id).executeTakeFirst();
  const value = row?.submitted_comparison ?? null;
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

export interface CommentRow {
  id: string;
  authorId: string | null;
  authorName: string;
  text: string;
  action: string | null;
  createdAt: Date;
}

/** A scenario's comments, oldest first. */
export async function selectComments(db: ScenarioDb, scenarioId: string): Promise<CommentRow[]> {
  const rows = await db
    .selectFrom('org_scenario_comments')
    .select(['id', 'author_id', 'author_name', 'body', 'action', 'created_at'])
    .where('scenario_id', '=', scenarioId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authorId: r.author_id,
    authorName: r.author_name,
    text: r.body,
    action: r.action,
    createdAt: r.created_at,
  }));
}

export async function insertComment(
  db: ScenarioDb,
  values: { scenarioId: string; authorId: string | null; authorName: string; text: string; action: string | null },
): Promise<CommentRow> {
  const r = await db
    .insertInto('org_scenario_comments')
    .values({
      scenario_id: values.scenarioId,
      author_id: values.authorId,
      author_name: values.authorName,
      body: values.text,
      action: values.action,
    })
    .returning(['id', 'author_id', 'author_name', 'body', 'action', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: r.id, authorId: r.author_id, authorName: r.author_name, text: r.body, action: r.action, createdAt: r.created_at };
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
