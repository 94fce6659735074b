// An in-process Knutepunkt on a fresh test database, driven with app.inject (no network).
import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { createKnutepunkt, type Knutepunkt } from '../../src/app.js';
import { hashPassword, isUuid, loadConfig, recordAudit, systemContext, type Config, type Role } from '../../src/kernel/index.js';
import { insertUser } from '../../src/modules/accounts/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const testPassword = 'test-password-123';

export function testConfig(env: NodeJS.ProcessEnv = {}): Config {
  // Every test signs in from 127.0.0.1, many times a minute; the per-address limit has its own test.
  return loadConfig({ LOG_LEVEL: 'silent', KNUTEPUNKT_MODE: 'demo', SIGN_IN_ATTEMPTS_PER_IP: '10000', ...env });
}

export interface SignedIn {
  userId: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a write request as this user. */
  headers: Record<string, string>;
}

export interface TestApp {
  readonly knutepunkt: Knutepunkt;
  readonly database: TestDatabase;
  /** Creates a user with the given roles and signs in through the API. */
  signInAs(roles: Role[], displayName?: string): Promise<SignedIn>;
  createUser(roles: Role[], displayName?: string): Promise<{ id: string; username: string }>;
  /** Entries in the audit log (of one entity type when given). */
  auditCount(entityType?: string): Promise<number>;
  /** How many rows each table has: a refused write must leave every count as it was. */
  rowCounts(tables: readonly string[]): Promise<Record<string, number>>;
  /**
   * Makes the user a new person who holds `position` (its key or id) from 2020, linked to the
   * account, so that roles and areas follow the organisation. Returns the person's id.
   */
  placeUser(userId: string, name: string, position: string): Promise<string>;
}

let counter = 0;

/** Registers beforeAll/afterAll hooks that give the test file its own app and database. */
export function useTestApp(options: { env?: NodeJS.ProcessEnv } = {}): TestApp {
  let knutepunkt: Knutepunkt | undefined;
  let database: TestDatabase | undefined;
  let passwordHash: string | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    knutepunkt = await createKnutepunkt(testConfig(options.env), { database, logger: false, demoPeople: false });
    passwordHash = await hashPassword(testPassword);
  });
  afterAll(async () => {
    await knutepunkt?.app.close();
    await database?.close();
  });

  const api: TestApp = {
    get knutepunkt() {
      if (!knutepunkt) throw new Error('useTestApp: used before beforeAll ran');
      return knutepunkt;
    },
    get database() {
      if (!database) throw new Error('useTestApp: used before beforeAll ran');
      return database;
    },
    async createUser(roles, displayName) {
      counter += 1;
      const username = `test-${roles.join('-') || 'none'}-${counter}-${process.pid}`;
      return api.database.db.transaction().execute(async (trx) => {
        const user = await insertUser(trx, {
          username,
          display_name: displayName ?? `Test ${username}`,
          password_hash: passwordHash!,
          roles,
          disabled_at: null,
        });
        await recordAudit(trx, systemContext, { action: 'create', entityType: 'user', entityId: user.id, after: { username } });
        return { id: user.id, username };
      });
    },
    async signInAs(roles, displayName) {
      const user = await api.createUser(roles, displayName);
      const response = await api.knutepunkt.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: user.username, password: testPassword },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'kp_session');
      const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
      const cookieHeader = `kp_session=${cookie!.value}`;
      return { userId: user.id, cookie: cookieHeader, csrfToken, headers: { cookie: cookieHeader, 'x-csrf-token': csrfToken } };
    },
    async placeUser(userId, name, position) {
      const db = api.database.db;
      const positionId = isUuid(position)
        ? position
        : (await sql<{ id: string }>`select id from org_positions where key = ${position}`.execute(db)).rows[0]?.id;
      if (!positionId) throw new Error(`placeUser: no position ${position}`);
      const person = await sql<{ id: string }>`
        insert into org_people (key, name, source) values (${`test-${userId}`}, ${name}, 'test') returning id`.execute(db);
      const personId = person.rows[0]!.id;
      await sql`insert into org_assignments (person_id, position_id, fte, valid_from) values (${personId}, ${positionId}, 1, '2020-01-01')`.execute(
        db,
      );
      await sql`insert into org_user_people (user_id, person_id) values (${userId}, ${personId})`.execute(db);
      return personId;
    },
    async auditCount(entityType) {
      let query = api.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n'));
      if (entityType !== undefined) query = query.where('entity_type', '=', entityType);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
    async rowCounts(tables) {
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const row = await api.database.db
          .selectFrom(table as never)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        counts[table] = Number((row as { n: string }).n);
      }
      return counts;
    },
  };
  return api;
}

/** A write that must be refused with 403 naming `area` (the editor's area), auditing nothing; the error. */
export async function expectOutsideEditorArea(
  t: TestApp,
  area: string,
  send: () => Promise<{ statusCode: number; body: string; json(): unknown }>,
): Promise<{ code: string; message: string }> {
  const audits = await t.auditCount();
  const response = await send();
  expect(response.statusCode, response.body).toBe(403);
  const { error } = response.json() as { error: { code: string; message: string } };
  expect(error.code).toBe('forbidden');
  expect(error.message).toContain(`«${area}»`);
  expect(await t.auditCount()).toBe(audits);
  return error;
}
