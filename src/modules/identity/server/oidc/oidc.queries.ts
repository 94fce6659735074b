import { sql } from 'kysely';
import type { UserRow } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';

/** How long a started sign-in may take at the provider before its state is refused. */
export const attemptLifetimeMinutes = 10;

export async function insertAttempt(
  db: IdentityDb,
  attempt: { state: string; nonce: string; code_verifier: string; redirect: string },
): Promise<void> {
  await db.insertInto('oidc_attempts').values(attempt).execute();
}

/** Removes the attempt and returns it if it was still fresh: a state is used at most once. */
export async function takeAttempt(
  db: IdentityDb,
  state: string,
): Promise<{ nonce: string; code_verifier: string; redirect: string } | undefined> {
  const row = await db
    .deleteFrom('oidc_attempts')
    .where('state', '=', state)
    .returning(['nonce', 'code_verifier', 'redirect', 'created_at'])
    .executeTakeFirst();
  if (!row || row.created_at.getTime() < Date.now() - attemptLifetimeMinutes * 60_000) return undefined;
  return row;
}

/** Attempts abandoned at the provider are swept as new ones start. */
export async function deleteStaleAttempts(db: IdentityDb): Promise<void> {
  await db
    .deleteFrom('oidc_attempts')
    .where('created_at', '<', sql<Date>`now() - make_interval(mins => ${attemptLifetimeMinutes})`)
    .execute();
}

export async function findUserBySubject(db: IdentityDb, issuer: string, subject: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
}

export async function findUserByEmployeeNumber(db: IdentityDb, employeeNumber: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('employee_number', '=', employeeNumber).executeTakeFirst();
}

/** E-mail only finds a user who exists; it never creates or links one by itself. */
export async function findUserByEmail(db: IdentityDb, email: string): Promise<UserRow | undefined> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0] : undefined; // two users with one address: ambiguous, so none
}

export async function findUserById(db: IdentityDb, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function usernameTaken(db: IdentityDb, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertOidcUser(
  db: IdentityDb,
  user: {
    username: string;
    display_name: string;
    email: string | null;
    employee_number: string | null;
    oidc_issuer: string;
    oidc_subject: string;
    groups: string[];
  },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({ ...user, password_hash: null, roles: [], disabled_at: null, source: 'oidc', last_sign_in_at: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** What the provider said at this sign-in: its ids for the user, their groups, when. */
export async function updateSignedInUser(
  db: IdentityDb,
  userId: string,
  values: { oidc_issuer: string; oidc_subject: string; groups: string[]; employee_number?: string; email?: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...values, last_sign_in_at: new Date(), updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

export async function deleteSessionById(db: IdentityDb, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function insertOidcSession(db: IdentityDb, row: { session_id: string; id_token: string; issuer: string }): Promise<void> {
  await db.insertInto('oidc_sessions').values(row).execute();
}

export async function findOidcSession(db: IdentityDb, sessionId: string): Promise<{ id_token: string; issuer: string } | undefined> {
  return db.selectFrom('oidc_sessions').select(['id_token', 'issuer']).where('session_id', '=', sessionId).executeTakeFirst();
}
