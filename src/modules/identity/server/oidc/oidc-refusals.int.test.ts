import type { JWTPayload } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeOidcProvider } from '../../../../../test/helpers/fake-oidc-provider.js';
import { CookieJar, browse } from '../../../../../test/helpers/oidc-flow.js';
import { useTestApp } from '../../../../../test/helpers/test-app.js';

// Tokens no honest provider issues, from a fake one (test/helpers/fake-oidc-provider.ts).
const fake = await startFakeOidcProvider();
afterAll(() => fake.close());
const api = useTestApp({
  env: {
    OIDC_ISSUER: fake.issuer,
    OIDC_CLIENT_ID: fake.clientId,
    OIDC_CLIENT_SECRET: fake.clientSecret,
    OIDC_DISPLAY_NAME: 'Testkommune-ID',
  },
});

/** Starts a sign-in, has the provider answer with `claims` (nonce filled in unless given), calls back. */
async function signIn(claims: JWTPayload, options: { signWithForeignKey?: boolean; jar?: CookieJar } = {}) {
  const jar = options.jar ?? new CookieJar();
  const app = api.knutepunkt.app;
  const start = await browse(app, jar, '/api/auth/oidc/start?redirect=/hjem');
  const authorize = new URL(start.location!);
  fake.issue({ nonce: authorize.searchParams.get('nonce')!, ...claims }, options);
  const callback = await browse(app, jar, `/api/auth/oidc/callback?code=abc&state=${authorize.searchParams.get('state')}`);
  return { callback, jar };
}

const counts = async () => ({
  users: (await api.database.db.selectFrom('users').select('id').execute()).length,
  sessions: (await api.database.db.selectFrom('sessions').select('id').execute()).length,
});

describe('[EMPLOYEE][OIDC_SIGN_IN] just in time, by employee number', () => {
  it('creates the user, links the person by employee number, stores groups; a second sign-in reuses the user', async () => {
    const person = await api.database.db
      .insertInto('org_people' as never)
      .values({ key: 'E1001', name: 'Kari Nordmann' } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow();
    const first = await signIn({ sub: 'subject-1', name: 'Kari Nordmann', employee_number: 'E1001', groups: ['KP-Ledere', 'Alle'] });
    expect(first.callback).toMatchObject({ status: 302, location: '/hjem' });
    const user = await api.database.db.selectFrom('users').selectAll().where('oidc_subject', '=', 'subject-1').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ source: 'oidc', employee_number: 'E1001', display_name: 'Kari Nordmann', oidc_issuer: fake.issuer });
    expect(user.groups).toEqual(['KP-Ledere', 'Alle']);
    const link = await api.database.db
      .selectFrom('org_user_people' as never)
      .select('person_id' as never)
      .where('user_id' as never, '=', user.id as never)
      .executeTakeFirst();
    expect(link).toEqual({ person_id: (person as { id: string }).id });

    const before = await counts();
    const second = await signIn({ sub: 'subject-1', name: 'Kari Nordmann', employee_number: 'E1001', groups: ['Alle'] });
    expect(second.callback.status).toBe(302);
    expect((await counts()).users).toBe(before.users);
    const again = await api.database.db.selectFrom('users').select('groups').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(again.groups).toEqual(['Alle']);
  });

  it('finds a provisioned user by employee number (a new subject never makes a second user)', async () => {
    const existing = await api.createUser([]);
    await api.database.db.updateTable('users').set({ employee_number: 'E2002' }).where('id', '=', existing.id).execute();
    const before = await counts();
    await signIn({ sub: 'subject-2', employee_number: 'E2002' });
    expect((await counts()).users).toBe(before.users);
    const user = await api.database.db.selectFrom('users').select(['oidc_subject']).where('id', '=', existing.id).executeTakeFirstOrThrow();
    expect(user.oidc_subject).toBe('subject-2');
  });
});

describe('[EMPLOYEE][OIDC_SIGN_IN] refused, nothing created', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, JWTPayload, { signWithForeignKey?: boolean }, string][] = [
    ['wrong audience', { sub: 'x-aud', aud: 'another-client' }, {}, 'wrong_audience'],
    ['expired token', { sub: 'x-exp', iat: now() - 7200, exp: now() - 3600 }, {}, 'expired'],
    ['token issued in the future', { sub: 'x-iat', iat: now() + 3600, exp: now() + 7200 }, {}, 'issued_in_future'],
    ['token not valid yet', { sub: 'x-nbf', nbf: now() + 3600 }, {}, 'issued_in_future'],
    ['bad signature', { sub: 'x-sig' }, { signWithForeignKey: true }, 'bad_signature'],
    ['nonce mismatch', { sub: 'x-nonce', nonce: 'not-the-nonce' }, {}, 'nonce_mismatch'],
    ['unknown issuer', { sub: 'x-iss', iss: 'https://evil.example' }, {}, 'unknown_issuer'],
  ];
  for (const [name, claims, options, reason] of cases) {
    it(`${name} → ${reason}`, async () => {
      const before = await counts();
      const { callback, jar } = await signIn(claims, options);
      expect(callback).toMatchObject({ status: 302, location: `/logg-inn?feil=${reason}` });
      expect(jar.cookies.has('kp_session')).toBe(false);
      expect(await counts()).toEqual(before);
      const event = await api.database.db
        .selectFrom('sign_in_events')
        .select(['outcome', 'reason'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(event).toEqual({ outcome: 'refused', reason });
    });
  }

  it('a disabled user → disabled', async () => {
    const existing = await api.createUser(['employee']);
    await api.database.db
      .updateTable('users')
      .set({ oidc_issuer: fake.issuer, oidc_subject: 'subject-disabled', disabled_at: new Date() })
      .where('id', '=', existing.id)
      .execute();
    const before = await counts();
    const { callback } = await signIn({ sub: 'subject-disabled' });
    expect(callback).toMatchObject({ status: 302, location: '/logg-inn?feil=disabled' });
    expect(await counts()).toEqual(before);
  });

  it('a forged state → state_mismatch', async () => {
    const response = await browse(api.knutepunkt.app, new CookieJar(), '/api/auth/oidc/callback?code=abc&state=forged');
    expect(response).toMatchObject({ status: 302, location: '/logg-inn?feil=state_mismatch' });
  });
});
