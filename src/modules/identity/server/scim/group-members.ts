import { invalidValue, ScimError } from './scim-error.js';
import { findGroupHolding, selectVisibleUserIds } from './scim.queries.js';
import type { IdentityDb } from '../identity.tables.js';
import type { ScimGroupState } from './scim-group.js';

/** Refuses members that are no user SCIM knows, and a displayName or externalId another group holds. */
export async function assertGroupValid(trx: IdentityDb, state: ScimGroupState, exceptId: string | null): Promise<void> {
  if (await findGroupHolding(trx, 'display_name', state.displayName, exceptId)) {
    throw new ScimError(409, 'uniqueness', {
      nb: `En gruppe med navnet «${state.displayName.slice(0, 200)}» finnes allerede.`,
      en: `A group named "${state.displayName.slice(0, 200)}" already exists.`,
    });
  }
  if (state.externalId && (await findGroupHolding(trx, 'external_id', state.externalId, exceptId))) {
    throw new ScimError(409, 'uniqueness', {
      nb: `externalId «${state.externalId.slice(0, 200)}» er allerede i bruk av en annen gruppe.`,
      en: `externalId "${state.externalId.slice(0, 200)}" is already used by another group.`,
    });
  }
  const known = await selectVisibleUserIds(trx, state.members);
  const missing = state.members.filter((id) => !known.has(id));
  if (missing.length > 0) {
    const shown = missing
      .slice(0, 5)
      .map((id) => id.slice(0, 64))
      .join(', ');
    throw invalidValue(`Ukjente medlemmer (ingen bruker med id): ${shown}.`, `Unknown members (no user with the id): ${shown}.`);
  }
}
