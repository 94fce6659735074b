// A flood of anonymous sign-in attempts must not slow everyone down: a limit per address whatever
// the username, a cap on password hashes running at once, and answers that do not tell a wrong
// password from an unknown username.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { passwordHashingStats, withPasswordSlot } from '../../kernel/index.js';
import { testPassword, useTestApp } from '../../../test/helpers/test-app.js';

const t = useTestApp({ env: { SIGN_IN_ATTEMPTS_PER_IP: '5', PASSWORD_HASH_CONCURRENCY: '2', PASSWORD_HASH_QUEUE: '2' } });

const randomUsername = () => `ukjent-${randomBytes(6).toString('hex')}`;

function attempt(username: string, password: string, remoteAddress: string) {
  return t.knutepunkt.app.inject({ method: 'POST', url: '/api/session', remoteAddress, payload: { username, password } });
}

describe('[ANONYMOUS][SIGN_IN] a flood of attempts', () => {
  it('limits one address trying random usernames, and leaves other addresses alone', async () => {
    const flooder = '203.0.113.5';
    for (let i = 0; i < 5; i++) expect((await attempt(randomUsername(), 'gjett', flooder)).statusCode).toBe(401);
    const limited = await attempt(randomUsername(), 'gjett', flooder);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'rate_limited', message: 'For mange forsøk. Vent litt og prøv igjen.' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    // Costs no hash: the limit answers before the password is looked at.
    const before = passwordHashingStats().runs;
    expect((await attempt(randomUsername(), 'gjett', flooder)).statusCode).toBe(429);
    expect(passwordHashingStats().runs).toBe(before);

    const user = await t.createUser(['employee']);
    const elsewhere = await attempt(user.username, testPassword, '203.0.113.6');
    expect(elsewhere.statusCode).toBe(200);
  });

  it('runs at most the configured number of hashes at once, queues a few and refuses the rest with Retry-After', async () => {
    // The test holds both slots, so what the requests meet is known, not a matter of timing.
    const held: (() => void)[] = [];
    const holding = [1, 2].map(() => withPasswordSlot(() => new Promise<void>((resolve) => held.push(resolve))));
    expect(passwordHashingStats({ resetPeak: true })).toMatchObject({ active: 2, waiting: 0 });

    const user = await t.createUser(['employee']);
    const queued = [attempt(user.username, 'feil passord', '198.51.100.1'), attempt(randomUsername(), 'gjett', '198.51.100.2')];
    await expect.poll(() => passwordHashingStats().waiting).toBe(2);

    const refusedUnknown = await attempt(randomUsername(), 'gjett', '198.51.100.3');
    const refusedKnown = await attempt(user.username, testPassword, '198.51.100.4');
    for (const refused of [refusedUnknown, refusedKnown]) {
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.json()).toEqual({
        error: { code: 'rate_limited', message: 'For mange forsøk. Vent litt og prøv igjen.', details: null },
      });
    }

    for (const release of held) release();
    await Promise.all(holding);
    expect((await Promise.all(queued)).map((r) => r.statusCode)).toEqual([401, 401]);
    expect(passwordHashingStats().peak).toBe(2);

    // Many at once from many addresses: never more than two hashes run together.
    passwordHashingStats({ resetPeak: true });
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(randomUsername(), 'gjett', `192.0.2.${i + 1}`)));
    for (const response of burst) expect([401, 429]).toContain(response.statusCode);
    expect(passwordHashingStats().peak).toBeLessThanOrEqual(2);
    expect(passwordHashingStats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it('answers a wrong password, an unknown username and a disabled user alike, each after one verification', async () => {
    const user = await t.createUser(['employee']);
    const disabled = await t.createUser(['employee']);
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', disabled.id).execute();

    const answers = [];
    for (const [username, password, address] of [
      [user.username, 'feil passord', '192.0.2.101'],
      [randomUsername(), 'feil passord', '192.0.2.102'],
      [disabled.username, testPassword, '192.0.2.103'],
    ] as const) {
      const before = passwordHashingStats().runs;
      const response = await attempt(username, password, address);
      // The same work for each, so the time taken does not tell them apart either.
      expect(passwordHashingStats().runs - before).toBe(1);
      const { 'x-request-id': _id, date: _date, ...headers } = response.headers;
      answers.push({ status: response.statusCode, body: response.body, headers });
    }
    expect(answers[0]!.status).toBe(401);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});
