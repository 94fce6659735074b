import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../../../test/helpers/test-app.js';
import { todayInNorway, type Role } from '../../../../kernel/index.js';
import type { Grant, GroupMapping, UserDetail, UserList } from '../../users.schemas.js';

const t = useTestApp();
type Db = { selectFrom: (t: string) => any; insertInto: (t: string) => any; updateTable: (t: string) => any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const db = () => t.database.db as unknown as Db;

async function call(method: 'GET' | 'POST' | 'DELETE', url: string, user: SignedIn | null, payload?: unknown) {
  const response = await t.knutepunkt.app.inject({ method, url, headers: user?.headers ?? {}, payload: payload as object });
  return { status: response.statusCode, body: response.body ? (response.json() as any) : null }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

async function placed(roles: Role[], name: string, positionKey: string) {
  const user = await t.createUser(roles, name);
  return { ...user, personId: await t.placeUser(user.id, name, positionKey) };
}

async function sessionUser(user: SignedIn) {
  const response = await t.knutepunkt.app.inject({ url: '/api/session', headers: { cookie: user.cookie } });
  return (response.json() as { user: { id: string } | null }).user;
}

describe('[ADMINISTRATOR][SEARCH_USERS]', () => {
  it('finds users by part of the username, name, e-mail or employee number, in Norwegian order, paged', async () => {
    const admin = await t.signInAs(['administrator']);
    const names = ['Åse Søkerud', 'Øystein Søkerud', 'Anders Søkerud', 'Ærlig Søkerud'];
    const ids: string[] = [];
    for (const name of names) ids.push((await t.createUser(['employee'], name)).id);
    await db()
      .updateTable('users')
      .set({ email: 'oystein.sokerud@example.no', employee_number: 'HR-771234', source: 'scim' })
      .where('id', '=', ids[1])
      .execute();

    const list = (await call('GET', '/api/identity/users?q=s%C3%B8kerud', admin)).body as UserList;
    expect(list.users.map((u) => u.displayName)).toEqual(['Anders Søkerud', 'Ærlig Søkerud', 'Øystein Søkerud', 'Åse Søkerud']);
    expect(list.total).toBe(4);

    for (const q of ['oystein.sokerud@', 'HR-7712']) {
      const found = (await call('GET', `/api/identity/users?q=${encodeURIComponent(q)}`, admin)).body as UserList;
      expect(found.users.map((u) => u.id)).toEqual([ids[1]]);
      expect(found.users[0]).toMatchObject({
        email: 'oystein.sokerud@example.no',
        employeeNumber: 'HR-771234',
        source: 'scim',
        status: 'active',
      });
    }

    const second = (await call('GET', '/api/identity/users?q=s%C3%B8kerud&pageSize=3&page=2', admin)).body as UserList;
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.users.map((u) => u.displayName)).toEqual(['Åse Søkerud']);

    expect((await call('GET', '/api/identity/users?q=s%C3%B8kerud&source=scim', admin)).body.total).toBe(1);
    expect((await call('GET', '/api/identity/users?q=%25', admin)).body.total).toBe(0);
  });

  it('filters by status and by role (account, manual grant or group)', async () => {
    const admin = await t.signInAs(['administrator']);
    const analyst = await t.createUser(['analyst'], 'Filter Analytiker');
    const granted = await t.createUser([], 'Filter Tildelt');
    const grouped = await t.createUser([], 'Filter Gruppe');
    const off = await t.createUser([], 'Filter Deaktivert');
    await db().insertInto('role_grants').values({ user_id: granted.id, role: 'analyst', reason: 'Prosjekt' }).execute();
    await db().insertInto('group_role_mappings').values({ group_name: 'KP-Analyse-Filter', role: 'analyst' }).execute();
    await sql`update users set groups = '{kp-analyse-filter}' where id = ${grouped.id}`.execute(t.database.db);
    await db().updateTable('users').set({ disabled_at: new Date(), disabled_reason: 'Sluttet' }).where('id', '=', off.id).execute();

    const analysts = (await call('GET', '/api/identity/users?q=Filter&role=analyst', admin)).body as UserList;
    expect(analysts.users.map((u) => u.id).sort()).toEqual([analyst.id, granted.id, grouped.id].sort());
    expect(analysts.users.every((u) => u.roles.includes('analyst'))).toBe(true);

    const disabled = (await call('GET', '/api/identity/users?q=Filter&status=disabled', admin)).body as UserList;
    expect(disabled.users.map((u) => u.id)).toEqual([off.id]);
    expect(disabled.users[0]!.status).toBe('disabled');
    expect((await call('GET', '/api/identity/users?q=Filter&status=active', admin)).body.total).toBe(3);
    expect((await call('GET', '/api/identity/users?role=wizard', admin)).status).toBe(400);
  });
});

describe('[ADMINISTRATOR][USER_DETAIL]', () => {
  it('shows the person, positions today, every role with its origin, and the sign-in history', async () => {
    const admin = await t.signInAs(['administrator']);
    const rektor = await placed(['analyst'], 'Rektor Opphav', 'leder-skole-aronslokka');
    await db().insertInto('group_role_mappings').values({ group_name: 'KP-Organisasjon', role: 'organisation_editor' }).execute();
    await sql`update users set groups = '{KP-Organisasjon}' where id = ${rektor.id}`.execute(t.database.db);
    const signIn = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: rektor.username, password: 'wrong-password' },
    });
    expect(signIn.statusCode).toBe(401);

    const detail = (await call('GET', `/api/identity/users/${rektor.id}`, admin)).body as UserDetail;
    expect(detail).toMatchObject({
      id: rektor.id,
      username: rektor.username,
      displayName: 'Rektor Opphav',
      status: 'active',
      source: 'local',
    });
    expect(detail.person).toEqual({ id: rektor.personId, name: 'Rektor Opphav' });
    expect(detail.positions).toEqual([expect.objectContaining({ leads: true, unitName: expect.stringMatching(/Aronsløkka/) })]);
    expect(detail.groups).toEqual(['KP-Organisasjon']);
    expect(detail.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'analyst', kind: 'account' }),
        expect.objectContaining({ role: 'organisation_editor', kind: 'group', label: 'Gruppe: KP-Organisasjon' }),
        expect.objectContaining({ role: 'leader', kind: 'position', label: expect.stringMatching(/Aronsløkka/) }),
      ]),
    );
    expect(detail.signIns[0]).toMatchObject({ method: 'password', outcome: 'refused' });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    const admin = await t.signInAs(['administrator']);
    expect((await call('GET', '/api/identity/users/00000000-0000-4000-8000-000000000000', admin)).status).toBe(404);
    expect((await call('GET', '/api/identity/users/not-a-uuid', admin)).status).toBe(404);
  });
});

