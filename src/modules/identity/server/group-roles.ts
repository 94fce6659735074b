import { sql } from 'kysely';
import { registerRoleSource, type RoleOriginRow } from '../../../kernel/index.js';

/**
 * The provider's groups give roles through the mapping administrators keep: the groups claim of the
 * last sign-in and the groups SCIM provisioning keeps, matched without regard to case.
 */
registerRoleSource(
  'group',
  (userId) => sql<RoleOriginRow>`
    select m.role, 'group' as kind, 'Gruppe: ' || m.group_name as label, null::date as valid_to
    from group_role_mappings m
    where lower(m.group_name) in (
      select lower(g) from users u, unnest(u.groups) as g where u.id = ${userId}::uuid
      union
      select lower(sg.display_name) from scim_group_members sm join scim_groups sg on sg.id = sm.group_id where sm.user_id = ${userId}::uuid
    )`,
);
