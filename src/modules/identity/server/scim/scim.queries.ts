// All SQL of SCIM provisioning: users as SCIM sees them, and scim_groups with their members.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { isUuid, type KernelTables } from '../../../../kernel/index.js';
import type { IdentityDb, IdentityTables } from '../identity.tables.js';
import type { Condition } from './scim-condition.js';
import type { ScimGroupRow } from './scim-group.js';
import type { ScimUserRow } from './scim-user.js';

type Tables = KernelTables & IdentityTables;

/** The disabled_reason of a user SCIM deleted: kept for the audit trail and ownership, hidden from SCIM. */
export const scimDeletedReason = 'scim_deleted';
/** The disabled_reason of a user SCIM set to active=false. */
export const scimInactiveReason = 'scim_inactive';

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.email',
  'users.external_id',
  'users.employee_number',
  'users.disabled_at',
  'users.created_at',
  'users.updated_at',
  'users.version',
] as const;

function conditionSql(condition: Condition, table: 'users' | 'scim_groups'): Expression<SqlBool> {
  switch (condition.kind) {
    case 'none':
      return sql<SqlBool>`false`;
    case 'and':
    case 'or': {
      const left = conditionSql(condition.left, table);
      const right = conditionSql(condition.right, table);
      return condition.kind === 'and' ? sql<SqlBool>`(${left} and ${right})` : sql<SqlBool>`(${left} or ${right})`;
    }
    case 'active':
      return condition.value ? sql<SqlBool>`users.disabled_at is null` : sql<SqlBool>`users.disabled_at is not null`;
    case 'member':
      if (!isUuid(condition.userId)) return sql<SqlBool>`false`;
      return sql<SqlBool>`exists (select 1 from scim_group_members m where m.group_id = scim_groups.id and m.user_id = ${condition.userId})`;
    case 'eq': {
      const column = sql.ref(`${table}.${condition.column}`);
      const { value } = condition;
      if (value === null) return sql<SqlBool>`${column} is null`;
      if (typeof value === 'boolean') return sql<SqlBool>`false`;
      const text = String(value);
      if (condition.column === 'id') return isUuid(text) ? sql<SqlBool>`${column} = ${text}::uuid` : sql<SqlBool>`false`;
      return condition.caseInsensitive ? sql<SqlBool>`lower(${column}) = lower(${text})` : sql<SqlBool>`${column} = ${text}`;
    }
  }
}

/** Users SCIM manages or may adopt: not the local password accounts (the break-glass administrator), not deleted ones. */
function visibleUsers(eb: ExpressionBuilder<Tables, 'users'>) {
  return eb.and([
    eb('users.source', '<>', 'local'),
    eb.or([eb('users.disabled_reason', 'is', null), eb('users.disabled_reason', '<>', scimDeletedReason)]),
  ]);
}

export async function listScimUsers(
  executor: IdentityDb,
  condition: Condition | null,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: ScimUserRow[] }> {
  const base = executor
    .selectFrom('users')
    .where(visibleUsers)
    .$if(condition !== null, (q) => q.where(conditionSql(condition!, 'users')));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    page.limit === 0
      ? Promise.resolve([])
      : base.select(userColumns).orderBy('users.created_at').orderBy('users.id').offset(page.offset).limit(page.limit).execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function findScimUser(
  executor: IdentityDb,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ScimUserRow | undefined> {
  if (!isUuid(id)) return undefined;
  return executor
    .selectFrom('users')
    .select(userColumns)
    .where('users.id', '=', id)
    .where(visibleUsers)
    .$if(options.forUpdate === true, (q) => q.forUpdate())
    .executeTakeFirst();
}

export interface UniqueHolder {
  id: string;
  source: string;
  disabled_reason: string | null;
  username: boolean;
  external_id: boolean;
  employee_number: boolean;
}

/** In one round trip: every user holding this userName (without case), externalId or employeeNumber. */
export async function selectUniqueHolders(
  executor: IdentityDb,
  values: { username: string; external_id: string | null; employee_number: string | null },
): Promise<UniqueHolder[]> {
  const byUsername = sql<boolean>`lower(username) = lower(${values.username})`;
  const byExternalId = values.external_id === null ? sql<boolean>`false` : sql<boolean>`external_id = ${values.external_id}`;
  const byEmployeeNumber =
    values.employee_number === null ? sql<boolean>`false` : sql<boolean>`employee_number = ${values.employee_number}`;
  return executor
    .selectFrom('users')
    .select([
      'id',
      'source',
      'disabled_reason',
      byUsername.as('username'),
      byExternalId.as('external_id'),
      byEmployeeNumber.as('employee_number'),
    ])
    .where(sql<SqlBool>`(${byUsername} or ${byExternalId} or ${byEmployeeNumber})`)
    .execute();
}

export interface UserColumns {
  username: string;
  display_name: string;
  email: string | null;
  external_id: string | null;
  employee_number: string | null;
}

export async function insertScimUser(trx: IdentityDb, values: UserColumns): Promise<ScimUserRow> {
  return trx
    .insertInto('users')
    .values({ ...values, password_hash: null, roles: [], disabled_at: null, source: 'scim' })
    .returning([
      'id',
      'username',
      'display_name',
      'email',
      'external_id',
      'employee_number',
      'disabled_at',
      'created_at',
      'updated_at',
      'version',
    ])
    .executeTakeFirstOrThrow();
}

export async function updateScimUser(trx: IdentityDb, id: string, values: UserColumns): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function markUserDeleted(trx: IdentityDb, id: string): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ disabled_reason: scimDeletedReason, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** A deleted user POSTed again: visible to SCIM once more, still disabled until `active` says otherwise. */
export async function reviveDeletedUser(trx: IdentityDb, id: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ disabled_reason: scimInactiveReason })
    .where('id', '=', id)
    .where('disabled_reason', '=', scimDeletedReason)
    .execute();
}