describe('[ADMINISTRATOR][GRANT_ROLE]', () => {
  it('grants a role with a reason and an end date, shown as its origin, and audited', async () => {
    const admin = await t.signInAs(['administrator'], 'Anne Tildeler');
    const user = await t.signInAs(['employee'], 'Vikar Vera');
    const validTo = addDays(todayInNorway(), 30);
    const audits = await t.auditCount();
    const response = await call('POST', `/api/identity/users/${user.userId}/grants`, admin, {
      role: 'organisation_editor',
      reason: 'Vikar for Kari i mars',
      validTo,
    });
    expect(response.status).toBe(201);
    expect(response.body as Grant).toMatchObject({
      role: 'organisation_editor',
      reason: 'Vikar for Kari i mars',
      validTo,
      active: true,
      grantedBy: 'Anne Tildeler',
    });
    expect(await t.auditCount()).toBe(audits + 1);
    const entry = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'grant_role')
      .where('entity_id', '=', user.userId)
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ role: 'organisation_editor', reason: 'Vikar for Kari i mars', validTo });

    const detail = (await call('GET', `/api/identity/users/${user.userId}`, admin)).body as UserDetail;
    expect(detail.roles).toContainEqual({ role: 'organisation_editor', kind: 'manual', label: 'Manuell: Vikar for Kari i mars', validTo });
    // The user's own next request has the role: permissions follow the grant at once.
    expect((await t.knutepunkt.app.inject({ url: '/api/session', headers: { cookie: user.cookie } })).json().user.roles).toContain(
      'organisation_editor',
    );
  });

  it('refuses a blank reason, an end date not after today and an unknown role, and writes nothing', async () => {
    const admin = await t.signInAs(['administrator']);
    const user = await t.createUser(['employee']);
    const audits = await t.auditCount();
    const url = `/api/identity/users/${user.id}/grants`;
    const blank = await call('POST', url, admin, { role: 'analyst', reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details).toEqual([expect.objectContaining({ path: 'reason' })]);
    const today = await call('POST', url, admin, { role: 'analyst', reason: 'Prosjekt', validTo: todayInNorway() });
    expect(today.status).toBe(400);
    expect(today.body.error.details).toEqual([expect.objectContaining({ path: 'validTo' })]);
    expect(today.body.error.message).toMatch(/etter i dag/);
    expect((await call('POST', url, admin, { role: 'wizard', reason: 'x' })).status).toBe(400);
    expect((await call('POST', url, admin, { role: 'analyst', reason: 'x', extra: 1 })).status).toBe(400);
    expect(
      (await call('POST', `/api/identity/users/00000000-0000-4000-8000-000000000000/grants`, admin, { role: 'analyst', reason: 'x' }))
        .status,
    ).toBe(404);
    expect(await t.auditCount()).toBe(audits);
    expect(await db().selectFrom('role_grants').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('revokes a grant: the role is gone, the grant listed as ended, audited', async () => {
    const admin = await t.signInAs(['administrator']);
    const user = await t.signInAs(['employee']);
    const grant = (await call('POST', `/api/identity/users/${user.userId}/grants`, admin, { role: 'analyst', reason: 'Rapportering' }))
      .body as Grant;
    const revoked = await call('POST', `/api/identity/users/${user.userId}/grants/${grant.id}/revoke`, admin);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: grant.id, active: false, revokedAt: expect.any(String) });
    const detail = (await call('GET', `/api/identity/users/${user.userId}`, admin)).body as UserDetail;
    expect(detail.roles.some((r) => r.role === 'analyst')).toBe(false);
    expect(detail.grants).toEqual([expect.objectContaining({ id: grant.id, active: false })]);
    expect((await t.knutepunkt.app.inject({ url: '/api/session', headers: { cookie: user.cookie } })).json().user.roles).not.toContain(
      'analyst',
    );
    const again = await call('POST', `/api/identity/users/${user.userId}/grants/${grant.id}/revoke`, admin);
    expect(again.status).toBe(409);
  });
});

