import { sql, type QueryExecutorProvider } from 'kysely';
import { registerScopeResolver, type Actor } from '../../../kernel/index.js';
import { leaderRoleTypes, todayInNorway, validOn } from './organisation.queries.js';
import { isUuid } from './records.queries.js';

/**
 * "Leader of this unit or above": `can(actor, permission, { kind: 'unit', id }, executor)` passes
 * when the signed-in user is a person (org_user_people) who today holds a leader position in the
 * unit or in any unit above it. The role must still grant the permission; the kernel checks that
 * first. It reads through the caller's executor, the transaction's handle inside one.
 */
export function registerUnitScope(): void {
  registerScopeResolver('unit', (actor, _permission, scope, executor) => leadsUnit(executor, actor, scope.id, todayInNorway()));
}

/**
 * Does the actor hold, on `date`, a leader position in `unitId` or in a unit above it? `db` is
 * any Kysely or transaction handle: inside a transaction, pass the transaction's.
 */
export async function leadsUnit(db: QueryExecutorProvider, actor: Actor, unitId: string, date: string): Promise<boolean> {
  if (!isUuid(unitId) || !isUuid(actor.userId)) return false;
  const leaderTypes = sql.join(leaderRoleTypes.map((r) => sql.lit(r)));
  // `union` (not `union all`) stops the walk should the parent chain ever loop.
  const { rows } = await sql<{ leads: boolean }>`
    with recursive chain (unit_id) as (
      select ${unitId}::uuid
      union
      select uv.parent_id from org_unit_versions uv join chain on chain.unit_id = uv.unit_id
      where ${validOn('uv', date)} and uv.parent_id is not null
    )
    select exists (
      select 1
      from org_user_people up
      join org_assignments a on a.person_id = up.person_id and ${validOn('a', date)}
      join org_position_versions pv on pv.position_id = a.position_id and ${validOn('pv', date)}
      join chain on chain.unit_id = pv.unit_id
      where up.user_id = ${actor.userId} and pv.role_type in (${leaderTypes})
    ) as leads`.execute(db);
  return rows[0]?.leads === true;
}
