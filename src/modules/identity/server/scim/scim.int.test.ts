// SCIM 2.0 conformance, from RFC 7644's own examples: create, get, list and filter, replace, patch,
// delete, and groups with members. The Entra ID sequence is in scim-entra.int.test.ts.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../../test/helpers/test-app.js';
import {
  enterpriseSchema,
  expectScimError,
  groupSchema,
  patchOpSchema,
  scimClient,
  testScimToken,
  userSchema,
} from './scim-test-client.js';

const testApp = useTestApp({ env: { SCIM_TOKEN: testScimToken, PUBLIC_URL: 'https://knutepunkt.example.no' } });
const scim = scimClient(testApp);

/** RFC 7644 §3.3's example user, Barbara Jensen. */
function bjensen(userName = 'bjensen', externalId = 'bjensen') {
  return {
    schemas: [userSchema],
    userName,
    externalId,
    name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
    emails: [{ value: `${userName}@example.com`, type: 'work', primary: true }],
  };
}

async function createUser(userName: string, extra: Record<string, unknown> = {}) {
  const response = await scim('POST', '/Users', { ...bjensen(userName, `ext-${userName}`), ...extra });
  expect(response.status).toBe(201);
  return response.body as { id: string; meta: { version: string } };
}

describe('SCIM discovery', () => {
  it('tells what it supports: PATCH and filters, no bulk or sort, a bearer token', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(config.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      sort: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
    });
    const types = await scim('GET', '/ResourceTypes');
    expect((types.body.Resources as { id: string }[]).map((t) => t.id)).toEqual(['User', 'Group']);
    const schemas = await scim('GET', '/Schemas');
    expect((schemas.body.Resources as { id: string }[]).map((s) => s.id)).toEqual([userSchema, enterpriseSchema, groupSchema]);
    expect((await scim('GET', `/Schemas/${enterpriseSchema}`)).status).toBe(200);
  });
});

