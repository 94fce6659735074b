import { describe, expect, it } from 'vitest';
import { resolveRoleOrigins, rolesOf } from '../../../kernel/index.js';
import { useTestApp } from '../../../../test/helpers/test-app.js';

// Roles follow dated positions, the first-line desk and the board seat; manual grants end on their
// date; the provider's groups give roles through the administrators' mapping. Each origin is named.
const t = useTestApp();
const db = () => t.database.db;

async function post(headers: Record<string, string>, url: string, payload: unknown): Promise<{ id: string; revision: number }> {
  const response = await t.knutepunkt.app.inject({ method: 'POST', url, headers, payload: payload as object });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; revision: number };
}

const positionId = async (key: string) =>
  (await db()
    .selectFrom('org_positions' as never)
    .select('id' as never)
    .where('key' as never, '=', key as never)
    .executeTakeFirstOrThrow()) as {
    id: string;
  };

/** A user linked to a new person who holds `positionKey` from `from` to `to` (exclusive). */
async function personInPosition(positionKey: string, from: string, to: string | null) {
  const admin = await t.signInAs(['administrator']);
  const user = await t.createUser([]);
  const person = await post(admin.headers, '/api/organisation/people', { name: `Person ${user.username}`, key: `hr-${user.username}` });
  const assignment = await post(admin.headers, '/api/organisation/assignments', {
    personId: person.id,
    positionId: (await positionId(positionKey)).id,
    validFrom: from,
    ...(to ? { validTo: to } : {}),
  });
  const link = await t.knutepunkt.app.inject({
    method: 'PUT',
    url: `/api/organisation/user-links/${user.id}`,
    headers: admin.headers,
    payload: { personId: person.id },
  });
  expect(link.statusCode).toBe(200);
  return { admin, user, person, assignment };
}

describe('[IDENTITY][ROLES_FOLLOW_POSITIONS]', () => {
  it('gives the leader role on the days a leader position is held, and takes it away the day it ends', async () => {
    const { user } = await personInPosition('leder-skole-aronslokka', '2024-08-01', '2025-08-01');
    const before = await resolveRoleOrigins(db(), user.id, '2024-07-31');
    const first = await resolveRoleOrigins(db(), user.id, '2024-08-01');
    const last = await resolveRoleOrigins(db(), user.id, '2025-07-31');
    const after = await resolveRoleOrigins(db(), user.id, '2025-08-01');
    expect(rolesOf(before)).toEqual([]);
    expect(rolesOf(first)).toEqual(['leader']);
    expect(first).toEqual([
      { role: 'leader', kind: 'position', label: expect.stringMatching(/^Leder: rektor, Aronsløkka skole$/), validTo: '2025-08-01' },
    ]);
    expect(rolesOf(last)).toEqual(['leader']);
    expect(rolesOf(after)).toEqual([]);
  });

  it('ends the leader role of a signed-in leader without a new sign-in when the assignment is ended', async () => {
    const admin = await t.signInAs(['administrator']);
    const { user, assignment } = await personInPosition('leder-skole-aronslokka', '2020-01-01', null);
    const signIn = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: user.username, password: 'test-password-123' },
    });
    expect(signIn.statusCode).toBe(200);
    expect((signIn.json() as { user: { roles: string[] } }).user.roles).toEqual(['leader']);
    const cookie = `kp_session=${signIn.cookies.find((c) => c.name === 'kp_session')!.value}`;

    // Ended from yesterday's point of view: today is the first day without it.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
    const ended = await t.knutepunkt.app.inject({
      method: 'POST',
      url: `/api/organisation/assignments/${assignment.id}/end`,
      headers: admin.headers,
      payload: { revision: assignment.revision, validTo: today },
    });
    expect(ended.statusCode).toBe(200);
    const session = await t.knutepunkt.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect((session.json() as { user: { roles: string[]; permissions: string[] } }).user).toMatchObject({ roles: [], permissions: [] });
  });

  it('finds users in the user list by a role that comes from their position, as their page shows', async () => {
    const { admin, user } = await personInPosition('leder-skole-aronslokka', '2020-01-01', null);
    const list = await t.knutepunkt.app.inject({
      method: 'GET',
      url: `/api/identity/users?role=leader&q=${encodeURIComponent(user.username)}`,
      headers: admin.headers,
    });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { users: { id: string; roles: string[] }[] }).users).toEqual([
      expect.objectContaining({ id: user.id, roles: ['leader'] }),
    ]);
    const analysts = await t.knutepunkt.app.inject({
      method: 'GET',
      url: `/api/identity/users?role=analyst&q=${encodeURIComponent(user.username)}`,
      headers: admin.headers,
    });
    expect((analysts.json() as { users: unknown[] }).users).toEqual([]);
  });

  it('makes a holder of a position in «1.linje til ledere» a first-line agent (its leader also a leader)', async () => {
    const { user } = await personInPosition('leder-forstelinje-til-ledere', '2023-01-01', null);
    const origins = await resolveRoleOrigins(db(), user.id, '2024-01-01');
    expect(rolesOf(origins)).toEqual(['leader', 'first_line_agent']);
    expect(origins.find((o) => o.kind === 'desk')).toMatchObject({
      role: 'first_line_agent',
      label: expect.stringContaining('1.linje til ledere'),
    });
  });

  it('gives the board role for the days of a seat on the portfolio board', async () => {
    const { admin, user, person } = await personInPosition('leder-skole-aronslokka', '2023-01-01', null);
    await post(admin.headers, '/api/portfolio/board/members', { person: person.id, validFrom: '2024-01-01', validTo: '2025-01-01' });
    expect(rolesOf(await resolveRoleOrigins(db(), user.id, '2023-12-31'))).toEqual(['leader']);
    expect(rolesOf(await resolveRoleOrigins(db(), user.id, '2024-06-01'))).toEqual(['leader', 'portfolio_board_member']);
    expect(rolesOf(await resolveRoleOrigins(db(), user.id, '2025-01-01'))).toEqual(['leader']);
    const overlapping = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/portfolio/board/members',
      headers: admin.headers,
      payload: { person: person.id, validFrom: '2024-06-01' },
    });
    expect(overlapping.statusCode).toBe(409);
  });
});

