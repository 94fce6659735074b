import { AppError, isUuid, recordAudit, type WriteContext } from '../../../../kernel/index.js';
import type { GroupMapping } from '../../users.schemas.js';
import { assertAnAdministratorRemains } from './administrators.js';
import { selectGroupMappings, type UsersDb } from './users.queries.js';

/** Removes a mapping: its members lose the role from their next request on, unless that leaves no administrator. */
export async function removeGroupMapping(trx: UsersDb, context: WriteContext, id: string): Promise<GroupMapping> {
  const mapping = (await selectGroupMappings(trx)).find((m) => m.id === id);
  if (!isUuid(id) || !mapping) {
    throw new AppError('not_found', { message: { nb: `Fant ikke koblingen (id ${id}).`, en: `The mapping was not found (id ${id}).` } });
  }
  await trx.deleteFrom('group_role_mappings').where('id', '=', id).execute();
  if (mapping.role === 'administrator') await assertAnAdministratorRemains(trx);
  await recordAudit(trx, context, {
    action: 'delete',
    entityType: 'group_role_mapping',
    entityId: id,
    before: { groupName: mapping.groupName, role: mapping.role },
    after: null,
  });
  return mapping;
}