describe('[ADMINISTRATOR][DISABLE_USER]', () => {
  it('disables a user: every session ends at once, sign-in is refused; enable lets them back', async () => {
    const admin = await t.signInAs(['administrator']);
    const user = await t.signInAs(['employee'], 'Slutter Snart');
    expect(await sessionUser(user)).toMatchObject({ id: user.userId });
    const before = (await call('GET', `/api/identity/users/${user.userId}`, admin)).body as UserDetail;

    const disabled = await call('POST', `/api/identity/users/${user.userId}/disable`, admin, {
      reason: 'Sluttet 31. mars',
      version: before.version,
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', disabledReason: 'Sluttet 31. mars' });
    expect(await sessionUser(user)).toBeNull();
    const username = (await db().selectFrom('users').select('username').where('id', '=', user.userId).executeTakeFirstOrThrow()).username;
    const signIn = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password: 'test-password-123' },
    });
    expect(signIn.statusCode).toBeGreaterThanOrEqual(400);

    // The page still shows the old version: refused as stale, nothing changes.
    const stale = await call('POST', `/api/identity/users/${user.userId}/enable`, admin, { version: before.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale');

    const enabled = await call('POST', `/api/identity/users/${user.userId}/enable`, admin, { version: disabled.body.version });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ status: 'active', disabledReason: null });
    const again = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password: 'test-password-123' },
    });
    expect(again.statusCode).toBe(200);
  });

  it('refuses a stale version and a blank reason, and writes nothing', async () => {
    const admin = await t.signInAs(['administrator']);
    const user = await t.createUser(['employee']);
    const detail = (await call('GET', `/api/identity/users/${user.id}`, admin)).body as UserDetail;
    await call('POST', `/api/identity/users/${user.id}/grants`, admin, { role: 'analyst', reason: 'Endrer versjonen' });
    const audits = await t.auditCount();
    const stale = await call('POST', `/api/identity/users/${user.id}/disable`, admin, { reason: 'Sluttet', version: detail.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale');
    const blank = await call('POST', `/api/identity/users/${user.id}/disable`, admin, { reason: ' ', version: detail.version + 1 });
    expect(blank.status).toBe(400);
    expect(await t.auditCount()).toBe(audits);
    expect((await call('GET', `/api/identity/users/${user.id}`, admin)).body.status).toBe('active');
  });

  it('refuses an administrator disabling themselves', async () => {
    const admin = await t.signInAs(['administrator']);
    const me = (await call('GET', `/api/identity/users/${admin.userId}`, admin)).body as UserDetail;
    const response = await call('POST', `/api/identity/users/${admin.userId}/disable`, admin, { reason: 'Test', version: me.version });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/deg selv/);
    expect(await sessionUser(admin)).toMatchObject({ id: admin.userId });
  });
});

