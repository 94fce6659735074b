import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../../../test/helpers/test-app.js';
import type { Group, RoutingRule, RoutingRuleList, Settings, SlaPolicy, SlaPolicyList } from '../../leader-support.schemas.js';
import type { GroupList } from '../../settings.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { todayInNorway } from './shared.js';

const t = useTestApp();
const db = () => t.database.db as unknown as LeaderSupportDb;

let admin: SignedIn;
let leader: SignedIn;
let agent: SignedIn;
let categoryId: string;
let secondLineGroupId: string;
let otherSecondLineGroupId: string;
let firstLineGroupId: string;
let unitId: string;
let unitName: string;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function send(method: Method, url: string, user: SignedIn | null, payload?: unknown) {
  return t.knutepunkt.app.inject({
    method,
    url,
    headers: { ...(user?.headers ?? {}), 'accept-language': 'nb' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Everything a settings write can touch: a refused write must leave all of it as it was. */
async function snapshot() {
  const rows = async (table: 'ls_settings' | 'ls_sla_policies' | 'ls_routing_rules' | 'ls_group_members' | 'ls_groups') =>
    (await db().selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort();
  return {
    settings: await rows('ls_settings'),
    policies: await rows('ls_sla_policies'),
    rules: await rows('ls_routing_rules'),
    members: await rows('ls_group_members'),
    groups: await rows('ls_groups'),
    audits: await t.auditCount(),
  };
}

/** Sends a write that must be refused with `status` (and a Norwegian message), and checks that nothing changed. */
async function expectRefused(status: number, method: Method, url: string, user: SignedIn, payload: unknown, message?: RegExp) {
  const before = await snapshot();
  const response = await send(method, url, user, payload);
  expect(response.statusCode, response.body).toBe(status);
  if (message) expect(response.json().error.message).toMatch(message);
  expect(await snapshot()).toEqual(before);
  return response;
}

async function lastAudit(entityType: string) {
  return db()
    .selectFrom('audit_log')
    .select(['action', 'entity_id', 'actor_user_id', 'before', 'after'])
    .where('entity_type', '=', entityType)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

async function settings(): Promise<Settings> {
  return (await send('GET', '/api/leader-support/settings', admin)).json() as Settings;
}

beforeAll(async () => {
  admin = await t.signInAs(['administrator'], 'Ada Administrator');
  leader = await t.signInAs(['leader'], 'Leo Leder');
  agent = await t.signInAs(['first_line_agent'], 'Frida Førstelinje');
  const today = todayInNorway();
  const unit = await db()
    .selectFrom('org_unit_versions')
    .select(['unit_id', 'name'])
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', today)]))
    .where('level', '=', 3)
    .orderBy('unit_id')
    .executeTakeFirstOrThrow();
  unitId = unit.unit_id;
  unitName = unit.name;
  categoryId = (
    await db()
      .insertInto('ls_categories')
      .values({ key: 'test-settings-category', name_nb: 'Testkategori', name_en: 'Test category', area: 'test', fields: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const group = async (key: string, line: number) =>
    (
      await db()
        .insertInto('ls_groups')
        .values({ key, name: `Gruppe ${key}`, line, unit_id: unitId, specialisation: null, source: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  secondLineGroupId = await group('test-settings-l2', 2);
  otherSecondLineGroupId = await group('test-settings-l2b', 2);
  firstLineGroupId = await group('test-settings-l1', 1);
});

describe('permissions', () => {
  it('[LEADER] is refused both reading and changing the settings', async () => {
    for (const url of ['settings', 'sla-policies', 'routing-rules', 'groups']) {
      expect((await send('GET', `/api/leader-support/${url}`, leader)).statusCode).toBe(403);
    }
    const { revision } = await settings();
    await expectRefused(403, 'PUT', '/api/leader-support/settings', leader, { revision, warnPercent: 50 });
  });

  it('[FIRST_LINE] reads the settings but may not change them', async () => {
    expect((await send('GET', '/api/leader-support/settings', agent)).statusCode).toBe(200);
    expect((await send('GET', '/api/leader-support/sla-policies', agent)).statusCode).toBe(200);
    expect((await send('GET', '/api/leader-support/routing-rules', agent)).statusCode).toBe(200);
    expect((await send('GET', '/api/leader-support/groups', agent)).statusCode).toBe(200);
    const { revision } = await settings();
    await expectRefused(403, 'PUT', '/api/leader-support/settings', agent, { revision, warnPercent: 50 });
    await expectRefused(403, 'POST', '/api/leader-support/routing-rules', agent, {
      categoryId,
      areaUnitId: null,
      groupId: secondLineGroupId,
    });
  });

  it('[ANONYMOUS] is asked to sign in', async () => {
    expect((await send('GET', '/api/leader-support/settings', null)).statusCode).toBe(401);
  });
});

describe('settings', () => {
  it('[ADMIN] starts with weekday opening hours 08:00–15:30 and changes rates and targets, audited', async () => {
    const start = await settings();
    expect(start.timeZone).toBe('Europe/Oslo');
    expect(start.openingHours['1']).toEqual(['08:00', '15:30']);
    expect(start.openingHours['6']).toBeNull();

    const response = await send('PUT', '/api/leader-support/settings', admin, {
      revision: start.revision,
      rates: { '1': 650, '2': 900 },
      warnPercent: 75,
      firstLineTargetPercent: 80,
      closedDays: ['2026-12-31', '2026-12-24'],
    });
    expect(response.statusCode, response.body).toBe(200);
    const changed = response.json() as Settings;
    expect(changed).toMatchObject({ rates: { '1': 650, '2': 900 }, warnPercent: 75, firstLineTargetPercent: 80 });
    expect(changed.closedDays).toEqual(['2026-12-24', '2026-12-31']);
    expect(changed.revision).toBe(start.revision + 1);
    expect(changed.openingHours).toEqual(start.openingHours);
    expect(await settings()).toEqual(changed);

    const audit = await lastAudit('ls_settings');
    expect(audit).toMatchObject({ action: 'change', actor_user_id: admin.userId });
    expect((audit!.before as Settings).warnPercent).toBe(start.warnPercent);
    expect((audit!.after as Settings).warnPercent).toBe(75);
  });

  it('[ADMIN] changes opening hours (open on Saturday, closed on Friday)', async () => {
    const { revision, openingHours } = await settings();
    const response = await send('PUT', '/api/leader-support/settings', admin, {
      revision,
      openingHours: { ...openingHours, '5': null, '6': ['10:00', '14:00'] },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as Settings).openingHours).toMatchObject({ '5': null, '6': ['10:00', '14:00'] });
  });

  it('refuses opening hours that close before they open, a missing weekday and a day that does not exist', async () => {
    const { revision, openingHours } = await settings();
    const url = '/api/leader-support/settings';
    const backwards = await expectRefused(
      400,
      'PUT',
      url,
      admin,
      { revision, openingHours: { ...openingHours, '2': ['15:30', '08:00'] } },
      /Åpningstiden for tirsdag må starte før den slutter/,
    );
    expect(backwards.json().error.details[0].path).toBe('/openingHours/2');
    const { '3': _wednesday, ...withoutWednesday } = openingHours;
    await expectRefused(400, 'PUT', url, admin, { revision, openingHours: withoutWednesday }, /mangler onsdag/);
    // The schema's date format refuses 30 February before the command sees it; the details name the field.
    const notADay = await expectRefused(400, 'PUT', url, admin, { revision, closedDays: ['2026-12-24', '2026-02-30'] }, /ugyldige data/);
    expect(notADay.json().error.details[0].path).toMatch(/closedDays/);
    await expectRefused(400, 'PUT', url, admin, { revision, closedDays: ['2026-12-24', '2026-12-24'] }, /står flere ganger/);
    await expectRefused(400, 'PUT', url, admin, { revision, warnPercent: 100 });
    await expectRefused(400, 'PUT', url, admin, { revision, rates: { '1': -5 } });
  });

  it('refuses a change made on an older revision as stale', async () => {
    const { revision } = await settings();
    const response = await expectRefused(409, 'PUT', '/api/leader-support/settings', admin, { revision: revision - 1, warnPercent: 60 });
    expect(response.json().error.code).toBe('stale');
    expect(response.json().error.message).toMatch(/Noen andre har endret innstillingene/);
  });
});

describe('service levels', () => {
  const url = '/api/leader-support/sla-policies';

  it('[ADMIN] adds a category’s own service level, changes it with its revision and removes it', async () => {
    const { policies } = (await send('GET', url, agent)).json() as SlaPolicyList;
    expect(policies.filter((p) => p.category === null).map((p) => p.priority)).toEqual(['urgent', 'high', 'normal', 'low']);

    const created = await send('PUT', url, admin, { categoryId, priority: 'high', responseMinutes: 60, resolutionMinutes: 300 });
    expect(created.statusCode, created.body).toBe(201);
    const policy = created.json() as SlaPolicy;
    expect(policy).toMatchObject({ category: { id: categoryId, name: { nb: 'Testkategori' } }, responseMinutes: 60, revision: 1 });
    expect(await lastAudit('ls_sla_policy')).toMatchObject({ action: 'create', entity_id: policy.id });

    await expectRefused(400, 'PUT', url, admin, { categoryId, priority: 'high', responseMinutes: 30, resolutionMinutes: 300 }, /versjonen/);
    const stale = await expectRefused(409, 'PUT', url, admin, {
      categoryId,
      priority: 'high',
      responseMinutes: 30,
      resolutionMinutes: 300,
      revision: 7,
    });
    expect(stale.json().error.code).toBe('stale');

    const changed = await send('PUT', url, admin, {
      categoryId,
      priority: 'high',
      responseMinutes: 30,
      resolutionMinutes: 300,
      revision: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ id: policy.id, responseMinutes: 30, revision: 2 });
    expect(await lastAudit('ls_sla_policy')).toMatchObject({ action: 'change', entity_id: policy.id });

    await expectRefused(409, 'DELETE', `${url}/${policy.id}?revision=1`, admin, undefined);
    const deleted = await send('DELETE', `${url}/${policy.id}?revision=2`, admin);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await lastAudit('ls_sla_policy')).toMatchObject({ action: 'delete', entity_id: policy.id });
  });

  it('[ADMIN] changes a generic service level but may not delete it', async () => {
    const { policies } = (await send('GET', url, admin)).json() as SlaPolicyList;
    const urgent = policies.find((p) => p.category === null && p.priority === 'urgent')!;
    const changed = await send('PUT', url, admin, {
      categoryId: null,
      priority: 'urgent',
      responseMinutes: 15,
      resolutionMinutes: 120,
      revision: urgent.revision,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await expectRefused(409, 'DELETE', `${url}/${urgent.id}?revision=${urgent.revision + 1}`, admin, undefined, /hver prioritet må ha ett/);
  });

  it('refuses a response time longer than the resolution time, and an unknown category', async () => {
    await expectRefused(
      400,
      'PUT',
      url,
      admin,
      { categoryId: null, priority: 'low', responseMinutes: 500, resolutionMinutes: 400 },
      /Svartiden/,
    );
    await expectRefused(404, 'PUT', url, admin, {
      categoryId: '00000000-0000-4000-8000-000000000001',
      priority: 'low',
      responseMinutes: 5,
      resolutionMinutes: 400,
    });
  });
});

describe('routing rules', () => {
  const url = '/api/leader-support/routing-rules';

  it('[ADMIN] adds a rule category × area → second-line group, changes its group and removes it, audited', async () => {
    const created = await send('POST', url, admin, { categoryId, areaUnitId: unitId, groupId: secondLineGroupId, note: '  Test  ' });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json() as RoutingRule;
    expect(rule).toMatchObject({
      category: { id: categoryId },
      area: { id: unitId, name: unitName, level: 3 },
      group: { id: secondLineGroupId, line: 2 },
      note: 'Test',
      revision: 1,
    });
    expect(await lastAudit('ls_routing_rule')).toMatchObject({ action: 'create', entity_id: rule.id, actor_user_id: admin.userId });
    const { rules } = (await send('GET', url, agent)).json() as RoutingRuleList;
    expect(rules.map((r) => r.id)).toContain(rule.id);

    await expectRefused(409, 'PUT', `${url}/${rule.id}`, admin, { revision: 2, groupId: otherSecondLineGroupId });
    const changed = await send('PUT', `${url}/${rule.id}`, admin, { revision: 1, groupId: otherSecondLineGroupId });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ group: { id: otherSecondLineGroupId }, note: 'Test', revision: 2 });

    await expectRefused(409, 'DELETE', `${url}/${rule.id}?revision=1`, admin, undefined);
    expect((await send('DELETE', `${url}/${rule.id}?revision=2`, admin)).statusCode).toBe(204);
    expect(await lastAudit('ls_routing_rule')).toMatchObject({ action: 'delete', entity_id: rule.id });
  });

  it('refuses a second rule for the same category × area with a clear message', async () => {
    const first = await send('POST', url, admin, { categoryId, areaUnitId: null, groupId: secondLineGroupId });
    expect(first.statusCode, first.body).toBe(201);
    const duplicate = await expectRefused(
      409,
      'POST',
      url,
      admin,
      { categoryId, areaUnitId: null, groupId: otherSecondLineGroupId },
      /Det finnes allerede en regel for Testkategori fra hele kommunen/,
    );
    expect(duplicate.json().error).toMatchObject({ code: 'conflict', details: { ruleId: (first.json() as RoutingRule).id } });
  });

  it('refuses a first-line group, an inactive category and a unit that does not exist today', async () => {
    await expectRefused(400, 'POST', url, admin, { categoryId, areaUnitId: unitId, groupId: firstLineGroupId }, /gruppe i 2\. linje/);
    await expectRefused(
      400,
      'POST',
      url,
      admin,
      { categoryId, areaUnitId: '00000000-0000-4000-8000-000000000002', groupId: secondLineGroupId },
      /Enheten finnes ikke i organisasjonen/,
    );
    await expectRefused(
      400,
      'POST',
      url,
      admin,
      { categoryId: '00000000-0000-4000-8000-000000000003', areaUnitId: unitId, groupId: secondLineGroupId },
      /Kategorien finnes ikke/,
    );
    await expectRefused(404, 'PUT', `${url}/00000000-0000-4000-8000-000000000004`, admin, { revision: 1, groupId: secondLineGroupId });
  });
});

describe('groups', () => {
  it('[ADMIN] sets a group’s members (agents only), shown by name and audited', async () => {
    const second = await t.createUser(['second_line_agent'], 'Siri Andrelinje');
    const plainLeader = await t.createUser(['leader'], 'Lars Leder');
    const list = () => send('GET', '/api/leader-support/groups', agent).then((r) => (r.json() as GroupList).groups);
    const group = (await list()).find((g) => g.id === secondLineGroupId)!;
    expect(group).toMatchObject({ line: 2, members: [], unit: { id: unitId, name: unitName } });

    const url = `/api/leader-support/groups/${secondLineGroupId}/members`;
    await expectRefused(
      400,
      'PUT',
      url,
      admin,
      { revision: group.revision, userIds: [plainLeader.id] },
      /Lars Leder har ikke en saksbehandlerrolle/,
    );
    await expectRefused(
      400,
      'PUT',
      url,
      admin,
      { revision: group.revision, userIds: ['00000000-0000-4000-8000-000000000005'] },
      /finnes ikke/,
    );
    await expectRefused(403, 'PUT', url, agent, { revision: group.revision, userIds: [second.id] });

    const response = await send('PUT', url, admin, { revision: group.revision, userIds: [second.id, admin.userId] });
    expect(response.statusCode, response.body).toBe(200);
    const changed = response.json() as Group;
    expect(changed.members.map((m) => m.displayName)).toEqual(['Ada Administrator', 'Siri Andrelinje']);
    expect(changed.revision).toBe(group.revision + 1);
    expect(await lastAudit('ls_group_members')).toMatchObject({ action: 'change', entity_id: secondLineGroupId });

    const stale = await expectRefused(409, 'PUT', url, admin, { revision: group.revision, userIds: [] });
    expect(stale.json().error.code).toBe('stale');
  });
});
