import type { Kysely } from 'kysely';
import {
  AppError,
  hasRoleOn,
  isUuid,
  resolveRoleOrigins,
  rolesOfUsers,
  sortByNorwegian,
  todayInNorway,
  type KernelTables,
} from '../../../../kernel/index.js';
import { selectMyOrganisation, type OrganisationDb, type OrganisationTables } from '../../../organisation/index.js';
import type { Grant, GroupMapping, UserDetail, UserList, UserSearchQuery, UserStatus } from '../../users.schemas.js';
import type { IdentityTables } from '../identity.tables.js';

/** The tables user administration reads: the kernel's users, identity's groups, the organisation's people. */
export type UsersDb = Kysely<KernelTables & IdentityTables & OrganisationTables>;

export function userNotFound(id: string): AppError {
  return new AppError('not_found', { message: { nb: `Fant ikke brukeren (id ${id}).`, en: `The user was not found (id ${id}).` } });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const statusOf = (disabledAt: Date | null): UserStatus => (disabledAt ? 'disabled' : 'active');

/**
 * One page of users matching the search, in Norwegian order by name. The order is made here, not in
 * SQL: PGlite has no Norwegian collation, and the list of ids and names is small even at 7 000 users.
 */
export async function searchUsers(db: UsersDb, query: UserSearchQuery, date = todayInNorway()): Promise<UserList> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;
  let base = db.selectFrom('users as u');
  const q = query.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('u.username', 'ilike', like),
        eb('u.display_name', 'ilike', like),
        eb('u.email', 'ilike', like),
        eb('u.employee_number', 'ilike', like),
      ]),
    );
  }
  if (query.status === 'active') base = base.where('u.disabled_at', 'is', null);
  if (query.status === 'disabled') base = base.where('u.disabled_at', 'is not', null);
  if (query.source) base = base.where('u.source', '=', query.source);
  // Whatever the origin (positions, the desk and the board too): the list filters as the user page shows.
  if (query.role) base = base.where(hasRoleOn('u.id', query.role, date));
  const all = sortByNorwegian(
    await base.select(['u.id', 'u.display_name', 'u.username']).execute(),
    (u) => `${u.display_name}\u0000${u.username}`,
  );
  const ids = all.slice((page - 1) * pageSize, page * pageSize).map((u) => u.id);
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'username', 'display_name', 'email', 'employee_number', 'source', 'disabled_at', 'last_sign_in_at'])
          .where('id', 'in', ids)
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const roles = await rolesOfUsers(db, ids, date);
  const users = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    users.push({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      email: row.email,
      employeeNumber: row.employee_number,
      source: row.source,
      status: statusOf(row.disabled_at),
      roles: roles.get(row.id) ?? [],
      lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    });
  }
  return { users, total: all.length, page, pageSize };
}

/** The user page: who, where in the organisation today, every role with its origin, grants and sign-ins. */
export async function selectUserDetail(db: UsersDb, id: string, date = todayInNorway()): Promise<UserDetail> {
  const user = isUuid(id) ? await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!user) throw userNotFound(id);
  const organisation = await selectMyOrganisation(db as unknown as OrganisationDb, user.id, date);
  const origins = await resolveRoleOrigins(db, user.id, date);
  const signIns = await db
    .selectFrom('sign_in_events')
    .select(['occurred_at', 'method', 'outcome', 'reason', 'ip'])
    .where('user_id', '=', user.id)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    email: user.email,
    employeeNumber: user.employee_number,
    source: user.source,
    status: statusOf(user.disabled_at),
    disabledAt: user.disabled_at?.toISOString() ?? null,
    disabledReason: user.disabled_reason,
    lastSignInAt: user.last_sign_in_at?.toISOString() ?? null,
    version: user.version,
    groups: user.groups,
    date,
    person: organisation.person,
    positions: organisation.positions.map((p) => ({
      positionId: p.positionId,
      title: p.title,
      leads: p.leads,
      unitId: p.unit.id,
      unitName: p.unit.name,
    })),
    roles: origins.map((o) => ({ role: o.role, kind: o.kind, label: o.label, validTo: o.validTo ?? null })),
    grants: await selectGrants(db, user.id, date),
    signIns: signIns.map((s) => ({
      occurredAt: s.occurred_at.toISOString(),
      method: s.method,
      outcome: s.outcome,
      reason: s.reason,
      ip: s.ip,
    })),
  };
}

/** Manual grants, active first, then the ended ones (revoked or past their end), newest first. */
export async function selectGrants(db: UsersDb, userId: string, date = todayInNorway()): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .leftJoin('users as by', 'by.id', 'g.granted_by')
    .leftJoin('users as rb', 'rb.id', 'g.revoked_by')
    .select([
      'g.id',
      'g.role',
      'g.reason',
      'g.valid_to',
      'g.granted_at',
      'g.revoked_at',
      'by.display_name as granted_by_name',
      'rb.display_name as revoked_by_name',
    ])
    .where('g.user_id', '=', userId)
    .orderBy('g.granted_at', 'desc')
    .execute();
  const grants = rows.map((r) => ({
    id: r.id,
    role: r.role,
    reason: r.reason,
    validTo: r.valid_to,
    grantedAt: r.granted_at.toISOString(),
    grantedBy: r.granted_by_name,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    revokedBy: r.revoked_by_name,
    active: r.revoked_at === null && (r.valid_to === null || r.valid_to > date),
  }));
  return [...grants.filter((g) => g.active), ...grants.filter((g) => !g.active)];
}

export async function selectGroupMappings(db: UsersDb): Promise<GroupMapping[]> {
  const rows = await db
    .selectFrom('group_role_mappings as m')
    .leftJoin('users as u', 'u.id', 'm.created_by')
    .select(['m.id', 'm.group_name', 'm.role', 'm.created_at', 'u.display_name'])
    .execute();
  return sortByNorwegian(rows, (r) => `${r.group_name}\u0000${r.role}`).map((r) => ({
    id: r.id,
    groupName: r.group_name,
    role: r.role,
    createdAt: r.created_at.toISOString(),
    createdBy: r.display_name,
  }));
}
