import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { DisableUserBody } from '../../users.schemas.js';
import { assertAnAdministratorRemains } from './administrators.js';
import { disableUser } from './lifecycle.js';
import type { IdentityDb } from '../identity.tables.js';
import { lockUser } from './lock-user.js';
import type { UsersDb } from './users.queries.js';

/**
 * An administrator disables a user from the user page: the page's version must be current, nobody
 * disables themselves, and the last active administrator stays. Every session of the user ends.
 */
export async function disableUserFromPage(trx: UsersDb, context: WriteContext, userId: string, body: DisableUserBody): Promise<void> {
  const reason = body.reason.trim();
  if (reason === '') {
    throw new AppError('invalid', {
      message: { nb: 'Skriv hvorfor brukeren deaktiveres.', en: 'Write why the user is disabled.' },
      details: [{ in: 'body', path: 'reason', problem: 'blank' }],
    });
  }
  if (context.actor?.userId === userId) {
    throw new AppError('conflict', {
      message: { nb: 'Du kan ikke deaktivere deg selv.', en: 'You cannot disable yourself.' },
      details: [{ problem: 'self' }],
    });
  }
  const user = await lockUser(trx, userId, body.version);
  if (user.disabled_at)
    throw new AppError('conflict', { message: { nb: 'Brukeren er allerede deaktivert.', en: 'The user is already disabled.' } });
  await disableUser(trx as unknown as IdentityDb, context, userId, reason);
  await assertAnAdministratorRemains(trx);
}
