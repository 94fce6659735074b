// Without SCIM_TOKEN the endpoint is closed, and says why.
import { expect, it } from 'vitest';
import { useTestApp } from '../../../../../test/helpers/test-app.js';
import { expectScimError, scimClient, testScimToken, userSchema } from './scim-test-client.js';

const testApp = useTestApp();

it('refuses every SCIM request with a 401 explaining that SCIM_TOKEN is not set', async () => {
  const scim = scimClient(testApp, testScimToken);
  for (const response of [
    await scim('GET', '/Users'),
    await scim('POST', '/Users', { schemas: [userSchema], userName: 'x' }),
    await scim('GET', '/ServiceProviderConfig'),
  ]) {
    expectScimError(response, 401);
    expect(response.body.detail).toMatch(/SCIM_TOKEN/);
  }
});
