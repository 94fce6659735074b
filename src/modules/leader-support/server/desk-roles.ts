import { sql } from 'kysely';
import { registerRoleSource, type RoleOriginRow } from '../../../kernel/index.js';

/**
 * The first line's desk follows the organisation: whoever holds a position, on `date`, in the unit of
 * an active first-line group («1.linje til ledere») is a first-line agent from the day the assignment
 * starts to the day it ends. Second-line specialists are named per group by hand (their units hold
 * many who are not on the desk).
 */
registerRoleSource(
  'desk',
  (userId, date) => sql<RoleOriginRow>`
    select 'first_line_agent' as role, 'desk' as kind, g.name || ': ' || pv.title as label, least(a.valid_to, pv.valid_to) as valid_to
    from org_user_people up
    join org_assignments a on a.person_id = up.person_id
      and a.valid_from <= ${date}::date and (a.valid_to is null or a.valid_to > ${date}::date)
    join org_position_versions pv on pv.position_id = a.position_id
      and pv.valid_from <= ${date}::date and (pv.valid_to is null or pv.valid_to > ${date}::date)
    join ls_groups g on g.unit_id = pv.unit_id and g.line = 1 and g.active
    where up.user_id = ${userId}::uuid`,
);
