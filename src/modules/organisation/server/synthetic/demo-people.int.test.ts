import { beforeAll, describe, expect, it } from 'vitest';
import { can, demoPassword, permissionsOf, type Actor, type Role } from '../../../../kernel/index.js';
import { ensureDemoAccounts } from '../../../accounts/index.js';
import { useTestApp } from '../../../../../test/helpers/test-app.js';
import type { PersonDetail } from '../../records.schemas.js';
import { todayInNorway } from '../organisation.queries.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { registerUnitScope } from '../unit-scope.js';
import { demoPeople, ensureDemoPeople } from './demo-people.js';

const t = useTestApp();
const db = () => t.database.db as unknown as OrganisationDb;

async function signInDemo(username: string): Promise<{ userId: string; headers: Record<string, string> }> {
  const response = await t.knutepunkt.app.inject({ method: 'POST', url: '/api/session', payload: { username, password: demoPassword } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'kp_session')!;
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return { userId: body.user.id, headers: { cookie: `kp_session=${cookie.value}`, 'x-csrf-token': body.csrfToken } };
}

const personOf = async (key: string) => await db().selectFrom('org_people').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
const unitId = async (key: string) => (await db().selectFrom('org_units').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
const actorFor = (userId: string, roles: Role[]): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  roles,
  permissions: new Set(permissionsOf(roles)),
});

beforeAll(async () => {
  // Start-up does this in demo mode on the embedded database; here on both back ends.
  await ensureDemoAccounts(t.database);
  await ensureDemoPeople(db());
});

describe('[LEADER][DEMO_PEOPLE]', () => {
  it('shows the demo principal in the principal’s position of a named school', async () => {
    const leder = await signInDemo('leder');
    const rektor = await personOf('demo-rektor');
    expect(rektor).toMatchObject({ name: 'Demo Rektor', synthetic: true });
    const response = await t.knutepunkt.app.inject({ method: 'GET', url: `/api/organisation/people/${rektor.id}`, headers: leder.headers });
    expect(response.statusCode).toBe(200);
    const person = response.json() as PersonDetail;
    expect(person.assignments).toEqual([
      expect.objectContaining({ positionTitle: 'rektor', unitName: 'Aronsløkka skole', validFrom: todayInNorway(), validTo: null }),
    ]);
  });

  it('lets the demo principal act on their own school, and not on another', async () => {
    registerUnitScope();
    const leder = await signInDemo('leder');
    const actor = actorFor(leder.userId, ['leader']);
    expect(await can(actor, 'leader_support:submit', { kind: 'unit', id: await unitId('skole-aronslokka') }, db())).toBe(true);
    expect(await can(actor, 'leader_support:submit', { kind: 'unit', id: await unitId('skole-brandengen') }, db())).toBe(false);
  });
});

describe('[LEADER][DEMO_HOME_CARE]', () => {
  it('lets the demo home-care unit leader act for the home-care unit and what lies under it, and not for a school', async () => {
    registerUnitScope();
    const leader = await signInDemo('hjemmetjeneste');
    const actor = actorFor(leader.userId, ['leader']);
    expect(await can(actor, 'leader_support:submit', { kind: 'unit', id: await unitId('omsorg-hjemmetjenester-bragernes') }, db())).toBe(
      true,
    );
    expect(await can(actor, 'leader_support:submit', { kind: 'unit', id: await unitId('skole-aronslokka') }, db())).toBe(false);
  });
});

describe('[FIRST_LINE_AGENT][DEMO_PEOPLE]', () => {
  it('links every demo sign-in to a fictitious person holding a position today', async () => {
    const today = todayInNorway();
    for (const entry of demoPeople) {
      const person = await personOf(entry.key);
      const holds = await db()
        .selectFrom('org_assignments as a')
        .innerJoin('org_positions as p', 'p.id', 'a.position_id')
        .select('p.key')
        .where('a.person_id', '=', person.id)
        .where('a.valid_from', '<=', today)
        .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', today)]))
        .execute();
      expect(
        holds.map((h) => h.key),
        entry.key,
      ).toEqual([entry.position.key]);
      if (!entry.username) continue;
      const link = await db()
        .selectFrom('org_user_people')
        .innerJoin('users', 'users.id', 'org_user_people.user_id')
        .select('users.username')
        .where('org_user_people.person_id', '=', person.id)
        .executeTakeFirst();
      expect(link?.username, entry.key).toBe(entry.username);
    }
  });

  it('creates the first-line and payroll positions marked as demo, each with its personnel line', async () => {
    for (const key of ['demo-radgiver-forstelinje-til-ledere', 'demo-lonnsradgiver-skole']) {
      const position = await db()
        .selectFrom('org_positions as p')
        .innerJoin('org_position_versions as pv', 'pv.position_id', 'p.id')
        .select(['p.id', 'pv.source'])
        .where('p.key', '=', key)
        .executeTakeFirstOrThrow();
      expect(position.source).toBe('demo');
      const lines = await db().selectFrom('org_reporting_lines').select('line_type').where('from_position_id', '=', position.id).execute();
      expect(lines).toEqual([{ line_type: 'personnel' }]);
    }
  });

  it('leaves the dataset as of 1 January 2020 as the sources describe it, and adds nothing the second time', async () => {
    const admin = await t.signInAs(['administrator']);
    const analytics = await t.knutepunkt.app.inject({
      method: 'GET',
      url: '/api/organisation/analytics?date=2020-01-01',
      headers: admin.headers,
    });
    expect(analytics.json()).toMatchObject({ totals: { positions: 194, headcount: 1 } });

    const audits = await t.auditCount();
    const people = await db().selectFrom('org_people').select('id').execute();
    await ensureDemoPeople(db());
    expect(await t.auditCount()).toBe(audits);
    expect(await db().selectFrom('org_people').select('id').execute()).toHaveLength(people.length);
  });
});
