import {
  actorForUser,
  AppError,
  createSession,
  hashPassword,
  recordAudit,
  recordSignInEvent,
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
  options: { sessionHours: number; requestId: string; ip?: string; passwordSignIn?: 'on' | 'break-glass' | 'off' },
): Promise<{ session: NewSession; response: SessionResponse }> {
  const policy = options.passwordSignIn ?? 'on';
  if (policy === 'off') throw passwordSignInClosed();
  const user = await findUserByUsername(database.db, input.username);
  const ok =
    user?.password_hash && !user.disabled_at
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!user || !ok) {
    const reason = user?.disabled_at ? 'disabled' : 'invalid_credentials';
    await recordSignInEvent(database.db, {
      userId: user?.id ?? null,
      username: input.username.trim(),
      method: 'password',
      outcome: 'refused',
      reason,
      ip: options.ip,
    });
    throw new AppError('invalid_credentials');
  }

  // Break-glass: only a local administrator account, for when the identity provider is down.
  if (policy === 'break-glass' && !(user.source === 'local' && user.roles.includes('administrator'))) {
    await recordSignInEvent(database.db, {
      userId: user.id,
      username: user.username,
      method: 'password',
      outcome: 'refused',
      reason: 'password_sign_in_closed',
      ip: options.ip,
    });
    throw passwordSignInClosed();
  }

  const actor = await actorForUser(database.db, user);
  const context: WriteContext = { actor, requestId: options.requestId };
  const session = await database.db.transaction().execute(async (trx) => {
    const created = await createSession(trx, user.id, options.sessionHours);
    await trx.updateTable('users').set({ last_sign_in_at: new Date() }).where('id', '=', user.id).execute();
    await recordSignInEvent(trx, { userId: user.id, username: user.username, method: 'password', outcome: 'success', ip: options.ip });
    await recordAudit(trx, context, { action: 'sign_in', entityType: 'user', entityId: user.id, after: { username: user.username } });
    return created;
  });
  return {
    session,
    response: {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        roles: actor.roles,
        permissions: [...actor.permissions],
      },
      csrfToken: session.csrfToken,
    },
  };
}

function passwordSignInClosed(): AppError {
  return new AppError('forbidden', {
    message: {
      nb: 'Innlogging med passord er slått av her. Bruk kommunens innlogging (Logg inn med …).',
      en: 'Password sign-in is switched off here. Use the municipality’s sign-in (Sign in with …).',
    },
  });
}

/** Ends a session and records it. */
export async function signOut(database: Database, sessionId: string, context: WriteContext): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await recordAudit(trx, context, { action: 'sign_out', entityType: 'user', entityId: context.actor?.userId ?? null });
  });
}

export { hashPassword };
