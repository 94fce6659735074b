import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createKnutepunkt } from '../../app.js';
import { testConfig } from '../../../test/helpers/test-app.js';
import { createTestDatabase, testDatabaseKind } from '../../../test/helpers/test-database.js';

describe('a database that disappears while running', () => {
  it('answers 503 with the usual error shape, never a 500, and recovers nothing half-written', async () => {
    const database = await createTestDatabase();
    // Without the demo people: placing them in every module is most of this test's time on a busy
    // machine (2.7 s of 3.1 s at load 7), and has nothing to do with a database going away.
    const knutepunkt = await createKnutepunkt(testConfig(), { database, logger: false, demoPeople: false });
    const app = knutepunkt.app;
    expect((await app.inject('/api/ready')).statusCode).toBe(200);

    if (testDatabaseKind() === 'postgres') {
      // Drop the database under the running app: its connections are terminated.
      const admin = new pg.Client({ connectionString: database.adminUrl });
      await admin.connect();
      await admin.query(`drop database ${new URL(database.url!).pathname.slice(1)} with (force)`);
      await admin.end();
    } else {
      await database.pglite!.close();
    }

    const ready = await app.inject({ url: '/api/ready', headers: { 'accept-language': 'en' } });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/temporarily unavailable/) });

    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'whatever' } });
    expect(signIn.statusCode).toBe(503);
    expect(signIn.json().error.code).toBe('unavailable');

    const meta = await app.inject('/api/meta');
    expect(meta.statusCode).toBe(503);
    expect((await app.inject('/api/health')).statusCode).toBe(200);

    await app.close();
    await database.db.destroy().catch(() => {});
  });
});
