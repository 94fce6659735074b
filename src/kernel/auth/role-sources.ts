import { sql, type RawBuilder } from 'kysely';
import { isUuid, todayInNorway } from '../values/values.js';
import { isRole, permissionsOf, roles as allRoles, type Actor, type Role, type ScopeExecutor } from './permissions.js';

/**
 * Where a role comes from. A user's roles are not stored as one list: they are worked out for a day
 * from the account's own roles, manual grants, the provider's groups and what the organisation says
 * (positions, the leader-support desk, the portfolio board), so a leader has the leader's rights from
 * the day the assignment starts to the day it ends, and the user page can say why each right is there.
 */
export type RoleOriginKind = 'account' | 'manual' | 'group' | 'position' | 'desk' | 'board';

export interface RoleOrigin {
  role: Role;
  kind: RoleOriginKind;
  /** Why, in bokmål: «Leder for Aronsløkka skole (rektor)», «Gruppe: KP-Ledere», «Manuell: vikar for …». */
  label: string;
  /** The first day without this origin ('YYYY-MM-DD'), when known; null: no end. */
  validTo?: string | null;
}

/**
 * A module's contribution: a select of the roles of the user `userId` (an SQL expression: a value, or
 * a column when a list is filtered by role) on `date`, with the columns `role`, `kind`, `label` and
 * `valid_to` (date, exclusive, or null). Given as SQL, not a function, so that every source runs in
 * one statement. A source must not use the alias `role_user` (the kernel's, for lists).
 */
export type RoleSource = (userId: RawBuilder<unknown>, date: string) => RawBuilder<RoleOriginRow>;

export interface RoleOriginRow {
  role: string;
  kind: RoleOriginKind;
  label: string;
  valid_to: string | null;
}

const roleSources = new Map<string, RoleSource>();

/**
 * Modules register at import time (their index.ts); the kernel only asks. Every table a source reads
 * needs the `role_inputs_changed()` statement trigger in the module's migrations, or a change to it
 * would not be seen while roles are kept (see keptRoles).
 */
export function registerRoleSource(name: string, source: RoleSource): void {
  roleSources.set(name, source);
}

const kindOrder: RoleOriginKind[] = ['account', 'manual', 'group', 'position', 'desk', 'board'];

/** Every origin of every role of `userId` on `date`, as one select (the own roles, then each source). */
function originsOf(userId: RawBuilder<unknown>, date: string): RawBuilder<RoleOriginRow> {
  const own = sql<RoleOriginRow>`
    select r as role, 'account' as kind, 'Kontoens egen rolle' as label, null::date as valid_to
    from users u, unnest(u.roles) as r where u.id = ${userId}::uuid
    union all
    select g.role, 'manual', 'Manuell: ' || g.reason, g.valid_to
    from role_grants g
    where g.user_id = ${userId}::uuid and g.revoked_at is null and (g.valid_to is null or g.valid_to > ${date}::date)`;
  const parts = [own, ...[...roleSources.values()].map((source) => source(userId, date))];
  return sql<RoleOriginRow>`${sql.join(
    parts.map((part) => sql`(${part})`),
    sql` union all `,
  )}`;
}

/**
 * A condition for lists: the user whose id is in `userColumn` (like 'u.id') has `role` on `date`,
 * whatever its origin. The same sources as a single user's roles, so a list filters as the page shows.
 */
export function hasRoleOn(userColumn: string, role: Role, date: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from users as role_user cross join lateral (${originsOf(sql.ref('role_user.id'), date)}) as r
    where role_user.id = ${sql.ref(userColumn)} and r.role = ${role})`;
}

/** The roles of each of `userIds` on `date`, in one query (a page of a user list). */
export async function rolesOfUsers(executor: ScopeExecutor, userIds: readonly string[], date: string): Promise<Map<string, Role[]>> {
  const ids = userIds.filter(isUuid);
  const held = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  if (ids.length > 0) {
    const { rows } = await sql<{ user_id: string; role: string }>`
      select role_user.id as user_id, r.role
      from users as role_user cross join lateral (${originsOf(sql.ref('role_user.id'), date)}) as r
      where role_user.id in (${sql.join(ids)})`.execute(executor);
    for (const row of rows) held.get(row.user_id)?.add(row.role);
  }
  return new Map([...held].map(([id, roles]) => [id, allRoles.filter((role) => roles.has(role))]));
}

/** Every role `userId` has on `date` ('YYYY-MM-DD', Oslo), each with where it comes from. One query. */
export async function resolveRoleOrigins(executor: ScopeExecutor, userId: string, date: string = todayInNorway()): Promise<RoleOrigin[]> {
  if (!isUuid(userId)) return [];
  const { rows } = await originsOf(sql`${userId}`, date).execute(executor);
  const origins: RoleOrigin[] = [];
  for (const row of rows)
    if (isRole(row.role)) origins.push({ role: row.role, kind: row.kind, label: row.label, validTo: row.valid_to ?? null });
  // Stable: the order within a kind is the source's own.
  return origins
    .map((o, i) => ({ o, i }))
    .sort((a, b) => kindOrder.indexOf(a.o.kind) - kindOrder.indexOf(b.o.kind) || a.i - b.i)
    .map(({ o }) => o);
}

/** The distinct roles of a list of origins, in the order roles are declared. */
export function rolesOf(origins: readonly RoleOrigin[]): Role[] {
  const held = new Set(origins.map((o) => o.role));
  return allRoles.filter((role) => held.has(role));
}

/**
 * Roles kept per database, user and day while the role_inputs counter (moved by a trigger on every
 * table roles are read from, kernel migration 0003) stands still. The counter is read with the
 * session in the same query, so a request costs no extra query when nothing changed. The roles are
 * worked out after the counter was read, never before: what is kept under a value is never older
 * than that value, so a change is seen by the next request in every process.
 */
const kept = new WeakMap<object, Map<string, { version: string; roles: Role[] }>>();
const keptPerDatabase = 20_000;

export async function keptRoles(executor: ScopeExecutor, userId: string, date: string, version: string): Promise<Role[]> {
  let byUser = kept.get(executor);
  if (!byUser) kept.set(executor, (byUser = new Map()));
  const key = `${userId}|${date}`;
  const hit = byUser.get(key);
  if (hit && hit.version === version) return hit.roles;
  const roles = rolesOf(await resolveRoleOrigins(executor, userId, date));
  byUser.delete(key);
  // The oldest entry goes first (a Map keeps insertion order; a hit is not moved: simple beats exact LRU).
  if (byUser.size >= keptPerDatabase) byUser.delete(byUser.keys().next().value!);
  byUser.set(key, { version, roles });
  return roles;
}

/** The signed-in user as every module sees it, with the roles that hold on `date`. */
export async function actorForUser(
  executor: ScopeExecutor,
  user: { id: string; username: string; display_name: string },
  date: string = todayInNorway(),
): Promise<Actor> {
  const roles = rolesOf(await resolveRoleOrigins(executor, user.id, date));
  return { userId: user.id, username: user.username, displayName: user.display_name, roles, permissions: new Set(permissionsOf(roles)) };
}
