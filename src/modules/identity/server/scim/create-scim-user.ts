import type { WriteContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { applyUserState, columnsOf } from './apply-user-state.js';
import { findScimUser, insertScimUser, reviveDeletedUser, scimDeletedReason } from './scim.queries.js';
import { assertUserUnique, selectHolders } from './scim-uniqueness.js';
import type { ScimUserRow, ScimUserState } from './scim-user.js';

/**
 * POST /Users. A userName that SCIM deleted earlier comes back on the same row (its audit trail,
 * person link and what it owns stay together); any other holder of the userName is a 409.
 */
export async function createScimUser(trx: IdentityDb, context: WriteContext, state: ScimUserState): Promise<ScimUserRow> {
  const holders = await selectHolders(trx, state);
  const deleted = holders.find((h) => h.username && h.source !== 'local' && h.disabled_reason === scimDeletedReason);
  if (deleted) {
    assertUserUnique(holders, state, deleted.id);
    await reviveDeletedUser(trx, deleted.id);
    const revived = await findScimUser(trx, deleted.id, { forUpdate: true });
    return applyUserState(trx, context, deleted.id, revived!, state, 'scim_create');
  }
  assertUserUnique(holders, state, null);
  const row = await insertScimUser(trx, columnsOf(state));
  return applyUserState(trx, context, row.id, null, state, 'scim_create', row);
}
