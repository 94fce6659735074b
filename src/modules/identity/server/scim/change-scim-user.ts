import type { WriteContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { applyUserState } from './apply-user-state.js';
import { assertVersion } from './scim-etag.js';
import { notFound } from './scim-error.js';
import { findScimUser } from './scim.queries.js';
import { assertUserUnique, selectHolders } from './scim-uniqueness.js';
import { userStateOf, type ScimUserRow, type ScimUserState } from './scim-user.js';

/** PUT and PATCH /Users/:id: `change` turns the stored user into the new one (a whole resource, or operations applied). */
export async function changeScimUser(
  trx: IdentityDb,
  context: WriteContext,
  input: { id: string; ifMatch: string | undefined; change: (current: ScimUserState) => ScimUserState },
): Promise<ScimUserRow> {
  const current = await findScimUser(trx, input.id, { forUpdate: true });
  if (!current) throw notFound('User', input.id);
  assertVersion(input.ifMatch, current.version);
  const next = input.change(userStateOf(current));
  assertUserUnique(await selectHolders(trx, next), next, current.id);
  return applyUserState(trx, context, current.id, current, next, 'scim_update');
}
