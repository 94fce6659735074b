import { recordAudit, type WriteContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { assertGroupValid } from './group-members.js';
import { assertVersion } from './scim-etag.js';
import { notFound } from './scim-error.js';
import { currentMemberIds, findScimGroup, setGroupMembers, updateScimGroup } from './scim.queries.js';
import type { ScimGroupRow, ScimGroupState } from './scim-group.js';

/** PUT and PATCH /Groups/:id. Members added and removed are audited by id, not the whole list. */
export async function changeScimGroup(
  trx: IdentityDb,
  context: WriteContext,
  input: { id: string; ifMatch: string | undefined; change: (current: ScimGroupState) => ScimGroupState },
): Promise<ScimGroupRow> {
  const current = await findScimGroup(trx, input.id, { forUpdate: true });
  if (!current) throw notFound('Group', input.id);
  assertVersion(input.ifMatch, current.version);
  const before: ScimGroupState = {
    displayName: current.display_name,
    externalId: current.external_id,
    members: await currentMemberIds(trx, current.id),
  };
  const next = input.change(before);
  await assertGroupValid(trx, next, current.id);
  const renamed = next.displayName !== before.displayName || next.externalId !== before.externalId;
  const { added, removed } = await setGroupMembers(trx, current.id, next.members);
  if (!renamed && added.length === 0 && removed.length === 0) return current;
  await updateScimGroup(trx, current.id, { display_name: next.displayName, external_id: next.externalId });
  await recordAudit(trx, context, {
    action: 'scim_update',
    entityType: 'scim_group',
    entityId: current.id,
    before: renamed ? { displayName: before.displayName, externalId: before.externalId } : undefined,
    after: {
      ...(renamed ? { displayName: next.displayName, externalId: next.externalId } : {}),
      ...(added.length > 0 ? { membersAdded: added } : {}),
      ...(removed.length > 0 ? { membersRemoved: removed } : {}),
    },
  });
  return (await findScimGroup(trx, current.id))!;
}
