import { AppError, recordAudit, type WriteContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';

export { recordSignInEvent, type SignInEvent } from '../../../../kernel/index.js';

function userNotFound(userId: string): AppError {
  return new AppError('not_found', { message: { nb: `Fant ikke brukeren (id ${userId}).`, en: `The user was not found (id ${userId}).` } });
}

/**
 * Deactivates a user: sign-in is refused from now on and every session ends at once (the sessions
 * are deleted, so the next request of an open browser is signed out). What the user owns stays and
 * shows on their leader's reassignment list. Already disabled: nothing changes, nothing is audited.
 */
export async function disableUser(
  trx: IdentityDb,
  context: WriteContext,
  userId: string,
  reason: string,
): Promise<{ changed: boolean; sessionsEnded: number }> {
  const user = await trx
    .selectFrom('users')
    .select(['id', 'username', 'disabled_at', 'disabled_reason', 'version'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user) throw userNotFound(userId);
  if (user.disabled_at) return { changed: false, sessionsEnded: 0 };
  await trx
    .updateTable('users')
    .set((eb) => ({ disabled_at: new Date(), disabled_reason: reason, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
  const ended = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  const sessionsEnded = Number(ended.numDeletedRows);
  await recordAudit(trx, context, {
    action: 'disable',
    entityType: 'user',
    entityId: userId,
    before: { username: user.username, disabled: false },
    after: { username: user.username, disabled: true, reason, sessionsEnded },
  });
  return { changed: true, sessionsEnded };
}

/** Lets a disabled user sign in again. Already active: nothing changes. */
export async function enableUser(trx: IdentityDb, context: WriteContext, userId: string): Promise<{ changed: boolean }> {
  const user = await trx
    .selectFrom('users')
    .select(['id', 'username', 'disabled_at', 'disabled_reason'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user) throw userNotFound(userId);
  if (!user.disabled_at) return { changed: false };
  await trx
    .updateTable('users')
    .set((eb) => ({ disabled_at: null, disabled_reason: null, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
  await recordAudit(trx, context, {
    action: 'enable',
    entityType: 'user',
    entityId: userId,
    before: { username: user.username, disabled: true, reason: user.disabled_reason },
    after: { username: user.username, disabled: false },
  });
  return { changed: true };
}
