import { recordAudit, type WriteContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { assertVersion } from './scim-etag.js';
import { notFound } from './scim-error.js';
import { currentMemberIds, deleteScimGroup as deleteGroupRow, findScimGroup } from './scim.queries.js';

/** DELETE /Groups/:id: the group and its memberships go (roles mapped from it end with the next request). */
export async function deleteScimGroup(
  trx: IdentityDb,
  context: WriteContext,
  input: { id: string; ifMatch: string | undefined },
): Promise<void> {
  const current = await findScimGroup(trx, input.id, { forUpdate: true });
  if (!current) throw notFound('Group', input.id);
  assertVersion(input.ifMatch, current.version);
  const members = await currentMemberIds(trx, current.id);
  await deleteGroupRow(trx, current.id);
  await recordAudit(trx, context, {
    action: 'scim_delete',
    entityType: 'scim_group',
    entityId: current.id,
    before: { displayName: current.display_name, externalId: current.external_id, members },
  });
}
