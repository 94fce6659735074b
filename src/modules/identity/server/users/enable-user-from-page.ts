import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { EnableUserBody } from '../../users.schemas.js';
import { enableUser } from './lifecycle.js';
import type { IdentityDb } from '../identity.tables.js';
import { lockUser } from './lock-user.js';
import type { UsersDb } from './users.queries.js';

/** An administrator lets a disabled user sign in again (the page's version must be current). */
export async function enableUserFromPage(trx: UsersDb, context: WriteContext, userId: string, body: EnableUserBody): Promise<void> {
  const user = await lockUser(trx, userId, body.version);
  if (!user.disabled_at)
    throw new AppError('conflict', { message: { nb: 'Brukeren er allerede aktiv.', en: 'The user is already active.' } });
  await enableUser(trx as unknown as IdentityDb, context, userId);
}
