import { AppError, recordAudit, type WriteContext } from '../../../../kernel/index.js';
import type { GroupMapping, GroupMappingBody } from '../../users.schemas.js';
import { selectGroupMappings, type UsersDb } from './users.queries.js';

/** Maps a provider group to a role: its members get the role from their next request on. */
export async function addGroupMapping(trx: UsersDb, context: WriteContext, body: GroupMappingBody): Promise<GroupMapping> {
  const groupName = body.groupName.trim();
  if (groupName === '') {
    throw new AppError('invalid', {
      message: {
        nb: 'Skriv gruppens navn slik identitetsleverandøren sender det.',
        en: 'Write the group’s name as the identity provider sends it.',
      },
      details: [{ in: 'body', path: 'groupName', problem: 'blank' }],
    });
  }
  const existing = await trx
    .selectFrom('group_role_mappings')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['group_name']), '=', groupName.toLowerCase()))
    .where('role', '=', body.role)
    .executeTakeFirst();
  if (existing) {
    throw new AppError('conflict', {
      message: { nb: `Gruppen «${groupName}» gir allerede denne rollen.`, en: `The group «${groupName}» already gives this role.` },
      details: [{ in: 'body', path: 'groupName', problem: 'duplicate' }],
    });
  }
  const row = await trx
    .insertInto('group_role_mappings')
    .values({ group_name: groupName, role: body.role, created_by: context.actor?.userId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, context, {
    action: 'create',
    entityType: 'group_role_mapping',
    entityId: row.id,
    before: null,
    after: { groupName, role: body.role },
  });
  return (await selectGroupMappings(trx)).find((m) => m.id === row.id)!;
}
