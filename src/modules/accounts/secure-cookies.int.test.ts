import { describe, expect, it } from 'vitest';
import { testPassword, useTestApp } from '../../../test/helpers/test-app.js';

// Behind HTTPS (PUBLIC_URL https://…), the session cookie must never travel over plain HTTP.
const t = useTestApp({ env: { PUBLIC_URL: 'https://knutepunkt.drammen.example', TRUST_PROXY: 'true' } });

describe('[ANYONE][SIGN_IN] behind HTTPS', () => {
  it('marks the session cookie Secure, httpOnly and SameSite', async () => {
    const user = await t.createUser(['employee']);
    const response = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: user.username, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'kp_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });
});
