// The requests Microsoft Entra ID's provisioning service sends, as Microsoft documents them
// ("Tutorial: Develop and plan provisioning for a SCIM endpoint", "Known issues … SCIM 2.0
// protocol compliance"): the probe, a create, PATCHes with "Replace"/"Add" and string booleans,
// a pathless PATCH keyed by URN, then deactivation that ends every session at once.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSession, hashPassword } from '../../../../kernel/index.js';
import { testPassword, useTestApp } from '../../../../../test/helpers/test-app.js';
import {
  enterpriseSchema,
  expectScimError,
  groupSchema,
  patchOpSchema,
  scimClient,
  testScimToken,
  userSchema,
} from './scim-test-client.js';

const testApp = useTestApp({ env: { SCIM_TOKEN: testScimToken } });
const scim = scimClient(testApp);
// Entra ID appends this to the tenant URL to get the 2020 behaviour; the endpoint accepts it on every request.
const flag = '?aadOptscim062020';

async function sessionUser(cookie: string): Promise<unknown> {
  const response = await testApp.knutepunkt.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  return (response.json() as { user: unknown }).user;
}

describe('Microsoft Entra ID provisioning', () => {
  it('answers the connection test (a filter on a random userName) with an empty list', async () => {
    const probe = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${randomUUID()}"`)}`);
    expect(probe.status).toBe(200);
    expect(probe.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
    const flagged = await scim('GET', `/Users${flag}&filter=${encodeURIComponent(`userName eq "${randomUUID()}"`)}`);
    expect(flagged.body.totalResults).toBe(0);
  });

  it('creates, updates and deactivates a user the way Entra ID does; deactivation ends sessions and refuses sign-in', async () => {
    // The organisation already knows the person by their employee number (the HR key).
    const person = await testApp.database.db
      .insertInto('org_people' as never)
      .values({ key: 'E-4711', name: 'Kari Nordmann' } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow();
    const personId = (person as { id: string }).id;

    const objectId = randomUUID();
    const created = await scim('POST', `/Users${flag}`, {
      schemas: [userSchema, enterpriseSchema],
      externalId: objectId,
      userName: 'kari.nordmann@drammen.kommune.no',
      active: true,
      displayName: 'Kari Nordmann',
      emails: [{ primary: true, type: 'work', value: 'kari.nordmann@drammen.kommune.no' }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Kari Nordmann', familyName: 'Nordmann', givenName: 'Kari' },
      title: 'Rektor',
      roles: [],
      [enterpriseSchema]: { employeeNumber: 'E-4711', department: 'Aronsløkka skole' },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const link = await testApp.database.db
      .selectFrom('org_user_people' as never)
      .select('person_id' as never)
      .where('user_id' as never, '=', id as never)
      .executeTakeFirst();
    expect(link).toEqual({ person_id: personId });

    // Entra ID looks the user up by externalId and by userName before it writes.
    const byExternalId = await scim('GET', `/Users?filter=${encodeURIComponent(`externalId eq "${objectId}"`)}`);
    expect((byExternalId.body.Resources as { id: string }[]).map((r) => r.id)).toEqual([id]);

    // Without the 2020 flag: "Replace"/"Add" capitalised, a work e-mail path, booleans as strings.
    const renamed = await scim('PATCH', `/Users/${id}`, {
      schemas: [patchOpSchema],
      Operations: [
        { op: 'Replace', path: 'displayName', value: 'Kari Nordmann Hansen' },
        { op: 'Add', path: 'emails[type eq "work"].value', value: 'kari.hansen@drammen.kommune.no' },
        { op: 'Replace', path: 'name.familyName', value: 'Hansen' },
        { op: 'Replace', path: 'title', value: 'Rektor og leder' },
      ],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ displayName: 'Kari Nordmann Hansen', emails: [{ value: 'kari.hansen@drammen.kommune.no' }] });

    // A pathless PATCH whose value holds attributes, the enterprise one by its full URN.
    const pathless = await scim('PATCH', `/Users/${id}${flag}`, {
      schemas: [patchOpSchema],
      Operations: [
        {
          op: 'replace',
          value: {
            [`${enterpriseSchema}:employeeNumber`]: 'E-4711',
            'name.givenName': 'Kari',
            externalId: objectId,
          },
        },
      ],
    });
    expect(pathless.status).toBe(200);

    // The user signs in (a session as OIDC or a password would give) and has a password for the break-glass path.
    await testApp.database.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(testPassword) })
      .where('id', '=', id)
      .execute();
    const session = await createSession(testApp.database.db, id, 8);
    const cookie = `kp_session=${session.token}`;
    expect(await sessionUser(cookie)).toMatchObject({ id });

    // Deactivation as Entra ID sends it without the flag: "Replace", path active, the string "False".
    const deactivated = await scim('PATCH', `/Users/${id}`, {
      schemas: [patchOpSchema],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ active: false });

    expect(await sessionUser(cookie)).toBeNull();
    const sessions = await testApp.database.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute();
    expect(sessions).toEqual([]);
    const passwordSignIn = await testApp.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'kari.nordmann@drammen.kommune.no', password: testPassword },
    });
    expect(passwordSignIn.statusCode).toBe(401);
    const row = await testApp.database.db
      .selectFrom('users')
      .select(['disabled_at', 'disabled_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.disabled_reason).toBe('scim_inactive');

    const audit = await testApp.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['scim_create', 'link', 'scim_update', 'scim_update', 'disable']);
    expect(new Set(audit.map((a) => a.actor_name))).toEqual(new Set(['SCIM (Entra ID)']));

    // Reactivated with the 2020 behaviour's boolean.
    const reactivated = await scim('PATCH', `/Users/${id}${flag}`, {
      schemas: [patchOpSchema],
      Operations: [{ op: 'replace', path: 'active', value: true }],
    });
    expect(reactivated.body).toMatchObject({ active: true });

    // Soft-deleted in Entra ID, then hard-deleted after 30 days: DELETE.
    expect((await scim('DELETE', `/Users/${id}`)).status).toBe(204);
    expectScimError(await scim('GET', `/Users/${id}`), 404);
  });

  it('provisions a group the way Entra ID does: create, add members, remove one by value, rename without a path', async () => {
    const ids: string[] = [];
    for (const name of ['g1', 'g2']) {
      const response = await scim('POST', '/Users', {
        schemas: [userSchema],
        userName: `${name}@drammen.kommune.no`,
        externalId: randomUUID(),
        active: true,
      });
      ids.push((response.body as { id: string }).id);
    }
    const created = await scim('POST', '/Groups', {
      schemas: [groupSchema],
      externalId: randomUUID(),
      displayName: 'KP-Ledere',
      meta: { resourceType: 'Group' },
      members: [],
    });
    expect(created.status).toBe(201);
    const groupId = (created.body as { id: string }).id;

    const lookup = await scim('GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "KP-Ledere"')}`);
    expect((lookup.body.Resources as { id: string }[]).map((g) => g.id)).toEqual([groupId]);

    const add = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [patchOpSchema],
      Operations: [{ op: 'Add', path: 'members', value: ids.map((value) => ({ value })) }],
    });
    expect(add.status).toBe(204);
    const remove = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [patchOpSchema],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: ids[0] }] }],
    });
    expect(remove.status).toBe(204);
    const rename = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: [patchOpSchema],
      Operations: [{ op: 'Replace', value: { id: groupId, displayName: 'KP-Rektorer' } }],
    });
    expect(rename.status).toBe(204);

    const group = await scim('GET', `/Groups/${groupId}`);
    expect(group.body).toMatchObject({ displayName: 'KP-Rektorer', members: [{ value: ids[1] }] });
    const membership = await testApp.database.db
      .selectFrom('scim_group_members' as never)
      .selectAll()
      .execute();
    expect(membership).toEqual([{ group_id: groupId, user_id: ids[1] }]);
  });
});
