import { sql } from 'kysely';
import { registerRoleSource, type RoleOriginRow } from '../../../kernel/index.js';
import { leaderRoleTypes, validOn } from './organisation.queries.js';

/** The positions whose holders approve reorganisation scenarios (organisation:approve). */
export const reorganisationApproverRoleTypes = ['chief_executive', 'director'] as const;

/**
 * Roles that follow positions, dated: on `date`, a person holding a leader position has the
 * leader's role (its unit scope is checked per unit by unit-scope.ts), and anyone holding another
 * position is an employee. Both start the day the assignment does and end the day it ends. The
 * chief executive and the directors also approve reorganisation scenarios (HR advisers get that
 * role by a manual grant).
 */
export function registerPositionRoles(): void {
  const leaderTypes = sql.join(leaderRoleTypes.map((r) => sql.lit(r)));
  const approverTypes = sql.join(reorganisationApproverRoleTypes.map((r) => sql.lit(r)));
  registerRoleSource(
    'position',
    (userId, date) => sql<RoleOriginRow>`
      select case when pv.role_type in (${leaderTypes}) then 'leader' else 'employee' end as role,
             'position' as kind,
             case when pv.role_type in (${leaderTypes}) then 'Leder: ' else 'Stilling: ' end || pv.title || ', ' || uv.name as label,
             least(a.valid_to, pv.valid_to) as valid_to
      from org_user_people up
      join org_assignments a on a.person_id = up.person_id and ${validOn('a', date)}
      join org_position_versions pv on pv.position_id = a.position_id and ${validOn('pv', date)}
      join org_unit_versions uv on uv.unit_id = pv.unit_id and ${validOn('uv', date)}
      where up.user_id = ${userId}::uuid
      union all
      select 'reorganisation_approver', 'position', 'Godkjenner omorganiseringer: ' || pv.title || ', ' || uv.name,
             least(a.valid_to, pv.valid_to)
      from org_user_people up
      join org_assignments a on a.person_id = up.person_id and ${validOn('a', date)}
      join org_position_versions pv on pv.position_id = a.position_id and ${validOn('pv', date)}
        and pv.role_type in (${approverTypes})
      join org_unit_versions uv on uv.unit_id = pv.unit_id and ${validOn('uv', date)}
      where up.user_id = ${userId}::uuid`,
  );
}
