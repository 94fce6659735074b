import { describe, expect, it } from 'vitest';
import { testPassword, useTestApp } from '../../../test/helpers/test-app.js';

const t = useTestApp();

describe('[ANYONE][SIGN_IN]', () => {
  it('signs in with the right password: an httpOnly SameSite session cookie and a CSRF token', async () => {
    const user = await t.createUser(['leader'], 'Kari Leder');
    const response = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: user.username, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ username: user.username, displayName: 'Kari Leder', roles: ['leader'] });
    expect(body.user.permissions).toContain('leader_support:submit');
    expect(body.user.permissions).not.toContain('audit:read');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const cookie = response.cookies.find((c) => c.name === 'kp_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();

    const session = await t.knutepunkt.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `kp_session=${cookie!.value}` },
    });
    expect(session.json()).toMatchObject({ user: { username: user.username }, csrfToken: body.csrfToken });
  });

  it('stores only a hash of the session token', async () => {
    const signedIn = await t.signInAs(['employee']);
    const token = signedIn.cookie.split('=')[1]!;
    const rows = await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', signedIn.userId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toContain(token);
  });

  it('refuses a wrong password or an unknown user alike, in Norwegian by default and English when asked', async () => {
    const user = await t.createUser(['employee']);
    const wrong = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: user.username, password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'invalid_credentials', message: 'Feil brukernavn eller passord.', details: null } });
    expect(wrong.cookies).toHaveLength(0);

    const unknown = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: { username: 'nobody-here', password: 'nope' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toMatchObject({ code: 'invalid_credentials', message: 'Wrong username or password.' });
  });

  it('refuses a disabled user', async () => {
    const user = await t.createUser(['employee']);
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();
    const response = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: user.username, password: testPassword },
    });
    expect(response.statusCode).toBe(401);
  });

  it('rate-limits repeated attempts on one username', async () => {
    const user = await t.createUser(['employee']);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await t.knutepunkt.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: user.username, password: `wrong-${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: user.username, password: testPassword },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
  });

  it('records sign-in and sign-out in the audit log, without the password', async () => {
    const signedIn = await t.signInAs(['analyst'], 'Ola Analytiker');
    const out = await t.knutepunkt.app.inject({ method: 'DELETE', url: '/api/session', headers: signedIn.headers });
    expect(out.statusCode).toBe(204);
    const entries = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_user_id', '=', signedIn.userId)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.action)).toEqual(['sign_in', 'sign_out']);
    expect(entries[0]!.actor_name).toBe('Ola Analytiker');
    expect(entries[0]!.request_id).toBeTruthy();
    expect(JSON.stringify(entries)).not.toContain(testPassword);
  });
});

describe('[SIGNED_IN][SIGN_OUT]', () => {
  it('needs the CSRF token, then ends the session for good', async () => {
    const signedIn = await t.signInAs(['employee']);
    const withoutToken = await t.knutepunkt.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: signedIn.cookie } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('csrf_missing');
    const wrongToken = await t.knutepunkt.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: signedIn.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.statusCode).toBe(403);

    // Still signed in: the refused requests changed nothing.
    const still = await t.knutepunkt.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: signedIn.cookie } });
    expect(still.json().user).not.toBeNull();

    const out = await t.knutepunkt.app.inject({ method: 'DELETE', url: '/api/session', headers: signedIn.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.knutepunkt.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: signedIn.cookie } });
    expect(after.json()).toEqual({ user: null, csrfToken: null });
    const again = await t.knutepunkt.app.inject({ method: 'DELETE', url: '/api/session', headers: signedIn.headers });
    expect(again.statusCode).toBe(401);
  });

  it('treats an invalid, forged or expired session as signed out', async () => {
    for (const cookie of ['kp_session=forged-token-forged-token-forged', 'kp_session=%%%', 'kp_session=']) {
      const response = await t.knutepunkt.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie } });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
    const signedIn = await t.signInAs(['administrator']);
    await t.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', signedIn.userId)
      .execute();
    const expired = await t.knutepunkt.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: signedIn.cookie } });
    expect(expired.statusCode).toBe(401);
  });
});
