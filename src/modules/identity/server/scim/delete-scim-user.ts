import { recordAudit, type WriteContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { disableUser } from '../users/lifecycle.js';
import { assertVersion } from './scim-etag.js';
import { notFound } from './scim-error.js';
import { findScimUser, markUserDeleted, removeUserFromGroups, scimDeletedReason } from './scim.queries.js';

/**
 * DELETE /Users/:id. The row stays (the audit log, what the user owns and their leader's
 * reassignment list name it): the user is disabled, every session ends, group memberships go, and
 * SCIM answers 404 for it from now on. The same userName POSTed again revives this row.
 */
export async function deleteScimUser(
  trx: IdentityDb,
  context: WriteContext,
  input: { id: string; ifMatch: string | undefined },
): Promise<void> {
  const current = await findScimUser(trx, input.id, { forUpdate: true });
  if (!current) throw notFound('User', input.id);
  assertVersion(input.ifMatch, current.version);
  if (current.disabled_at === null) await disableUser(trx, context, current.id, scimDeletedReason);
  await markUserDeleted(trx, current.id);
  const groupsLeft = await removeUserFromGroups(trx, current.id);
  await recordAudit(trx, context, {
    action: 'scim_delete',
    entityType: 'user',
    entityId: current.id,
    before: { userName: current.username, active: current.disabled_at === null },
    after: { userName: current.username, deleted: true, groupsLeft },
  });
}
