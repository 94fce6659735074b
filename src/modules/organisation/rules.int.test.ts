import { describe, expect, it } from 'vitest';
import { compareNorwegian } from '../../kernel/index.js';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { LevelException, LevelExceptions, RuleFinding, RuleSettings, RulesReport } from './rules.schemas.js';
import { todayInNorway } from './server/organisation.queries.js';

const t = useTestApp();

async function report(user: SignedIn, date?: string): Promise<RulesReport> {
  const response = await t.knutepunkt.app.inject({
    url: `/api/organisation/rules${date ? `?date=${date}` : ''}`,
    headers: { cookie: user.cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as RulesReport;
}

const keysOf = (f: RuleFinding) => f.entities.map((e) => `${e.type}:${e.key}`);

async function auditEntries(entityType: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'entity_id', 'actor_user_id', 'before', 'after'])
    .where('entity_type', '=', entityType)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

async function settings(user: SignedIn): Promise<RuleSettings['settings']> {
  const response = await t.knutepunkt.app.inject({ url: '/api/organisation/rule-settings', headers: { cookie: user.cookie } });
  expect(response.statusCode).toBe(200);
  return (response.json() as RuleSettings).settings;
}

function putSetting(user: SignedIn, roleType: string, payload: unknown) {
  return t.knutepunkt.app.inject({
    method: 'PUT',
    url: `/api/organisation/rule-settings/${roleType}`,
    headers: user.headers,
    payload: payload as object,
  });
}

describe('[EMPLOYEE][READ_RULES_REPORT]', () => {
  it('reports the two spans of control the sources leave open on 1 January 2020, and nothing else', async () => {
    const user = await t.signInAs(['employee']);
    const { date, findings, summary } = await report(user, '2020-01-01');
    expect(date).toBe('2020-01-01');

    // Reviewed in dataset/README.md, «Funn i regelrapporten».
    expect(findings.map((f) => ({ rule: f.rule, severity: f.severity, keys: keysOf(f), details: f.details }))).toEqual([
      {
        rule: 'span_of_control',
        severity: 'warning',
        keys: ['position:direktor-by-og-stedsutvikling-og-kultur', 'unit:dir-by-og-stedsutvikling-og-kultur'],
        details: { span: 14, threshold: 12, roleType: 'director' },
      },
      {
        rule: 'span_of_control',
        severity: 'warning',
        keys: ['position:kommunalsjef-skole', 'unit:omrade-skole'],
        details: { span: 35, threshold: 20, roleType: 'service_area_head' },
      },
    ]);
    expect(findings[1]!.message).toEqual({
      nb: 'Lederspennet til «kommunalsjef for skole» er 35 direkte personalmessige rapporter; grensen for kommunalsjefer er 20.',
      en: 'The span of control of “kommunalsjef for skole” is 35 direct personnel reports; the threshold for service area heads is 20.',
    });
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBe(2);
    expect(summary.byRule).toMatchObject({
      span_of_control: 2,
      level_inconsistent: 0,
      personnel_line_missing: 0,
      personnel_line_cycle: 0,
      unit_without_leader: 0,
    });
    expect(Object.values(summary.byRule).reduce((a, b) => a + b, 0)).toBe(2);

    // The entities carry the ids the organisation tree links to.
    const tree = (
      await t.knutepunkt.app.inject({ url: '/api/organisation/tree?date=2020-01-01', headers: { cookie: user.cookie } })
    ).json() as { units: { id: string; key: string }[] };
    const skole = findings[1]!.entities.find((e) => e.type === 'unit')!;
    expect(tree.units.find((u) => u.key === 'omrade-skole')?.id).toBe(skole.id);
  });

  it('finds nothing before the municipality existed, and uses today when no date is given', async () => {
    const user = await t.signInAs(['employee']);
    expect((await report(user, '2019-12-31')).findings).toEqual([]);
    expect((await report(user)).date).toBe(todayInNorway());
  });

  it('refuses impossible dates and callers who are not signed in', async () => {
    const user = await t.signInAs(['employee']);
    for (const date of ['2020-02-30', '1.1.2020', 'today']) {
      const response = await t.knutepunkt.app.inject({ url: `/api/organisation/rules?date=${date}`, headers: { cookie: user.cookie } });
      expect(response.statusCode, date).toBe(400);
    }
    expect((await t.knutepunkt.app.inject('/api/organisation/rules')).statusCode).toBe(401);
  });
});

describe('[ADMINISTRATOR][EDIT_SPAN_THRESHOLD]', () => {
  it('lists the thresholds for every leader type', async () => {
    const user = await t.signInAs(['employee']);
    expect(await settings(user)).toEqual([
      { roleType: 'chief_executive', maxSpan: 12, revision: 1 },
      { roleType: 'director', maxSpan: 12, revision: 1 },
      { roleType: 'service_area_head', maxSpan: 20, revision: 1 },
      { roleType: 'staff_area_head', maxSpan: 15, revision: 1 },
      { roleType: 'unit_leader', maxSpan: 30, revision: 1 },
      { roleType: 'department_leader', maxSpan: 25, revision: 1 },
    ]);
  });

  it('changes the span findings, records the change in the audit log, and refuses a stale revision without changing anything', async () => {
    const admin = await t.signInAs(['administrator']);

    const raised = await putSetting(admin, 'service_area_head', { maxSpan: 35, revision: 1 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toEqual({ roleType: 'service_area_head', maxSpan: 35, revision: 2 });
    expect((await report(admin, '2020-01-01')).findings.map((f) => f.entities[0]!.key)).toEqual([
      'direktor-by-og-stedsutvikling-og-kultur',
    ]);

    const lowered = await putSetting(admin, 'chief_executive', { maxSpan: 8, revision: 1 });
    expect(lowered.statusCode).toBe(200);
    const after = await report(admin, '2020-01-01');
    expect(after.findings.map((f) => [f.entities[0]!.key, f.details])).toEqual([
      ['direktor-by-og-stedsutvikling-og-kultur', { span: 14, threshold: 12, roleType: 'director' }],
      ['radmann', { span: 9, threshold: 8, roleType: 'chief_executive' }],
    ]);

    const audit = await auditEntries('org_rule_setting');
    expect(audit).toEqual([
      {
        action: 'update',
        entity_id: 'service_area_head',
        actor_user_id: admin.userId,
        before: { maxSpan: 20, revision: 1 },
        after: { maxSpan: 35, revision: 2 },
      },
      {
        action: 'update',
        entity_id: 'chief_executive',
        actor_user_id: admin.userId,
        before: { maxSpan: 12, revision: 1 },
        after: { maxSpan: 8, revision: 2 },
      },
    ]);

    const auditBefore = await t.auditCount();
    const stale = await putSetting(admin, 'service_area_head', { maxSpan: 10, revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');
    expect((await settings(admin)).find((s) => s.roleType === 'service_area_head')).toEqual({
      roleType: 'service_area_head',
      maxSpan: 35,
      revision: 2,
    });
    expect(await t.auditCount()).toBe(auditBefore);

    // Back to the starting settings for the tests that follow.
    expect((await putSetting(admin, 'service_area_head', { maxSpan: 20, revision: 2 })).statusCode).toBe(200);
    expect((await putSetting(admin, 'chief_executive', { maxSpan: 12, revision: 2 })).statusCode).toBe(200);
    expect((await report(admin, '2020-01-01')).findings).toHaveLength(2);
  });

  it('refuses thresholds that are not whole positive numbers, unknown role types and unknown fields', async () => {
    const admin = await t.signInAs(['administrator']);
    const before = await settings(admin);
    const revision = before.find((s) => s.roleType === 'unit_leader')!.revision;
    for (const payload of [
      { maxSpan: 0, revision },
      { maxSpan: -3, revision },
      { maxSpan: 2.5, revision },
      { maxSpan: '20', revision },
      { maxSpan: 20 },
      { maxSpan: 20, revision, note: 'x' },
    ]) {
      const response = await putSetting(admin, 'unit_leader', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('invalid');
    }
    for (const roleType of ['employee', 'nonsense']) {
      expect((await putSetting(admin, roleType, { maxSpan: 20, revision: 1 })).statusCode, roleType).toBe(400);
    }
    expect(await settings(admin)).toEqual(before);
  });
});

describe('[ORGANISATION_EDITOR][EDIT_SPAN_THRESHOLD]', () => {
  it('is refused for everyone but administrators, and changes nothing', async () => {
    const admin = await t.signInAs(['administrator']);
    const before = await settings(admin);
    const auditBefore = await t.auditCount();
    const hub = (await levelExceptions(admin, '2020-01-01')).find((e) => e.unit.key === 'pilot-lokalt-knutepunkt')!;
    for (const roles of [['organisation_editor'], ['employee'], ['leader']] as const) {
      const user = await t.signInAs([...roles]);
      const signedInAudit = await t.auditCount();
      expect((await putSetting(user, 'service_area_head', { maxSpan: 40, revision: 1 })).statusCode, roles[0]).toBe(403);
      const create = await t.knutepunkt.app.inject({
        method: 'POST',
        url: '/api/organisation/level-exceptions',
        headers: user.headers,
        payload: { unitId: hub.unit.id, reason: 'x', validFrom: '2030-01-01' },
      });
      expect(create.statusCode, roles[0]).toBe(403);
      const end = await t.knutepunkt.app.inject({
        method: 'POST',
        url: `/api/organisation/level-exceptions/${hub.id}/end`,
        headers: user.headers,
        payload: { validTo: '2030-01-01' },
      });
      expect(end.statusCode, roles[0]).toBe(403);
      expect(await t.auditCount()).toBe(signedInAudit);
    }
    expect(await settings(admin)).toEqual(before);
    expect((await levelExceptions(admin, '2020-01-01')).find((e) => e.id === hub.id)).toEqual(hub);
    expect(auditBefore).toBeGreaterThan(0);
  });
});

async function levelExceptions(user: SignedIn, date: string): Promise<LevelException[]> {
  const response = await t.knutepunkt.app.inject({
    url: `/api/organisation/level-exceptions?date=${date}`,
    headers: { cookie: user.cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as LevelExceptions).exceptions;
}

function createException(user: SignedIn, payload: unknown) {
  return t.knutepunkt.app.inject({
    method: 'POST',
    url: '/api/organisation/level-exceptions',
    headers: user.headers,
    payload: payload as object,
  });
}

function endException(user: SignedIn, id: string, payload: unknown) {
  return t.knutepunkt.app.inject({
    method: 'POST',
    url: `/api/organisation/level-exceptions/${id}/end`,
    headers: user.headers,
    payload: payload as object,
  });
}

describe('[ADMINISTRATOR][EDIT_LEVEL_EXCEPTIONS]', () => {
  it('lists the five exceptions of the dataset, sorted by unit name, with their reasons', async () => {
    const user = await t.signInAs(['employee']);
    const exceptions = await levelExceptions(user, '2020-01-01');
    expect(exceptions.map((e) => e.unit.key).sort()).toEqual(
      [
        'pilot-lokalt-knutepunkt',
        'stab-digital-transformasjon',
        'stabsomrade-kommunikasjon',
        'stabsomrade-oppfolging-og-analyse',
        'stabsomrade-plan-og-strategi',
      ].sort(),
    );
    const names = exceptions.map((e) => e.unit.name!);
    expect([...names].sort(compareNorwegian)).toEqual(names);
    expect(exceptions.find((e) => e.unit.key === 'pilot-lokalt-knutepunkt')).toMatchObject({
      unit: { name: 'Pilot lokalt knutepunkt' },
      reason: expect.stringContaining('direktør for arbeid og inkludering'),
      source: '002 s. 17, 38, 42',
      validFrom: '2020-01-01',
      validTo: null,
    });
    expect(await levelExceptions(user, '2019-12-31')).toEqual([]);
    expect(
      (await t.knutepunkt.app.inject({ url: '/api/organisation/level-exceptions?date=2020-13-01', headers: { cookie: user.cookie } }))
        .statusCode,
    ).toBe(400);
  });

  it('ends the pilot hub’s exception, so the level rule flags the hub from then on; a new exception clears it again; both are audited', async () => {
    const admin = await t.signInAs(['administrator']);
    const hub = (await levelExceptions(admin, '2020-01-01')).find((e) => e.unit.key === 'pilot-lokalt-knutepunkt')!;

    const ended = await endException(admin, hub.id, { validTo: '2021-01-01' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ id: hub.id, validFrom: '2020-01-01', validTo: '2021-01-01' });

    expect((await report(admin, '2020-12-31')).findings.filter((f) => f.rule === 'level_inconsistent')).toEqual([]);
    const flagged = (await report(admin, '2021-01-01')).findings.filter((f) => f.rule === 'level_inconsistent');
    expect(flagged.map((f) => ({ keys: keysOf(f), details: f.details }))).toEqual([
      {
        keys: [
          'unit:pilot-lokalt-knutepunkt',
          'position:leder-pilot-lokalt-knutepunkt',
          'position:direktor-arbeid-og-inkludering',
          'line:personnel:leder-pilot-lokalt-knutepunkt->direktor-arbeid-og-inkludering',
        ],
        details: { declaredLevel: 3, superiorLevel: 1, expectedLevel: 2 },
      },
    ]);
    expect(flagged[0]!.message.nb).toBe(
      'Enheten «Pilot lokalt knutepunkt» er på nivå 3, men lederen «virksomhetsleder for pilot lokalt knutepunkt» rapporterer personalmessig til «direktør for arbeid og inkludering» på nivå 1; ventet nivå 2. Er det meningen, registrer et nivåunntak med begrunnelse.',
    );

    const created = await createException(admin, {
      unitId: hub.unit.id,
      reason: '  Piloten videreføres med direkte linje til direktøren.  ',
      source: '002 s. 17',
      validFrom: '2021-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const exception = created.json() as LevelException;
    expect(exception).toMatchObject({
      unit: { id: hub.unit.id, key: 'pilot-lokalt-knutepunkt', name: 'Pilot lokalt knutepunkt' },
      reason: 'Piloten videreføres med direkte linje til direktøren.',
      source: '002 s. 17',
      validFrom: '2021-01-01',
      validTo: null,
    });
    expect((await report(admin, '2021-01-01')).findings.filter((f) => f.rule === 'level_inconsistent')).toEqual([]);
    expect((await levelExceptions(admin, '2021-06-01')).map((e) => e.id)).toContain(exception.id);

    expect(await auditEntries('org_level_exception')).toEqual([
      { action: 'end', entity_id: hub.id, actor_user_id: admin.userId, before: { validTo: null }, after: { validTo: '2021-01-01' } },
      {
        action: 'create',
        entity_id: exception.id,
        actor_user_id: admin.userId,
        before: null,
        after: {
          unitId: hub.unit.id,
          unitKey: 'pilot-lokalt-knutepunkt',
          reason: 'Piloten videreføres med direkte linje til direktøren.',
          source: '002 s. 17',
          validFrom: '2021-01-01',
          validTo: null,
        },
      },
    ]);
  });

  it('refuses unknown units, blank reasons, days the unit does not exist and a second exception in force, with clear messages and no change', async () => {
    const admin = await t.signInAs(['administrator']);
    const exceptions = await levelExceptions(admin, '2020-01-01');
    const kommunikasjon = exceptions.find((e) => e.unit.key === 'stabsomrade-kommunikasjon')!;
    const auditBefore = await t.auditCount();

    const unknown = await createException(admin, {
      unitId: '00000000-0000-4000-8000-000000000000',
      reason: 'Test',
      validFrom: '2020-01-01',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'invalid',
      message: 'Enheten finnes ikke. Velg en enhet fra organisasjonen.',
      details: [{ path: 'unitId' }],
    });

    const english = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/organisation/level-exceptions',
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { unitId: '00000000-0000-4000-8000-000000000000', reason: 'Test', validFrom: '2020-01-01' },
    });
    expect(english.json().error.message).toBe('The unit does not exist. Choose a unit from the organisation.');

    const notYet = await createException(admin, { unitId: kommunikasjon.unit.id, reason: 'Test', validFrom: '2019-06-01' });
    expect(notYet.statusCode).toBe(400);
    expect(notYet.json().error.message).toBe('Enheten finnes ikke 1.6.2019. Et nivåunntak kan bare starte en dag enheten finnes.');

    const twice = await createException(admin, { unitId: kommunikasjon.unit.id, reason: 'Test', validFrom: '2022-01-01' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(
      'Enheten «Kommunikasjon» har allerede et nivåunntak som gjelder fra 1.1.2020. Avslutt det først.',
    );

    for (const payload of [
      { unitId: 'not-a-uuid', reason: 'Test', validFrom: '2020-01-01' },
      { unitId: kommunikasjon.unit.id, reason: '   ', validFrom: '2022-01-01' },
      { unitId: kommunikasjon.unit.id, reason: 'Test', validFrom: '2022-02-30' },
      { unitId: kommunikasjon.unit.id, reason: 'Test' },
      { unitId: kommunikasjon.unit.id, reason: 'Test', validFrom: '2022-01-01', level: 3 },
    ]) {
      const response = await createException(admin, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await t.auditCount()).toBe(auditBefore);
    expect(await levelExceptions(admin, '2020-01-01')).toEqual(exceptions);
  });

  it('refuses an end on or before the start, a second end and unknown exceptions, and changes nothing', async () => {
    const admin = await t.signInAs(['administrator']);
    const exceptions = await levelExceptions(admin, '2020-01-01');
    const plan = exceptions.find((e) => e.unit.key === 'stabsomrade-plan-og-strategi')!;
    const auditBefore = await t.auditCount();

    const before = await endException(admin, plan.id, { validTo: '2019-12-31' });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.message).toBe('Sluttdatoen (31.12.2019) må være etter startdatoen (1.1.2020).');
    expect((await endException(admin, plan.id, { validTo: '2020-01-01' })).statusCode).toBe(400);
    expect((await endException(admin, plan.id, { validTo: '2020-02-30' })).statusCode).toBe(400);
    expect((await endException(admin, plan.id, { validTo: '2021-01-01', reason: 'x' })).statusCode).toBe(400);
    expect((await endException(admin, '00000000-0000-4000-8000-000000000000', { validTo: '2021-01-01' })).statusCode).toBe(404);
    expect((await endException(admin, 'nope', { validTo: '2021-01-01' })).statusCode).toBe(400);
    expect(await t.auditCount()).toBe(auditBefore);
    expect(await levelExceptions(admin, '2020-01-01')).toEqual(exceptions);

    expect((await endException(admin, plan.id, { validTo: '2020-06-01' })).statusCode).toBe(200);
    const again = await endException(admin, plan.id, { validTo: '2020-07-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Nivåunntaket er allerede avsluttet (gjelder ikke fra 1.6.2020).');
    expect((await levelExceptions(admin, '2020-06-01')).map((e) => e.id)).not.toContain(plan.id);
  });
});
