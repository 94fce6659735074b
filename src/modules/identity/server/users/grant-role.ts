import { AppError, recordAudit, todayInNorway, type WriteContext } from '../../../../kernel/index.js';
import type { Grant, GrantRoleBody } from '../../users.schemas.js';
import { lockUser } from './lock-user.js';
import { selectGrants, type UsersDb } from './users.queries.js';

/** Gives a user a role by hand, with the reason shown as its origin and an optional end (exclusive). */
export async function grantRole(trx: UsersDb, context: WriteContext, userId: string, body: GrantRoleBody): Promise<Grant> {
  const reason = body.reason.trim();
  const validTo = body.validTo ?? null;
  const today = todayInNorway();
  const problems = [];
  if (reason === '') problems.push({ in: 'body', path: 'reason', problem: 'blank' });
  if (validTo !== null && validTo <= today) problems.push({ in: 'body', path: 'validTo', problem: 'not after today' });
  if (problems.length > 0) {
    throw new AppError('invalid', {
      message: {
        nb: reason === '' ? 'Skriv hvorfor rollen gis.' : 'Sluttdatoen må være etter i dag.',
        en: reason === '' ? 'Write why the role is given.' : 'The end date must be after today.',
      },
      details: problems,
    });
  }
  await lockUser(trx, userId);
  const row = await trx
    .insertInto('role_grants')
    .values({ user_id: userId, role: body.role, reason, valid_to: validTo, granted_by: context.actor?.userId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('users')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', userId)
    .execute();
  await recordAudit(trx, context, {
    action: 'grant_role',
    entityType: 'user',
    entityId: userId,
    before: null,
    after: { grantId: row.id, role: body.role, reason, validTo },
  });
  return (await selectGrants(trx, userId, today)).find((g) => g.id === row.id)!;
}
