import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { EditorAreas, MyOrganisation, UserLink } from './access.schemas.js';

const t = useTestApp();
const day = '2024-01-01';

const inject = (user: SignedIn, method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.knutepunkt.app.inject({ method, url, headers: user.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

const idOf = async (table: 'org_units' | 'org_positions', key: string) =>
  (
    (await t.database.db
      .selectFrom(table as never)
      .select('id' as never)
      .where('key' as never, '=', key as never)
      .executeTakeFirstOrThrow()) as { id: string }
  ).id;

const revisionOf = async (id: string) =>
  (
    (await t.database.db
      .selectFrom('org_units' as never)
      .select('revision' as never)
      .where('id' as never, '=', id as never)
      .executeTakeFirstOrThrow()) as { revision: number }
  ).revision;

const nameOn = async (unitId: string, date: string) => {
  const response = await t.knutepunkt.app.inject({
    url: `/api/organisation/units/${unitId}?date=${date}`,
    headers: (await t.signInAs(['employee'])).headers,
  });
  return (response.json() as { name: string }).name;
};

/** A person in a position from `day`, created through the API as an organisation editor would. */
async function personIn(admin: SignedIn, positionKey: string, name: string): Promise<string> {
  const person = await inject(admin, 'POST', '/api/organisation/people', { name });
  expect(person.statusCode).toBe(201);
  const { id } = person.json() as { id: string };
  const assigned = await inject(admin, 'POST', '/api/organisation/assignments', {
    personId: id,
    positionId: await idOf('org_positions', positionKey),
    validFrom: day,
  });
  expect(assigned.statusCode).toBe(201);
  return id;
}

describe('[ADMINISTRATOR][LINK_USER_TO_PERSON]', () => {
  it('makes a sign-in the principal of a school: /me shows the position, the school and the areas above it', async () => {
    const admin = await t.signInAs(['administrator']);
    const leader = await t.signInAs(['leader']);
    const before = (await inject(leader, 'GET', `/api/organisation/me?date=${day}`)).json() as MyOrganisation;
    expect(before).toMatchObject({ person: null, positions: [], editorAreas: [] });

    const personId = await personIn(admin, 'leder-skole-aronslokka', 'Rektor Testesen');
    const audits = await t.auditCount();
    const linked = await inject(admin, 'PUT', `/api/organisation/user-links/${leader.userId}`, { personId });
    expect(linked.statusCode).toBe(200);
    expect((linked.json() as UserLink).person).toEqual({ id: personId, name: 'Rektor Testesen' });
    expect(await t.auditCount()).toBe(audits + 1);

    const me = (await inject(leader, 'GET', `/api/organisation/me?date=${day}`)).json() as MyOrganisation;
    expect(me.person).toEqual({ id: personId, name: 'Rektor Testesen' });
    expect(me.positions).toHaveLength(1);
    expect(me.positions[0]).toMatchObject({ title: 'rektor', leads: true, unit: { name: 'Aronsløkka skole', level: 3 } });
    expect(me.positions[0]!.above.map((u) => u.kind)).toEqual(['service_area', 'director_area', 'leadership_team']);
    // Before the person started, the same sign-in holds nothing.
    const earlier = (await inject(leader, 'GET', '/api/organisation/me?date=2020-01-01')).json() as MyOrganisation;
    expect(earlier.positions).toEqual([]);
  });

  it('refuses a person already linked to another sign-in, an unknown person, and anyone but an administrator', async () => {
    const admin = await t.signInAs(['administrator']);
    const first = await t.signInAs(['leader']);
    const second = await t.signInAs(['leader']);
    const personId = await personIn(admin, 'leder-skole-brandengen', 'Rektor Toppesen');
    expect((await inject(admin, 'PUT', `/api/organisation/user-links/${first.userId}`, { personId })).statusCode).toBe(200);

    const editor = await t.signInAs(['organisation_editor']);
    const audits = await t.auditCount();
    const taken = await inject(admin, 'PUT', `/api/organisation/user-links/${second.userId}`, { personId });
    expect(taken.statusCode).toBe(409);
    expect((taken.json() as { error: { message: string } }).error.message).toContain('allerede knyttet');
    const unknown = await inject(admin, 'PUT', `/api/organisation/user-links/${second.userId}`, { personId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(404);
    const noUser = await inject(admin, 'PUT', `/api/organisation/user-links/${crypto.randomUUID()}`, { personId });
    expect(noUser.statusCode).toBe(404);
    expect((await inject(editor, 'PUT', `/api/organisation/user-links/${second.userId}`, { personId })).statusCode).toBe(403);
    expect(await t.auditCount()).toBe(audits);

    // Removing the link frees the person for another sign-in.
    expect((await inject(admin, 'PUT', `/api/organisation/user-links/${first.userId}`, { personId: null })).statusCode).toBe(200);
    expect((await inject(admin, 'PUT', `/api/organisation/user-links/${second.userId}`, { personId })).statusCode).toBe(200);
  });
});

describe('[ORGANISATION_EDITOR][EDITOR_AREA]', () => {
  it('lets an editor limited to the school area change schools, and nothing outside it', async () => {
    const admin = await t.signInAs(['administrator']);
    const editor = await t.signInAs(['organisation_editor']);
    const schoolArea = await idOf('org_units', 'omrade-skole');
    const set = await inject(admin, 'PUT', `/api/organisation/editor-areas/${editor.userId}`, { unitIds: [schoolArea] });
    expect(set.statusCode).toBe(200);
    expect((set.json() as EditorAreas).units.map((u) => u.kind)).toEqual(['service_area']);
    const me = (await inject(editor, 'GET', '/api/organisation/me')).json() as MyOrganisation;
    expect(me.editorAreas.map((u) => u.id)).toEqual([schoolArea]);

    const school = await idOf('org_units', 'skole-aronslokka');
    const renamed = await inject(editor, 'PATCH', `/api/organisation/units/${school}`, {
      revision: await revisionOf(school),
      validFrom: day,
      name: 'Aronsløkka skole og SFO',
    });
    expect(renamed.statusCode).toBe(200);
    expect(await nameOn(school, day)).toBe('Aronsløkka skole og SFO');

    const audits = await t.auditCount();
    const homeCare = await idOf('org_units', 'omsorg-hjemmetjenester-bragernes');
    const outside = await inject(editor, 'PATCH', `/api/organisation/units/${homeCare}`, {
      revision: await revisionOf(homeCare),
      validFrom: day,
      name: 'Et annet navn',
    });
    expect(outside.statusCode).toBe(403);
    expect((outside.json() as { error: { message: string } }).error.message).toContain('ditt eget område');
    // Moving a school out of the area, or creating a unit at the top, is outside it too.
    const moved = await inject(editor, 'PATCH', `/api/organisation/units/${school}`, {
      revision: await revisionOf(school),
      validFrom: day,
      parentId: await idOf('org_units', 'omrade-institusjons-og-hjemmetjenester'),
    });
    expect(moved.statusCode).toBe(403);
    const top = await inject(editor, 'POST', '/api/organisation/units', {
      name: 'Ny toppenhet',
      kind: 'leadership_team',
      level: 1,
      parentId: null,
      classification: 'administration',
      validFrom: day,
    });
    expect(top.statusCode).toBe(403);
    const position = await inject(editor, 'POST', '/api/organisation/positions', {
      title: 'rådgiver',
      unitId: homeCare,
      roleType: 'adviser',
      personnelResponsibility: false,
      validFrom: day,
    });
    expect(position.statusCode).toBe(403);
    expect(await t.auditCount()).toBe(audits);
    expect(await nameOn(homeCare, day)).not.toBe('Et annet navn');

    // Lifting the limit lets the same editor change the rest.
    expect((await inject(admin, 'PUT', `/api/organisation/editor-areas/${editor.userId}`, { unitIds: [] })).statusCode).toBe(200);
    const now = await inject(editor, 'PATCH', `/api/organisation/units/${homeCare}`, {
      revision: await revisionOf(homeCare),
      validFrom: day,
      name: 'Hjemmetjenester Bragernes (nytt navn)',
    });
    expect(now.statusCode).toBe(200);
  });

  it('refuses unknown units and editors who are not administrators', async () => {
    const admin = await t.signInAs(['administrator']);
    const editor = await t.signInAs(['organisation_editor']);
    const audits = await t.auditCount();
    const unknown = await inject(admin, 'PUT', `/api/organisation/editor-areas/${editor.userId}`, { unitIds: [crypto.randomUUID()] });
    expect(unknown.statusCode).toBe(400);
    const self = await inject(editor, 'PUT', `/api/organisation/editor-areas/${editor.userId}`, { unitIds: [] });
    expect(self.statusCode).toBe(403);
    expect(await t.auditCount()).toBe(audits);
  });
});
