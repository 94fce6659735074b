// Bad input on /scim/v2: each refused with RFC 7644 §3.12's error body and scimType, nothing changed.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../../test/helpers/test-app.js';
import { expectScimError, groupSchema, patchOpSchema, scimClient, testScimToken, userSchema } from './scim-test-client.js';

const testApp = useTestApp({ env: { SCIM_TOKEN: testScimToken } });
const scim = scimClient(testApp);

async function createUser(userName: string): Promise<string> {
  const response = await scim('POST', '/Users', { schemas: [userSchema], userName });
  expect(response.status).toBe(201);
  return (response.body as { id: string }).id;
}

/** Runs a refused request and checks the audit log did not move. */
async function refusedWithoutChange(run: () => ReturnType<typeof scim>, status: number, scimType?: string): Promise<void> {
  const before = await testApp.auditCount();
  expectScimError(await run(), status, scimType);
  expect(await testApp.auditCount()).toBe(before);
}

describe('SCIM refusals', () => {
  it('refuses a missing, malformed or wrong token with a 401', async () => {
    const noToken = await testApp.knutepunkt.app.inject({ method: 'GET', url: '/scim/v2/Users' });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    expect(noToken.headers['www-authenticate']).toMatch(/^Bearer/);
    expectScimError(await scimClient(testApp, `${testScimToken}x`)('GET', '/Users'), 401);
    expectScimError(await scimClient(testApp, 'short')('POST', '/Users', { schemas: [userSchema], userName: 'x' }), 401);
    const basic = await testApp.knutepunkt.app.inject({
      method: 'GET',
      url: '/scim/v2/Users',
      headers: { authorization: `Basic ${testScimToken}` },
    });
    expect(basic.statusCode).toBe(401);
  });

  it.each([
    ['userName eq', 'no value'],
    ['userName eq "unterminated', 'open string'],
    ['userName xx "a"', 'unknown operator'],
    ['(userName eq "a"', 'open parenthesis'],
    ['shoeSize eq "44"', 'unknown attribute'],
    ['title eq "Rektor"', 'attribute not filterable'],
    ['userName co "a"', 'unsupported operator'],
    ['urn:example:custom:2.0:User:x eq "1"', 'unknown schema'],
  ])('refuses the filter %j (%s) with 400 invalidFilter', async (filter) => {
    expectScimError(await scim('GET', `/Users?filter=${encodeURIComponent(filter)}`), 400, 'invalidFilter');
  });

  it('refuses a count or startIndex that is no number', async () => {
    expectScimError(await scim('GET', '/Users?count=ten'), 400, 'invalidValue');
    expectScimError(await scim('GET', '/Groups?startIndex=1.5'), 400, 'invalidValue');
  });

  it('refuses unknown attributes in a body and a PATCH', async () => {
    await refusedWithoutChange(
      () => scim('POST', '/Users', { schemas: [userSchema], userName: 'unknown-attr', shoeSize: 44 }),
      400,
      'invalidSyntax',
    );
    await refusedWithoutChange(
      () =>
        scim('POST', '/Users', {
          schemas: [userSchema, 'urn:example:custom:2.0:User'],
          userName: 'x',
          'urn:example:custom:2.0:User': { a: 1 },
        }),
      400,
      'invalidSyntax',
    );
    const id = await createUser('patch-unknown');
    await refusedWithoutChange(
      () => scim('PATCH', `/Users/${id}`, { schemas: [patchOpSchema], Operations: [{ op: 'replace', path: 'shoeSize', value: 44 }] }),
      400,
      'invalidPath',
    );
    await refusedWithoutChange(
      () =>
        scim('PATCH', `/Users/${id}`, {
          schemas: [patchOpSchema],
          Operations: [{ op: 'replace', path: 'emails[type eq "work"', value: 'x' }],
        }),
      400,
      'invalidPath',
    );
    await refusedWithoutChange(
      () => scim('PATCH', `/Users/${id}`, { schemas: [patchOpSchema], Operations: [{ op: 'remove' }] }),
      400,
      'noTarget',
    );
    await refusedWithoutChange(
      () => scim('PATCH', `/Users/${id}`, { schemas: [patchOpSchema], Operations: [{ op: 'replace', path: 'id', value: 'x' }] }),
      400,
      'mutability',
    );
    await refusedWithoutChange(
      () => scim('PATCH', `/Users/${id}`, { schemas: [patchOpSchema], Operations: [{ op: 'replace', path: 'active', value: 'perhaps' }] }),
      400,
      'invalidValue',
    );
    // All or nothing: a good operation before a bad one is not kept.
    await refusedWithoutChange(
      () =>
        scim('PATCH', `/Users/${id}`, {
          schemas: [patchOpSchema],
          Operations: [
            { op: 'replace', path: 'displayName', value: 'Changed' },
            { op: 'replace', path: 'shoeSize', value: 44 },
          ],
        }),
      400,
      'invalidPath',
    );
    expect((await scim('GET', `/Users/${id}`)).body.displayName).toBe('patch-unknown');
  });

  it('refuses a duplicate userName, also in another case, with 409 uniqueness', async () => {
    await createUser('Duplicate.User@drammen.kommune.no');
    await refusedWithoutChange(
      () => scim('POST', '/Users', { schemas: [userSchema], userName: 'duplicate.user@DRAMMEN.kommune.no' }),
      409,
      'uniqueness',
    );
    const other = await createUser('other.user@drammen.kommune.no');
    await refusedWithoutChange(
      () =>
        scim('PATCH', `/Users/${other}`, {
          schemas: [patchOpSchema],
          Operations: [{ op: 'replace', path: 'userName', value: 'DUPLICATE.user@drammen.kommune.no' }],
        }),
      409,
      'uniqueness',
    );
    // A local password account (the break-glass administrator) is not SCIM's, and its name is taken.
    const local = await testApp.createUser(['administrator']);
    await refusedWithoutChange(() => scim('POST', '/Users', { schemas: [userSchema], userName: local.username }), 409, 'uniqueness');
    expectScimError(await scim('GET', `/Users/${local.id}`), 404);
  });

  it('answers a PATCH, PUT, GET or DELETE on a missing user with 404', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await refusedWithoutChange(
      () => scim('PATCH', `/Users/${missing}`, { schemas: [patchOpSchema], Operations: [{ op: 'replace', path: 'active', value: false }] }),
      404,
    );
    await refusedWithoutChange(() => scim('PUT', `/Users/${missing}`, { schemas: [userSchema], userName: 'x' }), 404);
    await refusedWithoutChange(() => scim('DELETE', '/Users/not-a-uuid'), 404);
    await refusedWithoutChange(
      () => scim('PATCH', `/Groups/${missing}`, { schemas: [patchOpSchema], Operations: [{ op: 'remove', path: 'members' }] }),
      404,
    );
  });

  it('refuses wrong JSON, a body that is no resource, and a wrong content type', async () => {
    await refusedWithoutChange(
      () => scim('POST', '/Users', '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": '),
      400,
      'invalidSyntax',
    );
    await refusedWithoutChange(() => scim('POST', '/Users', '[1, 2]'), 400, 'invalidSyntax');
    await refusedWithoutChange(() => scim('POST', '/Users', { userName: 'no-schemas' }), 400, 'invalidSyntax');
    await refusedWithoutChange(() => scim('POST', '/Users', { schemas: [userSchema], userName: 42 }), 400, 'invalidValue');
    await refusedWithoutChange(
      () => scim('POST', '/Users', { schemas: [userSchema], userName: 'x', emails: 'x@y.no' }),
      400,
      'invalidValue',
    );
    await refusedWithoutChange(
      () => scim('PATCH', '/Users/00000000-0000-4000-8000-000000000000', { Operations: 'all' }),
      400,
      'invalidSyntax',
    );
    const xml = await testApp.knutepunkt.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${testScimToken}`, 'content-type': 'application/xml' },
      payload: '<User/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json()).toMatchObject({ status: '415' });
    const badBytes = await testApp.knutepunkt.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${testScimToken}`, 'content-type': 'application/scim+json' },
      payload: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(badBytes.statusCode).toBe(400);
    expect(badBytes.json()).toMatchObject({ scimType: 'invalidSyntax' });
  });

  it('refuses group members that are no user, and a duplicate group name', async () => {
    await refusedWithoutChange(
      () =>
        scim('POST', '/Groups', {
          schemas: [groupSchema],
          displayName: 'Ghosts',
          members: [{ value: '00000000-0000-4000-8000-000000000001' }],
        }),
      400,
      'invalidValue',
    );
    expect((await scim('POST', '/Groups', { schemas: [groupSchema], displayName: 'Once' })).status).toBe(201);
    await refusedWithoutChange(() => scim('POST', '/Groups', { schemas: [groupSchema], displayName: 'ONCE' }), 409, 'uniqueness');
  });

  it('answers an unknown path or method under /scim/v2 with a SCIM 404, never the web app or the kernel shape', async () => {
    expectScimError(await scim('GET', '/Widgets'), 404);
    expectScimError(await scim('GET', '/'), 404);
    const wrongMethod = await scim('DELETE', '/ServiceProviderConfig');
    expect(wrongMethod.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'] });
  });
});
