import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoAccounts } from '../../../accounts/index.js';
import { demoPassword } from '../../../../kernel/index.js';
import { CookieJar, browse, follow, signInThroughLocalProvider } from '../../../../../test/helpers/oidc-flow.js';
import { testConfig, useTestApp } from '../../../../../test/helpers/test-app.js';

// The code flow end to end against demo mode's built-in provider, driven like a browser.
const api = useTestApp();

const app = () => api.knutepunkt.app;
const config = testConfig();
// Demo accounts are made on the embedded database only; the provider's directory needs them on both.
beforeAll(() => ensureDemoAccounts(api.database));

async function sessionUser(jar: CookieJar): Promise<{ username: string } | null> {
  const response = await browse(app(), jar, '/api/session');
  return (JSON.parse(response.body) as { user: { username: string } | null }).user;
}

describe('[EMPLOYEE][OIDC_SIGN_IN] through the built-in provider', () => {
  it('signs in through the login form and lands on the saved path, as the same demo user', async () => {
    const jar = new CookieJar();
    const { callback } = await signInThroughLocalProvider(app(), jar, {
      username: 'ansatt',
      password: demoPassword,
      redirect: '/organisasjon?dato=2024-01-01',
    });
    expect(callback.status).toBe(302);
    expect(callback.location).toBe('/organisasjon?dato=2024-01-01');
    expect(await sessionUser(jar)).toMatchObject({ username: 'ansatt' });

    const user = await api.database.db.selectFrom('users').selectAll().where('username', '=', 'ansatt').executeTakeFirstOrThrow();
    expect(user.oidc_issuer).toBe(config.oidc!.issuer);
    expect(user.oidc_subject).toBe(user.id);
    expect(user.groups).toContain('knutepunkt-demo');
    const events = await api.database.db.selectFrom('sign_in_events').selectAll().where('user_id', '=', user.id).execute();
    expect(events.map((e) => [e.method, e.outcome])).toContainEqual(['oidc', 'success']);
  });

  it('shows the login form again with an announced error after a wrong password', async () => {
    const jar = new CookieJar();
    const { login } = await signInThroughLocalProvider(app(), jar, { username: 'ansatt', password: 'wrong-password' });
    expect(login.status).toBe(401);
    expect(login.body).toContain('role="alert"');
    expect(login.body).toContain('lang="nb"');
    expect(login.body).toContain('<label for="op-username">Brukernavn</label>');
    expect(jar.cookies.has('kp_session')).toBe(false);
  });

  it('rotates the session: the session the browser had before ends', async () => {
    const before = await api.signInAs(['employee']);
    const jar = new CookieJar();
    jar.take(`${before.cookie}; Path=/`);
    await signInThroughLocalProvider(app(), jar, { username: 'analytiker', password: demoPassword });
    expect(jar.cookies.get('kp_session')).not.toBe(before.cookie.split('=')[1]);
    expect(await sessionUser(jar)).toMatchObject({ username: 'analytiker' });
    const old = await app().inject({ method: 'GET', url: '/api/session', headers: { cookie: before.cookie } });
    expect(old.json()).toMatchObject({ user: null });
  });

  it('refuses a replayed state, and creates no second session', async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await signInThroughLocalProvider(app(), jar, { username: 'ansatt', password: demoPassword });
    const sessions = await api.database.db.selectFrom('sessions').select('id').execute();
    const replay = await browse(app(), new CookieJar(), callbackUrl);
    expect(replay).toMatchObject({ status: 302, location: '/logg-inn?feil=state_mismatch' });
    expect(await api.database.db.selectFrom('sessions').select('id').execute()).toHaveLength(sessions.length);
  });

  it('refuses when the provider answers access_denied', async () => {
    const jar = new CookieJar();
    const start = await browse(app(), jar, '/api/auth/oidc/start');
    const state = new URL(start.location!).searchParams.get('state')!;
    const users = await api.database.db.selectFrom('users').select('id').execute();
    const answer = await browse(app(), jar, `/api/auth/oidc/callback?error=access_denied&state=${state}`);
    expect(answer).toMatchObject({ status: 302, location: '/logg-inn?feil=access_denied' });
    expect(await api.database.db.selectFrom('users').select('id').execute()).toHaveLength(users.length);
    expect(jar.cookies.has('kp_session')).toBe(false);
  });

  it('sends only same-site paths onwards', async () => {
    for (const redirect of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const jar = new CookieJar();
      const { callback } = await signInThroughLocalProvider(app(), jar, { username: 'ansatt', password: demoPassword, redirect });
      expect(callback.location).toBe('/');
    }
  });

  it('signs out with the provider’s end-session address, and the provider signs out back to Knutepunkt', async () => {
    const jar = new CookieJar();
    await signInThroughLocalProvider(app(), jar, { username: 'ansatt', password: demoPassword });
    const session = JSON.parse((await browse(app(), jar, '/api/session')).body) as { csrfToken: string };
    const response = await app().inject({
      method: 'DELETE',
      url: '/api/auth/oidc/session',
      headers: { cookie: jar.header(), 'x-csrf-token': session.csrfToken },
    });
    expect(response.statusCode).toBe(200);
    const endSessionUrl = new URL((response.json() as { endSessionUrl: string }).endSessionUrl);
    const { issuer } = config.oidc!;
    expect(endSessionUrl.href.startsWith(`${issuer}/session/end`)).toBe(true);
    expect(endSessionUrl.searchParams.get('post_logout_redirect_uri')).toBe(`${config.publicUrl}/`);
    expect(endSessionUrl.searchParams.get('id_token_hint')).toBeTruthy();
    expect(JSON.parse((await browse(app(), jar, '/api/session')).body)).toMatchObject({ user: null });

    // The provider asks before it ends its own session (our page, in bokmål).
    const confirm = await follow(app(), jar, endSessionUrl.href);
    expect(confirm.step.status).toBe(200);
    expect(confirm.step.body).toContain('Vil du logge ut av demo-ID?');
  });

  it('a password session signs out with no end-session address', async () => {
    const user = await api.signInAs(['employee']);
    const response = await app().inject({ method: 'DELETE', url: '/api/auth/oidc/session', headers: user.headers });
    expect(response.json()).toEqual({ endSessionUrl: null });
  });
});