describe('[ADMINISTRATOR][GROUP_MAPPINGS]', () => {
  it('maps a group to a role, refuses a duplicate in any case, removes it; members follow at once', async () => {
    const admin = await t.signInAs(['administrator']);
    const member = await t.signInAs([]);
    await sql`update users set groups = '{KP-Tallknusere}' where id = ${member.userId}`.execute(t.database.db);
    const created = await call('POST', '/api/identity/group-mappings', admin, { groupName: ' KP-Tallknusere ', role: 'analyst' });
    expect(created.status).toBe(201);
    expect(created.body as GroupMapping).toMatchObject({ groupName: 'KP-Tallknusere', role: 'analyst' });
    expect((await call('POST', '/api/identity/group-mappings', admin, { groupName: 'kp-tallknusere', role: 'analyst' })).status).toBe(409);
    expect((await call('GET', '/api/identity/group-mappings', admin)).body.mappings).toContainEqual(
      expect.objectContaining({ id: created.body.id }),
    );
    expect((await sessionUser(member)) as unknown as { roles: string[] }).toMatchObject({ roles: ['analyst'] });

    const removed = await call('DELETE', `/api/identity/group-mappings/${created.body.id}`, admin);
    expect(removed.status).toBe(200);
    expect((await sessionUser(member)) as unknown as { roles: string[] }).toMatchObject({ roles: [] });
    expect((await call('DELETE', `/api/identity/group-mappings/${created.body.id}`, admin)).status).toBe(404);
  });
});

describe('[OTHERS][USER_ADMINISTRATION]', () => {
  it('is refused to those without users:read / users:write', async () => {
    const target = await t.createUser(['employee']);
    expect((await call('GET', '/api/identity/users', null)).status).toBe(401);
    for (const role of ['leader', 'organisation_editor', 'analyst', 'employee'] as const) {
      const user = await t.signInAs([role]);
      expect((await call('GET', '/api/identity/users', user)).status, role).toBe(403);
      expect((await call('GET', `/api/identity/users/${target.id}`, user)).status, role).toBe(403);
      expect(
        (await call('POST', `/api/identity/users/${target.id}/grants`, user, { role: 'administrator', reason: 'Meg selv' })).status,
        role,
      ).toBe(403);
      expect((await call('POST', '/api/identity/group-mappings', user, { groupName: 'Alle', role: 'administrator' })).status, role).toBe(
        403,
      );
    }
    // The first line reads users (to find who asks) but changes nobody.
    const agent = await t.signInAs(['first_line_agent']);
    expect((await call('GET', `/api/identity/users/${target.id}`, agent)).status).toBe(200);
    expect((await call('POST', `/api/identity/users/${target.id}/disable`, agent, { reason: 'x', version: 1 })).status).toBe(403);
  });
});

// Last: it disables every other administrator of this test database.
describe('[ADMINISTRATOR][LAST_ADMINISTRATOR]', () => {
  it('refuses removing the last active administrator’s own rights, and changes nothing', async () => {
    const admin = await t.createUser([], 'Siste Admin');
    const grant = await db()
      .insertInto('role_grants')
      .values({ user_id: admin.id, role: 'administrator', reason: 'Driftsansvar' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const signIn = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: admin.username, password: 'test-password-123' },
    });
    const cookie = `kp_session=${signIn.cookies.find((c) => c.name === 'kp_session')!.value}`;
    const me = {
      userId: admin.id,
      cookie,
      csrfToken: signIn.json().csrfToken,
      headers: { cookie, 'x-csrf-token': signIn.json().csrfToken },
    };
    await sql`update users set disabled_at = now() where id <> ${admin.id} and disabled_at is null`.execute(t.database.db);

    const audits = await t.auditCount();
    const refused = await call('POST', `/api/identity/users/${admin.id}/grants/${grant.id}/revoke`, me);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/siste aktive administratoren/);
    expect(await t.auditCount()).toBe(audits);
    const detail = (await call('GET', `/api/identity/users/${admin.id}`, me)).body as UserDetail;
    expect(detail.grants).toEqual([expect.objectContaining({ id: grant.id, active: true })]);

    // With a second administrator, the same revocation goes through.
    const other = await t.createUser(['administrator']);
    expect((await call('POST', `/api/identity/users/${admin.id}/grants/${grant.id}/revoke`, me)).status).toBe(200);
    void other;
  });
});
