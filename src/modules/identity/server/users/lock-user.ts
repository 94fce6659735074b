import { AppError, isUuid } from '../../../../kernel/index.js';
import { userNotFound, type UsersDb } from './users.queries.js';

/**
 * Locks the user's row for the rest of the transaction, so two administrators' changes to one user
 * run one after the other; with `version`, refuses a change made from a page that is out of date.
 */
export async function lockUser(
  trx: UsersDb,
  userId: string,
  version?: number,
): Promise<{ id: string; version: number; disabled_at: Date | null }> {
  const user = isUuid(userId)
    ? await trx.selectFrom('users').select(['id', 'version', 'disabled_at']).where('id', '=', userId).forUpdate().executeTakeFirst()
    : undefined;
  if (!user) throw userNotFound(userId);
  if (version !== undefined && user.version !== version) {
    throw new AppError('stale', { details: { currentVersion: user.version } });
  }
  return user;
}
