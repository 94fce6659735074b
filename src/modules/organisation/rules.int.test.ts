import { describe, expect, it } from 'vitest';
import { compareNorwegian } from '../../kernel/index.js';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { LevelException, LevelExceptions, RuleFinding, RuleSettings, RulesReport } from './rules.schemas.js';
import { todayInNorway } from './server/organisation.queries.js';
import type { OrganisationDb } from './server/organisation.tables.js';

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
  it('reports the span of control the sources leave open on 1 January 2020, shows the one they decide as accepted, and nothing else', async () => {
    const user = await t.signInAs(['employee']);
    const { date, findings, summary, accepted } = await report(user, '2020-01-01');
    expect(date).toBe('2020-01-01');

    // Reviewed in dataset/README.md, «Funn i regelrapporten».
    expect(findings.map((f) => ({ rule: f.rule, severity: f.severity, keys: keysOf(f), details: f.details }))).toEqual([
      {
        rule: 'span_of_control',
        severity: 'warning',
        keys: ['position:direktor-by-og-stedsutvikling-og-kultur', 'unit:dir-by-og-stedsutvikling-og-kultur'],
        details: { span: 14, threshold: 12, roleType: 'director' },
      },
    ]);
    // The schools under kommunalsjef for skole are the organisation 002 p. 30 proposes: accepted, with the reason.
    expect(accepted!.map((a) => ({ rule: a.finding.rule, keys: keysOf(a.finding), reason: a.reason }))).toEqual([
      {
        rule: 'span_of_control',
        keys: ['position:kommunalsjef-skole', 'unit:omrade-skole'],
        reason: expect.stringContaining('002 s. 30'),
      },
      {
        rule: 'level_inconsistent',
        keys: expect.arrayContaining(['unit:pilot-lokalt-knutepunkt']),
        reason: expect.stringContaining('direktør for arbeid og inkludering'),
      },
    ]);
    expect(accepted![0]!.finding.message).toEqual({
      nb: 'Lederspennet til «kommunalsjef for skole» er 35 direkte personalmessige rapporter; grensen for kommunalsjefer er 20.',
      en: 'The span of control of “kommunalsjef for skole” is 35 direct personnel reports; the threshold for service area heads is 20.',
    });
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBe(1);
    expect(summary.byRule).toMatchObject({
      span_of_control: 1,
      level_inconsistent: 0,
      leader_line_off_unit_chain: 0,
      person_fte_over_100: 0,
      rule_exception_stale: 0,
      personnel_line_missing: 0,
      personnel_line_cycle: 0,
      unit_without_leader: 0,
    });
    expect(Object.values(summary.byRule).reduce((a, b) => a + b, 0)).toBe(1);

    // The entities carry the ids the organisation tree links to.
    const tree = (
      await t.knutepunkt.app.inject({ url: '/api/organisation/tree?date=2020-01-01', headers: { cookie: user.cookie } })
    ).json() as { units: { id: string; key: string }[] };
    const skole = accepted![0]!.finding.entities.find((e) => e.type === 'unit')!;
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
    // At 35 the school span is within the threshold, so its exception excuses nothing any more: stale.
    expect((await report(admin, '2020-01-01')).findings.map((f) => [f.rule, f.entities[0]!.key])).toEqual([
      ['span_of_control', 'direktor-by-og-stedsutvikling-og-kultur'],
      ['rule_exception_stale', 'omrade-skole'],
    ]);

    const lowered = await putSetting(admin, 'chief_executive', { maxSpan: 8, revision: 1 });
    expect(lowered.statusCode).toBe(200);
    const after = await report(admin, '2020-01-01');
    expect(after.findings.filter((f) => f.rule === 'span_of_control').map((f) => [f.entities[0]!.key, f.details])).toEqual([
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
    expect((await report(admin, '2020-01-01')).findings).toHaveLength(1);
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
  it('lists the two exceptions of the dataset, sorted by unit name, with their rules and reasons, none stale', async () => {
    const user = await t.signInAs(['employee']);
    const exceptions = await levelExceptions(user, '2020-01-01');
    expect(exceptions.map((e) => [e.unit.key, e.rule, e.stale])).toEqual([
      ['pilot-lokalt-knutepunkt', 'level_inconsistent', false],
      ['omrade-skole', 'span_of_control', false],
    ]);
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
      'Enheten «Pilot lokalt knutepunkt» er på nivå 3, men lederen «virksomhetsleder for pilot lokalt knutepunkt» rapporterer personalmessig til «direktør for arbeid og inkludering» på nivå 1; ventet nivå 2. Er det meningen, registrer et unntak fra nivåregelen med begrunnelse.',
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
      {
        action: 'end',
        entity_id: hub.id,
        actor_user_id: admin.userId,
        before: { rule: 'level_inconsistent', unitId: hub.unit.id, validTo: null },
        after: { validTo: '2021-01-01' },
      },
      {
        action: 'create',
        entity_id: exception.id,
        actor_user_id: admin.userId,
        before: null,
        after: {
          rule: 'level_inconsistent',
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
    const kommunikasjon = exceptions.find((e) => e.unit.key === 'pilot-lokalt-knutepunkt')!;
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
    expect(notYet.json().error.message).toBe('Enheten finnes ikke 1.6.2019. Et unntak kan bare starte en dag enheten finnes.');

    const skole = exceptions.find((e) => e.unit.key === 'omrade-skole')!;
    const twice = await createException(admin, { unitId: skole.unit.id, rule: 'span_of_control', reason: 'Test', validFrom: '2022-01-01' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(
      'Enheten «Skole» har allerede et unntak fra grensen for lederspenn som gjelder fra 1.1.2020. Avslutt det først.',
    );

    // Checked against the rule: the school area's level and its leader's line follow the rules.
    for (const rule of ['level_inconsistent', 'leader_line_off_unit_chain']) {
      const needless = await createException(admin, { unitId: skole.unit.id, rule, reason: 'Test', validFrom: '2022-01-01' });
      expect(needless.statusCode, rule).toBe(400);
      expect(needless.json().error.message).toMatch(/^Enheten «Skole» følger .* 1\.1\.2022, så det er ingenting å gjøre unntak fra\.$/);
    }

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
    const plan = exceptions.find((e) => e.unit.key === 'omrade-skole')!;
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
    expect(again.json().error.message).toBe('Unntaket er allerede avsluttet (gjelder ikke fra 1.6.2020).');
    expect((await levelExceptions(admin, '2020-06-01')).map((e) => e.id)).not.toContain(plan.id);
  });
});

describe('[ORGANISATION_EDITOR][CHANGE_UNIT] the rules follow the move', () => {
  it('flags a leader whose personnel line stayed with the old parent’s leader, and an exception the move made stale', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const employee = await t.signInAs(['employee']);
    const idOf = async (table: 'org_units' | 'org_positions', key: string) =>
      (await (t.database.db as unknown as OrganisationDb).selectFrom(table).select('id').where('key', '=', key).executeTakeFirstOrThrow())
        .id;
    async function move(key: string, parentKey: string, moveLeaderLine: boolean) {
      const id = await idOf('org_units', key);
      const detail = await t.knutepunkt.app.inject({ url: `/api/organisation/units/${id}?date=2035-01-01`, headers: editor.headers });
      const moved = await t.knutepunkt.app.inject({
        method: 'PATCH',
        url: `/api/organisation/units/${id}`,
        headers: editor.headers,
        payload: {
          revision: (detail.json() as { revision: number }).revision,
          validFrom: '2035-01-01',
          parentId: await idOf('org_units', parentKey),
          moveLeaderLine,
        },
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    await move('skole-borresen', 'omrade-helsetjenester', false);
    await move('pilot-lokalt-knutepunkt', 'omrade-arbeid-og-velferd', true);
    const { findings } = await report(employee, '2035-01-01');
    expect(findings.filter((f) => f.rule === 'leader_line_off_unit_chain').map(keysOf)).toEqual([
      [
        'unit:skole-borresen',
        'position:leder-skole-borresen',
        'position:kommunalsjef-skole',
        'position:kommunalsjef-helsetjenester',
        'line:personnel:leder-skole-borresen->kommunalsjef-skole',
      ],
    ]);
    expect(findings.filter((f) => f.rule === 'rule_exception_stale').map(keysOf)).toEqual([['unit:pilot-lokalt-knutepunkt']]);
    const listed = await levelExceptions(employee, '2035-01-01');
    expect(listed.find((e) => e.unit.key === 'pilot-lokalt-knutepunkt')).toMatchObject({ stale: true });
  });
});

describe('[ORGANISATION_EDITOR][ADD_LINE] the independence rule is the same in the command and the report', () => {
  it('accepts a professional line to the municipal lawyer and does not flag it; refuses one from it', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const employee = await t.signInAs(['employee']);
    const idOf = async (key: string) =>
      (
        await (t.database.db as unknown as OrganisationDb)
          .selectFrom('org_positions')
          .select('id')
          .where('key', '=', key)
          .executeTakeFirstOrThrow()
      ).id;
    const lawyer = await idOf('kommuneadvokat');
    const adviser = await idOf('leder-omsorg-hjemmetjenester-kd-1');
    const add = (fromPositionId: string, toPositionId: string) =>
      t.knutepunkt.app.inject({
        method: 'POST',
        url: '/api/organisation/lines',
        headers: editor.headers,
        payload: { type: 'professional', fromPositionId, toPositionId, validFrom: '2036-01-01' },
      });

    const to = await add(adviser, lawyer);
    expect(to.statusCode, to.body).toBe(201);
    expect((await report(employee, '2036-01-01')).findings.filter((f) => f.rule === 'independent_position_professional_line')).toEqual([]);

    const from = await add(lawyer, adviser);
    expect(from.statusCode).toBe(400);
    expect(from.body).toMatch(/«kommuneadvokat» er faglig selvstendig fra 1\.1\.2020 og kan ikke ha en faglig linje til/);
    expect((await report(employee, '2036-01-01')).findings.filter((f) => f.rule === 'independent_position_professional_line')).toEqual([]);
  });
});