describe('SCIM Users (RFC 7644 §3.3–3.6)', () => {
  it('creates a user: 201, Location, ETag, meta, audited as the SCIM client', async () => {
    const response = await scim('POST', '/Users', bjensen());
    expect(response.status).toBe(201);
    const user = response.body as { id: string; meta: Record<string, string> };
    expect(response.headers.location).toBe(`https://knutepunkt.example.no/scim/v2/Users/${user.id}`);
    expect(response.headers.etag).toBe(user.meta.version);
    expect(response.body).toMatchObject({
      schemas: [userSchema],
      userName: 'bjensen',
      externalId: 'bjensen',
      displayName: 'Ms. Barbara J Jensen III',
      active: true,
      emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
      meta: { resourceType: 'User', location: response.headers.location, version: 'W/"1"' },
    });

    const stored = await testApp.database.db
      .selectFrom('users')
      .select(['username', 'display_name', 'email', 'external_id', 'source', 'password_hash', 'disabled_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      username: 'bjensen',
      display_name: 'Ms. Barbara J Jensen III',
      email: 'bjensen@example.com',
      external_id: 'bjensen',
      source: 'scim',
      password_hash: null,
      disabled_at: null,
    });
    const audit = await testApp.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'actor_user_id'])
      .where('entity_id', '=', user.id)
      .execute();
    expect(audit).toEqual([{ action: 'scim_create', actor_name: 'SCIM (Entra ID)', actor_user_id: null }]);
  });

  it('gets a user by id, with its ETag', async () => {
    const created = await createUser('get-me');
    const response = await scim('GET', `/Users/${created.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: created.id, userName: 'get-me' });
    expect(response.headers.etag).toBe('W/"1"');
  });

  it('lists and filters users: userName (without case), externalId, id, work e-mail, and', async () => {
    const anna = await createUser('anna.filter', {
      [enterpriseSchema]: { employeeNumber: 'F-1' },
      schemas: [userSchema, enterpriseSchema],
    });
    await createUser('berit.filter');
    const ids = async (filter: string) => {
      const response = await scim('GET', `/Users?filter=${encodeURIComponent(filter)}`);
      expect(response.status).toBe(200);
      expect(response.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:ListResponse']);
      return (response.body.Resources as { id: string }[]).map((r) => r.id);
    };
    expect(await ids('userName eq "ANNA.FILTER"')).toEqual([anna.id]);
    expect(await ids('externalId eq "ext-anna.filter"')).toEqual([anna.id]);
    expect(await ids('externalId eq "EXT-ANNA.FILTER"')).toEqual([]);
    expect(await ids(`id eq "${anna.id}"`)).toEqual([anna.id]);
    expect(await ids('emails[type eq "work"].value eq "anna.filter@example.com"')).toEqual([anna.id]);
    expect(await ids(`${enterpriseSchema}:employeeNumber eq "F-1"`)).toEqual([anna.id]);
    expect(await ids('userName eq "anna.filter" and externalId eq "ext-berit.filter"')).toEqual([]);
    expect(await ids('id eq "not-a-uuid"')).toEqual([]);
  });

  it('pages with startIndex and count', async () => {
    for (const name of ['page-1', 'page-2', 'page-3']) await createUser(name);
    const all = await scim('GET', '/Users?count=200');
    const total = all.body.totalResults as number;
    expect(total).toBeGreaterThanOrEqual(3);
    const page = await scim('GET', '/Users?startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: total, startIndex: 2, itemsPerPage: 2 });
    expect((page.body.Resources as { id: string }[]).map((r) => r.id)).toEqual(
      (all.body.Resources as { id: string }[]).slice(1, 3).map((r) => r.id),
    );
    const none = await scim('GET', '/Users?count=0');
    expect(none.body).toMatchObject({ totalResults: total, itemsPerPage: 0, Resources: [] });
  });

  it('replaces a user with PUT (RFC 7644 §3.5.1): what is left out is cleared', async () => {
    const created = await createUser('put-me');
    const response = await scim('PUT', `/Users/${created.id}`, {
      schemas: [userSchema],
      id: created.id,
      userName: 'put-me',
      displayName: 'Babs Jensen',
      active: true,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ displayName: 'Babs Jensen', meta: { version: 'W/"2"' } });
    expect(response.body).not.toHaveProperty('emails');
    expect(response.body).not.toHaveProperty('externalId');
  });

  it('patches a user: add, replace and remove (RFC 7644 §3.5.2)', async () => {
    const created = await createUser('patch-me');
    const response = await scim('PATCH', `/Users/${created.id}`, {
      schemas: [patchOpSchema],
      Operations: [
        { op: 'add', path: 'emails', value: [{ value: 'babs@jensen.org', type: 'work' }] },
        { op: 'replace', path: 'displayName', value: 'Babs' },
        { op: 'add', path: `${enterpriseSchema}:employeeNumber`, value: 'P-77' },
        { op: 'remove', path: 'externalId' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      schemas: [userSchema, enterpriseSchema],
      displayName: 'Babs',
      emails: [{ value: 'babs@jensen.org' }],
      [enterpriseSchema]: { employeeNumber: 'P-77' },
    });
    expect(response.body).not.toHaveProperty('externalId');
    const audit = await testApp.database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_id', '=', created.id)
      .where('action', '=', 'scim_update')
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ displayName: 'Babs', email: 'babs@jensen.org', externalId: null, employeeNumber: 'P-77' });

    // The same PATCH again changes nothing: no new version, no audit entry.
    const again = await scim('PATCH', `/Users/${created.id}`, {
      schemas: [patchOpSchema],
      Operations: [{ op: 'replace', path: 'displayName', value: 'Babs' }],
    });
    expect(again.body).toMatchObject({ meta: { version: response.body.meta && (response.body.meta as { version: string }).version } });
  });

  it('honours If-Match: another version is a 412', async () => {
    const created = await createUser('etag-me');
    const stale = await scim(
      'PATCH',
      `/Users/${created.id}`,
      { schemas: [patchOpSchema], Operations: [{ op: 'replace', path: 'displayName', value: 'X' }] },
      { 'if-match': 'W/"7"' },
    );
    expectScimError(stale, 412);
    const fresh = await scim(
      'PATCH',
      `/Users/${created.id}`,
      { schemas: [patchOpSchema], Operations: [{ op: 'replace', path: 'displayName', value: 'X' }] },
      { 'if-match': created.meta.version },
    );
    expect(fresh.status).toBe(200);
  });

  it('deletes a user: 204, then 404; the row stays disabled for the audit trail; the userName comes back on the same row', async () => {
    const created = await createUser('delete-me');
    expect((await scim('DELETE', `/Users/${created.id}`)).status).toBe(204);
    expectScimError(await scim('GET', `/Users/${created.id}`), 404);
    expectScimError(await scim('DELETE', `/Users/${created.id}`), 404);
    const filtered = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "delete-me"')}`);
    expect(filtered.body.totalResults).toBe(0);

    const row = await testApp.database.db
      .selectFrom('users')
      .select(['disabled_at', 'disabled_reason'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.disabled_at).not.toBeNull();
    expect(row.disabled_reason).toBe('scim_deleted');

    const again = await scim('POST', '/Users', bjensen('delete-me', 'ext-delete-me'));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: created.id, active: true });
  });

  it('takes application/json as well as application/scim+json, and answers in the type asked for', async () => {
    const response = await testApp.knutepunkt.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${testScimToken}`, 'content-type': 'application/json', accept: 'application/json' },
      payload: JSON.stringify(bjensen('plain-json', 'plain-json')),
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('SCIM Groups', () => {
  it('creates a group with members, filters it by displayName, patches members and name, and deletes it', async () => {
    const a = await createUser('group-a');
    const b = await createUser('group-b');
    const c = await createUser('group-c');
    const created = await scim('POST', '/Groups', {
      schemas: [groupSchema],
      displayName: 'Tour Guides',
      externalId: 'tg-1',
      members: [{ value: a.id, display: 'A' }, { value: b.id }],
    });
    expect(created.status).toBe(201);
    const group = created.body as { id: string; members: { value: string }[] };
    expect(group.members.map((m) => m.value).sort()).toEqual([a.id, b.id].sort());
    expect(created.body).toMatchObject({ schemas: [groupSchema], displayName: 'Tour Guides', meta: { resourceType: 'Group' } });

    const found = await scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "tour guides"')}&excludedAttributes=members`);
    expect(found.body.totalResults).toBe(1);
    expect((found.body.Resources as Record<string, unknown>[])[0]).not.toHaveProperty('members');
    const byMember = await scim('GET', `/Groups?filter=${encodeURIComponent(`id eq "${group.id}" and members[value eq "${a.id}"]`)}`);
    expect(byMember.body.totalResults).toBe(1);

    const patched = await scim('PATCH', `/Groups/${group.id}`, {
      schemas: [patchOpSchema],
      Operations: [
        { op: 'add', path: 'members', value: [{ value: c.id }] },
        { op: 'remove', path: `members[value eq "${a.id}"]` },
        { op: 'replace', path: 'displayName', value: 'Guides' },
      ],
    });
    expect(patched.status).toBe(204);
    const after = await scim('GET', `/Groups/${group.id}`);
    expect(after.body).toMatchObject({ displayName: 'Guides', meta: { version: 'W/"2"' } });
    expect((after.body.members as { value: string }[]).map((m) => m.value).sort()).toEqual([b.id, c.id].sort());

    const replaced = await scim('PUT', `/Groups/${group.id}`, { schemas: [groupSchema], displayName: 'Guides', members: [] });
    expect(replaced.body.members).toEqual([]);

    expect((await scim('DELETE', `/Groups/${group.id}`)).status).toBe(204);
    expectScimError(await scim('GET', `/Groups/${group.id}`), 404);
  });

  it('drops a deleted user from its groups', async () => {
    const member = await createUser('leaving-member');
    const created = await scim('POST', '/Groups', { schemas: [groupSchema], displayName: 'Leavers', members: [{ value: member.id }] });
    await scim('DELETE', `/Users/${member.id}`);
    const group = await scim('GET', `/Groups/${(created.body as { id: string }).id}`);
    expect(group.body.members).toEqual([]);
  });
});
