import type { QueryExecutorProvider } from 'kysely';

/**
 * Roles and what they may do. Deny by default: a permission not listed for any of the user's
 * roles is refused. Every HTTP route names the permission it needs (see http/guard.ts).
 */
export const roles = [
  'administrator',
  'organisation_editor',
  'leader',
  'employee',
  'first_line_agent',
  'second_line_agent',
  'analyst',
  'portfolio_board_member',
  'reorganisation_approver',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'audit:read',
  'users:read',
  'users:write',
  'organisation:read',
  'organisation:write',
  'organisation:configure',
  'organisation:approve',
  'places:read',
  'places:write',
  'leader_support:submit',
  'leader_support:handle',
  'leader_support:configure',
  'leader_support:report',
  'portfolio:read',
  'portfolio:propose',
  'portfolio:decide',
  'steering:read',
  'steering:write',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['organisation:read', 'places:read', 'portfolio:read', 'portfolio:propose', 'steering:read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  administrator: permissions,
  organisation_editor: [...everyone, 'organisation:write', 'places:write'],
  leader: [...everyone, 'leader_support:submit'],
  employee: everyone,
  first_line_agent: [...everyone, 'leader_support:submit', 'leader_support:handle', 'leader_support:report', 'users:read'],
  second_line_agent: [...everyone, 'leader_support:handle', 'leader_support:report'],
  analyst: [...everyone, 'steering:write', 'leader_support:report'],
  portfolio_board_member: [...everyone, 'portfolio:decide'],
  // Approves and applies reorganisation scenarios that others drafted (organisation/server/scenario-approval.ts).
  reorganisation_approver: [...everyone, 'organisation:approve'],
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function permissionsOf(userRoles: readonly string[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of userRoles) if (isRole(role)) for (const p of rolePermissions[role]) granted.add(p);
  return permissions.filter((p) => granted.has(p));
}

/** The signed-in user as every module sees it. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
}

/**
 * A check that needs more than a role: "leader of this unit or above". The organisation module
 * registers the resolver, since only it knows positions and units; the kernel only asks.
 */
export interface Scope {
  kind: string;
  id: string;
}

/**
 * What a scope check queries through: the caller's transaction handle inside a transaction, the
 * database outside one. Never the module's default database from inside a transaction: that
 * query waits for ever on PGlite's one connection (and the pool refuses it, see db/transaction-guard.ts).
 */
export type ScopeExecutor = QueryExecutorProvider;

export type ScopeResolver = (actor: Actor, permission: Permission, scope: Scope, executor: ScopeExecutor) => Promise<boolean>;

const scopeResolvers = new Map<string, ScopeResolver>();

export function registerScopeResolver(kind: string, resolver: ScopeResolver): void {
  scopeResolvers.set(kind, resolver);
}

/**
 * May `actor` use `permission` (on `scope`)? The role must grant the permission; with a scope, the
 * resolver for that kind must also agree, querying through `executor`. An unknown scope kind is denied.
 */
export async function can(actor: Actor | null, permission: Permission): Promise<boolean>;
export async function can(actor: Actor | null, permission: Permission, scope: Scope, executor: ScopeExecutor): Promise<boolean>;
export async function can(actor: Actor | null, permission: Permission, scope?: Scope, executor?: ScopeExecutor): Promise<boolean> {
  if (!actor || !actor.permissions.has(permission)) return false;
  if (!scope) return true;
  if (actor.roles.includes('administrator')) return true;
  const resolver = scopeResolvers.get(scope.kind);
  return resolver && executor ? resolver(actor, permission, scope, executor) : false;
}
