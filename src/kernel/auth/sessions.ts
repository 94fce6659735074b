import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { KernelTables } from '../db/schema.js';
import { todayInNorway } from '../values/values.js';
import { permissionsOf, type Actor } from './permissions.js';
import { keptRoles } from './role-sources.js';

export const sessionCookieName = 'kp_session';

function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  /** The stored id (the token's hash), for rows that belong to the session. */
  id: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a server-side session; only the hash of the token is stored. */
export async function createSession(db: Kysely<KernelTables>, userId: string, hours: number): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  const id = sessionId(token);
  await db.insertInto('sessions').values({ id, user_id: userId, csrf_token: csrfToken, expires_at: expiresAt }).execute();
  return { id, token, csrfToken, expiresAt };
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  actor: Actor;
}

/** The session behind a cookie token, if it exists, has not expired and its user is active. */
export async function findSession(db: Kysely<KernelTables>, token: string): Promise<ActiveSession | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('role_inputs', (join) => join.on('role_inputs.id', '=', 1))
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'role_inputs.version as roles_version',
    ])
    .where('sessions.id', '=', sessionId(token))
    .where('sessions.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  // Worked out for today on every request (kept while nothing they depend on changed): roles follow
  // dated positions, so a leader's rights end on the day the assignment does, without a new sign-in.
  const roles = await keptRoles(db, row.user_id, todayInNorway(), String(row.roles_version));
  const actor: Actor = {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles,
    permissions: new Set(permissionsOf(roles)),
  };
  return { id: row.id, csrfToken: row.csrf_token, actor };
}

export async function deleteSession(db: Kysely<KernelTables>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Kysely<KernelTables>): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
