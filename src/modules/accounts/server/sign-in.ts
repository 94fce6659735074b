import {
  AppError,
  createSession,
  hashPassword,
  isRole,
  permissionsOf,
  recordAudit,
  verifyAgainstDummy,
  verifyPassword,
  type Database,
  type NewSession,
  type WriteContext,
} from '../../../kernel/index.js';
import type { SessionResponse, SignInBody } from '../accounts.schemas.js';
import { findUserByUsername } from './accounts.queries.js';

/** Checks a username and password and starts a session. Failures say no more than "wrong". */
export async function signIn(
  database: Database,
  input: SignInBody,
  options: { sessionHours: number; requestId: string },
): Promise<{ session: NewSession; response: SessionResponse }> {
  const user = await findUserByUsername(database.db, input.username);
  const ok =
    user?.password_hash && !user.disabled_at
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!user || !ok) throw new AppError('invalid_credentials');

  const roles = user.roles.filter(isRole);
  const actor = {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles,
    permissions: new Set(permissionsOf(roles)),
  };
  const context: WriteContext = { actor, requestId: options.requestId };
  const session = await database.db.transaction().execute(async (trx) => {
    const created = await createSession(trx, user.id, options.sessionHours);
    await recordAudit(trx, context, { action: 'sign_in', entityType: 'user', entityId: user.id, after: { username: user.username } });
    return created;
  });
  return {
    session,
    response: {
      user: { id: user.id, username: user.username, displayName: user.display_name, roles, permissions: permissionsOf(roles) },
      csrfToken: session.csrfToken,
    },
  };
}

/** Ends a session and records it. */
export async function signOut(database: Database, sessionId: string, context: WriteContext): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await recordAudit(trx, context, { action: 'sign_out', entityType: 'user', entityId: context.actor?.userId ?? null });
  });
}

export { hashPassword };