describe('[IDENTITY][KEPT_ROLES]', () => {
  it('sees on the next request a change made outside this process (straight in the database), though roles are kept between requests', async () => {
    const signedIn = await t.signInAs(['analyst']);
    const roles = async () =>
      (
        (await t.knutepunkt.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: signedIn.cookie } })).json() as {
          user: { roles: string[] };
        }
      ).user.roles;
    expect(await roles()).toEqual(['analyst']);
    expect(await roles()).toEqual(['analyst']);
    // Another process (or an operator) writes; this process is not told, only the counter moves.
    await db()
      .updateTable('users')
      .set({ roles: ['organisation_editor'] })
      .where('id', '=', signedIn.userId)
      .execute();
    expect(await roles()).toEqual(['organisation_editor']);
    await db()
      .insertInto('role_grants')
      .values({
        user_id: signedIn.userId,
        role: 'analyst',
        reason: 'Vikar',
        valid_to: null,
        granted_by: null,
        revoked_at: null,
        revoked_by: null,
      })
      .execute();
    expect(await roles()).toEqual(['organisation_editor', 'analyst']);
    await db().updateTable('role_grants').set({ revoked_at: new Date() }).where('user_id', '=', signedIn.userId).execute();
    expect(await roles()).toEqual(['organisation_editor']);
  });
});

describe('[IDENTITY][MANUAL_AND_GROUP_ROLES]', () => {
  it('keeps a manual grant to its end date and names its reason; a revoked grant gives nothing', async () => {
    const user = await t.createUser([]);
    await db()
      .insertInto('role_grants')
      .values([
        {
          user_id: user.id,
          role: 'analyst',
          reason: 'Vikar for analysesjefen',
          valid_to: '2026-01-01',
          granted_by: null,
          revoked_at: null,
          revoked_by: null,
        },
        {
          user_id: user.id,
          role: 'administrator',
          reason: 'Feil',
          valid_to: null,
          granted_by: null,
          revoked_at: new Date(),
          revoked_by: null,
        },
      ])
      .execute();
    expect(await resolveRoleOrigins(db(), user.id, '2025-12-31')).toEqual([
      { role: 'analyst', kind: 'manual', label: 'Manuell: Vikar for analysesjefen', validTo: '2026-01-01' },
    ]);
    expect(await resolveRoleOrigins(db(), user.id, '2026-01-01')).toEqual([]);
  });

  it('maps the provider’s groups (sign-in claim or SCIM group) to roles, whatever the case', async () => {
    const user = await t.createUser([]);
    await db()
      .updateTable('users')
      .set({ groups: ['KP-Analytikere'] })
      .where('id', '=', user.id)
      .execute();
    await db()
      .insertInto('group_role_mappings' as never)
      .values([
        { group_name: 'kp-analytikere', role: 'analyst' },
        { group_name: 'KP-Styret', role: 'portfolio_board_member' },
      ] as never)
      .execute();
    expect(await resolveRoleOrigins(db(), user.id, '2025-01-01')).toEqual([
      { role: 'analyst', kind: 'group', label: 'Gruppe: kp-analytikere', validTo: null },
    ]);
    const group = (await db()
      .insertInto('scim_groups' as never)
      .values({ display_name: 'kp-styret' } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow()) as { id: string };
    await db()
      .insertInto('scim_group_members' as never)
      .values({ group_id: group.id, user_id: user.id } as never)
      .execute();
    expect(rolesOf(await resolveRoleOrigins(db(), user.id, '2025-01-01'))).toEqual(['analyst', 'portfolio_board_member']);
  });

  it('keeps the account’s own roles, named as such', async () => {
    const user = await t.createUser(['administrator']);
    expect(await resolveRoleOrigins(db(), user.id, '2025-01-01')).toEqual([
      { role: 'administrator', kind: 'account', label: 'Kontoens egen rolle', validTo: null },
    ]);
  });
});
