import { describe, expect, it } from 'vitest';
import { useTestApp, testPassword } from '../../../test/helpers/test-app.js';

// With the municipality's sign-in in place, passwords are for the break-glass administrator only.
const t = useTestApp({ env: { PASSWORD_SIGN_IN: 'break-glass' } });

const signIn = (username: string, password = testPassword) =>
  t.knutepunkt.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, headers: { 'accept-language': 'nb' } });

describe('[IDENTITY][BREAK_GLASS]', () => {
  it('lets a local administrator account sign in with a password, and records it in the sign-in history', async () => {
    const admin = await t.createUser(['administrator']);
    expect((await signIn(admin.username)).statusCode).toBe(200);
    const events = await t.database.db.selectFrom('sign_in_events').selectAll().where('user_id', '=', admin.id).execute();
    expect(events).toEqual([expect.objectContaining({ method: 'password', outcome: 'success', ip: '127.0.0.1' })]);
  });

  it('refuses everyone else with a message that points to the municipality’s sign-in, and starts no session', async () => {
    const leader = await t.createUser(['leader']);
    const response = await signIn(leader.username);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      error: { code: 'forbidden', message: expect.stringMatching(/Innlogging med passord er slått av/) },
    });
    expect(response.cookies.find((c) => c.name === 'kp_session')).toBeUndefined();
    const sessions = await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', leader.id).execute();
    expect(sessions).toEqual([]);
    const events = await t.database.db.selectFrom('sign_in_events').selectAll().where('user_id', '=', leader.id).execute();
    expect(events).toEqual([expect.objectContaining({ outcome: 'refused', reason: 'password_sign_in_closed' })]);
  });

  it('records a wrong password as refused without saying which part was wrong', async () => {
    const admin = await t.createUser(['administrator']);
    const response = await signIn(admin.username, 'wrong-password-1');
    expect(response.statusCode).toBe(401);
    const events = await t.database.db.selectFrom('sign_in_events').selectAll().where('user_id', '=', admin.id).execute();
    expect(events).toEqual([expect.objectContaining({ outcome: 'refused', reason: 'invalid_credentials' })]);
  });
});
