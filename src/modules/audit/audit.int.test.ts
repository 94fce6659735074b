import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/test-app.js';

const t = useTestApp();

describe('[ADMINISTRATOR][READ_AUDIT_LOG]', () => {
  it('lists every write, newest first, with who, what, before and after', async () => {
    const admin = await t.signInAs(['administrator'], 'Anne Admin');
    const response = await t.knutepunkt.app.inject({ url: '/api/audit?limit=5', headers: { cookie: admin.cookie } });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBeGreaterThanOrEqual(2);
    const [newest] = page.items;
    expect(newest).toMatchObject({
      action: 'sign_in',
      entityType: 'user',
      entityId: admin.userId,
      actorName: 'Anne Admin',
      after: { username: expect.any(String) },
    });
    expect(Date.parse(newest.occurredAt)).not.toBeNaN();
  });

  it('filters by entity type, action, actor and dates', async () => {
    const admin = await t.signInAs(['administrator'], 'Filter Fredrik');
    const get = async (query: string) =>
      (await t.knutepunkt.app.inject({ url: `/api/audit?${query}`, headers: { cookie: admin.cookie } })).json();

    const signIns = await get('action=sign_in&entityType=user');
    expect(signIns.items.length).toBeGreaterThan(0);
    expect(signIns.items.every((i: { action: string }) => i.action === 'sign_in')).toBe(true);

    const mine = await get('actor=fredrik');
    expect(mine.items.length).toBe(mine.total);
    expect(mine.items.every((i: { actorName: string }) => i.actorName === 'Filter Fredrik')).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    expect((await get(`from=${today}&to=${today}`)).total).toBeGreaterThan(0);
    expect((await get('from=2000-01-01&to=2000-01-02')).total).toBe(0);
    expect((await get('actor=%25')).total).toBe(0);
  });

  it('pages through the log', async () => {
    const admin = await t.signInAs(['administrator']);
    const first = (await t.knutepunkt.app.inject({ url: '/api/audit?limit=1&offset=0', headers: { cookie: admin.cookie } })).json();
    const second = (await t.knutepunkt.app.inject({ url: '/api/audit?limit=1&offset=1', headers: { cookie: admin.cookie } })).json();
    expect(first.items[0].id).not.toBe(second.items[0].id);
    expect(first.total).toBe(second.total);
  });
});

describe('[OTHERS][READ_AUDIT_LOG]', () => {
  it('is refused to everyone but administrators', async () => {
    expect((await t.knutepunkt.app.inject({ url: '/api/audit' })).statusCode).toBe(401);
    for (const role of ['leader', 'organisation_editor', 'first_line_agent', 'analyst'] as const) {
      const user = await t.signInAs([role]);
      const response = await t.knutepunkt.app.inject({ url: '/api/audit', headers: { cookie: user.cookie } });
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
  });
});

describe('the audit log is append-only', () => {
  it('refuses updates, deletes and truncation in the database itself', async () => {
    const db = t.database.db;
    await expect(sql`update audit_log set action = 'tampered'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const tampered = await db.selectFrom('audit_log').select('id').where('action', '=', 'tampered').execute();
    expect(tampered).toEqual([]);
  });
});
