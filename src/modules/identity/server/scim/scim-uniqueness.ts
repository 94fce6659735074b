import { ScimError } from './scim-error.js';
import { selectUniqueHolders, type UniqueHolder } from './scim.queries.js';
import type { IdentityDb } from '../identity.tables.js';
import type { ScimUserState } from './scim-user.js';

function taken(attribute: string, value: string): ScimError {
  return new ScimError(409, 'uniqueness', {
    nb: `${attribute} «${value.slice(0, 200)}» er allerede i bruk av en annen bruker.`,
    en: `${attribute} "${value.slice(0, 200)}" is already used by another user.`,
  });
}

export function selectHolders(trx: IdentityDb, state: ScimUserState): Promise<UniqueHolder[]> {
  return selectUniqueHolders(trx, { username: state.userName, external_id: state.externalId, employee_number: state.employeeNumber });
}

/** Refuses a userName (compared without case), externalId or employeeNumber another user holds. */
export function assertUserUnique(holders: UniqueHolder[], state: ScimUserState, exceptId: string | null): void {
  const others = holders.filter((holder) => holder.id !== exceptId);
  if (others.some((h) => h.username)) throw taken('userName', state.userName);
  if (state.externalId && others.some((h) => h.external_id)) throw taken('externalId', state.externalId);
  if (state.employeeNumber && others.some((h) => h.employee_number)) throw taken('employeeNumber', state.employeeNumber);
}
