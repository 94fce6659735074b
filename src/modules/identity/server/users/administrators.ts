import { sql } from 'kysely';
import { AppError, resolveRoleOrigins, todayInNorway } from '../../../../kernel/index.js';
import type { UsersDb } from './users.queries.js';

/**
 * Refuses a change that would leave no active administrator: called inside the change's transaction,
 * after the write, so the check sees the result and the throw undoes it. Administrators come from
 * the account, a manual grant or a group (never from a position), so those are the candidates; each
 * is confirmed by the kernel's own role resolution.
 */
export async function assertAnAdministratorRemains(trx: UsersDb, date = todayInNorway()): Promise<void> {
  const { rows } = await sql<{ id: string }>`
    select u.id from users u
    where u.disabled_at is null and (
      'administrator' = any(u.roles)
      or exists (select 1 from role_grants g where g.user_id = u.id and g.role = 'administrator' and g.revoked_at is null
                 and (g.valid_to is null or g.valid_to > ${date}))
      or exists (select 1 from group_role_mappings m where m.role = 'administrator' and lower(m.group_name) in (
                   select lower(x) from unnest(u.groups) as x
                   union
                   select lower(sg.display_name) from scim_group_members sm join scim_groups sg on sg.id = sm.group_id where sm.user_id = u.id)))
    limit 20`.execute(trx);
  for (const { id } of rows) {
    if ((await resolveRoleOrigins(trx, id, date)).some((o) => o.role === 'administrator')) return;
  }
  throw new AppError('conflict', {
    message: {
      nb: 'Endringen ville fjerne den siste aktive administratoren. Gi en annen bruker administratorrollen først.',
      en: 'The change would remove the last active administrator. Give another user the administrator role first.',
    },
    details: [{ problem: 'last_administrator' }],
  });
}