export async function removeUserFromGroups(trx: IdentityDb, userId: string): Promise<number> {
  const result = await trx.deleteFrom('scim_group_members').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

const groupColumns = ['id', 'display_name', 'external_id', 'created_at', 'updated_at', 'version'] as const;

export async function listScimGroups(
  executor: IdentityDb,
  condition: Condition | null,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: ScimGroupRow[] }> {
  const base = executor.selectFrom('scim_groups').$if(condition !== null, (q) => q.where(conditionSql(condition!, 'scim_groups')));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    page.limit === 0
      ? Promise.resolve([])
      : base.select(groupColumns).orderBy('created_at').orderBy('id').offset(page.offset).limit(page.limit).execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function findScimGroup(
  executor: IdentityDb,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ScimGroupRow | undefined> {
  if (!isUuid(id)) return undefined;
  return executor
    .selectFrom('scim_groups')
    .select(groupColumns)
    .where('id', '=', id)
    .$if(options.forUpdate === true, (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function findGroupHolding(
  executor: IdentityDb,
  column: 'display_name' | 'external_id',
  value: string,
  exceptId: string | null,
): Promise<{ id: string } | undefined> {
  return executor
    .selectFrom('scim_groups')
    .select('id')
    .where(column === 'display_name' ? sql<SqlBool>`lower(display_name) = lower(${value})` : sql<SqlBool>`external_id = ${value}`)
    .$if(exceptId !== null, (q) => q.where('id', '<>', exceptId!))
    .executeTakeFirst();
}

/** Each group's members (visible users), by group id, in name order. */
export async function selectGroupMembers(
  executor: IdentityDb,
  groupIds: string[],
): Promise<Map<string, { id: string; display_name: string }[]>> {
  const byGroup = new Map<string, { id: string; display_name: string }[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return byGroup;
  const rows = await executor
    .selectFrom('scim_group_members as m')
    .innerJoin('users', 'users.id', 'm.user_id')
    .select(['m.group_id', 'users.id', 'users.display_name'])
    .where('m.group_id', 'in', groupIds)
    .where(visibleUsers)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  for (const row of rows) byGroup.get(row.group_id)?.push({ id: row.id, display_name: row.display_name });
  return byGroup;
}

/** Of these ids, the ones that are users SCIM sees. */
export async function selectVisibleUserIds(executor: IdentityDb, ids: string[]): Promise<Set<string>> {
  const candidates = ids.filter(isUuid);
  if (candidates.length === 0) return new Set();
  const rows = await executor.selectFrom('users').select('id').where('id', 'in', candidates).where(visibleUsers).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertScimGroup(
  trx: IdentityDb,
  values: { display_name: string; external_id: string | null },
): Promise<ScimGroupRow> {
  return trx.insertInto('scim_groups').values(values).returning(groupColumns).executeTakeFirstOrThrow();
}

export async function updateScimGroup(
  trx: IdentityDb,
  id: string,
  values: { display_name: string; external_id: string | null },
): Promise<void> {
  await trx
    .updateTable('scim_groups')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Makes the members exactly `userIds`; returns who was added and who removed. */
export async function setGroupMembers(
  trx: IdentityDb,
  groupId: string,
  userIds: string[],
): Promise<{ added: string[]; removed: string[] }> {
  const current = new Set(
    (await trx.selectFrom('scim_group_members').select('user_id').where('group_id', '=', groupId).execute()).map((r) => r.user_id),
  );
  const wanted = new Set(userIds);
  const added = [...wanted].filter((id) => !current.has(id));
  const removed = [...current].filter((id) => !wanted.has(id));
  if (removed.length > 0)
    await trx.deleteFrom('scim_group_members').where('group_id', '=', groupId).where('user_id', 'in', removed).execute();
  if (added.length > 0)
    await trx
      .insertInto('scim_group_members')
      .values(added.map((user_id) => ({ group_id: groupId, user_id })))
      .execute();
  return { added, removed };
}

export async function currentMemberIds(executor: IdentityDb, groupId: string): Promise<string[]> {
  const rows = await executor
    .selectFrom('scim_group_members as m')
    .innerJoin('users', 'users.id', 'm.user_id')
    .select('users.id')
    .where('m.group_id', '=', groupId)
    .where(visibleUsers)
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function deleteScimGroup(trx: IdentityDb, id: string): Promise<void> {
  await trx.deleteFrom('scim_groups').where('id', '=', id).execute();
}
