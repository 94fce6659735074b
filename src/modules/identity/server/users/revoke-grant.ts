import { AppError, isUuid, recordAudit, todayInNorway, type WriteContext } from '../../../../kernel/index.js';
import type { Grant } from '../../users.schemas.js';
import { assertAnAdministratorRemains } from './administrators.js';
import { lockUser } from './lock-user.js';
import { selectGrants, type UsersDb } from './users.queries.js';

/** Ends a manual grant today. Refused when it would leave no active administrator. */
export async function revokeGrant(trx: UsersDb, context: WriteContext, userId: string, grantId: string): Promise<Grant> {
  await lockUser(trx, userId);
  const grant = isUuid(grantId)
    ? await trx.selectFrom('role_grants').selectAll().where('id', '=', grantId).where('user_id', '=', userId).executeTakeFirst()
    : undefined;
  if (!grant) {
    throw new AppError('not_found', {
      message: { nb: `Fant ikke tildelingen (id ${grantId}).`, en: `The grant was not found (id ${grantId}).` },
    });
  }
  if (grant.revoked_at) {
    throw new AppError('conflict', {
      message: { nb: 'Tildelingen er allerede trukket tilbake.', en: 'The grant has already been revoked.' },
    });
  }
  await trx
    .updateTable('role_grants')
    .set({ revoked_at: new Date(), revoked_by: context.actor?.userId ?? null })
    .where('id', '=', grant.id)
    .execute();
  await trx
    .updateTable('users')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', userId)
    .execute();
  if (grant.role === 'administrator') await assertAnAdministratorRemains(trx);
  await recordAudit(trx, context, {
    action: 'revoke_role',
    entityType: 'user',
    entityId: userId,
    before: { grantId: grant.id, role: grant.role, reason: grant.reason, validTo: grant.valid_to, revoked: false },
    after: { grantId: grant.id, role: grant.role, revoked: true },
  });
  return (await selectGrants(trx, userId, todayInNorway())).find((g) => g.id === grant.id)!;
}
