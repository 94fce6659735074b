import { isAppError, type WriteContext } from '../../../../kernel/index.js';
import { findPersonByKey, linkUser, type OrganisationDb } from '../../../organisation/index.js';
import type { IdentityDb } from '../identity.tables.js';

/**
 * Links a provisioned user to the organisation's person whose key is the employee number (org_people.key
 * is the HR system's number). No such person yet, or the person already linked to another sign-in: the
 * user is left unlinked rather than the provisioning refused; the user administration shows it.
 */
export async function linkPersonByEmployeeNumber(
  trx: IdentityDb,
  context: WriteContext,
  userId: string,
  employeeNumber: string,
): Promise<'linked' | 'no_person' | 'taken'> {
  const organisation = trx as unknown as OrganisationDb;
  const person = await findPersonByKey(organisation, employeeNumber);
  if (!person) return 'no_person';
  try {
    await linkUser(organisation, context, { userId, personId: person.id });
    return 'linked';
  } catch (error) {
    // linkUser refuses before it writes, so the transaction is still usable.
    if (isAppError(error) && error.code === 'conflict') return 'taken';
    throw error;
  }
}
