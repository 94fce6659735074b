import { recordAudit, type WriteContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { assertGroupValid } from './group-members.js';
import { insertScimGroup, setGroupMembers } from './scim.queries.js';
import type { ScimGroupRow, ScimGroupState } from './scim-group.js';

/** POST /Groups: the group and its members; the group's name maps to roles through group_role_mappings. */
export async function createScimGroup(trx: IdentityDb, context: WriteContext, state: ScimGroupState): Promise<ScimGroupRow> {
  await assertGroupValid(trx, state, null);
  const row = await insertScimGroup(trx, { display_name: state.displayName, external_id: state.externalId });
  await setGroupMembers(trx, row.id, state.members);
  await recordAudit(trx, context, {
    action: 'scim_create',
    entityType: 'scim_group',
    entityId: row.id,
    after: { displayName: state.displayName, externalId: state.externalId, members: state.members },
  });
  return row;
}
