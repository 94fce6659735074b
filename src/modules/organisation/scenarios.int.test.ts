import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../kernel/index.js';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { AnalyticsResponse } from './analytics.schemas.js';
import type { OrganisationTree } from './organisation.schemas.js';
import type {
  AppliedScenario,
  Scenario,
  ScenarioChange,
  ScenarioComparison,
  ScenarioList,
  ScenarioRulesReport,
} from './scenarios.schemas.js';
import { assignPerson, changeUnit, createPerson } from './server/commands/index.js';
import type { OrganisationDb } from './server/organisation.tables.js';

const t = useTestApp();

/** "Tre direktører" in miniature: two directors' areas become one, and a service area moves into it. */
const mergeScenario: ScenarioChange[] = [
  { type: 'merge_units', sourceUnitKeys: ['dir-folkehelse-helse-og-miljo'], targetUnitKey: 'dir-omsorg', name: 'Helse og omsorg' },
  { type: 'move_unit', unitKey: 'omrade-arbeid-og-velferd', parentKey: 'dir-omsorg' },
  {
    type: 'move_position',
    positionKey: 'kommunalsjef-arbeid-og-velferd',
    unitKey: 'omrade-arbeid-og-velferd',
    reportsToPositionKey: 'direktor-omsorg',
  },
];

const inject = (options: InjectOptions) => t.knutepunkt.app.inject(options);

async function createScenario(
  user: SignedIn,
  body: { name: string; effectiveDate: string; changes?: unknown[]; description?: string },
): Promise<Scenario> {
  const response = await inject({ method: 'POST', url: '/api/organisation/scenarios', headers: user.headers, payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Scenario;
}

async function tree(user: SignedIn, date: string) {
  return ((await inject({ url: `/api/organisation/tree?date=${date}`, headers: { cookie: user.cookie } })).json() as OrganisationTree)
    .units;
}

async function changeCounter(): Promise<number> {
  const row = await (t.database.db as unknown as OrganisationDb)
    .selectFrom('org_change_counter' as never)
    .select('revision' as never)
    .executeTakeFirstOrThrow();
  return Number((row as { revision: string }).revision);
}

const auditEntries = (entityType: string) => t.auditCount(entityType);

const transition = (user: SignedIn, id: string, action: string, payload: Record<string, unknown>) =>
  inject({ method: 'POST', url: `/api/organisation/scenarios/${id}/${action}`, headers: user.headers, payload });

/** Takes a draft through submission (by `submitter`) and approval (by `approver`); the approved scenario. */
async function submitAndApprove(submitter: SignedIn, approver: SignedIn, scenario: Scenario): Promise<Scenario> {
  const submitted = await transition(submitter, scenario.id, 'submit', { revision: scenario.revision });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approved = await transition(approver, scenario.id, 'approve', { revision: (submitted.json() as Scenario).revision });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json() as Scenario;
}

describe('[ORGANISATION_EDITOR][DRAFT_SCENARIO]', () => {
  it('drafts a merger of two director areas and compares it with the organisation as it stands', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const scenario = await createScenario(editor, {
      name: 'Helse og omsorg samles',
      description: 'Fra åtte til sju direktører',
      effectiveDate: '2021-01-01',
      changes: mergeScenario,
    });
    expect(scenario).toMatchObject({ status: 'draft', changeCount: 3, baseChanged: false, revision: 1, problems: [] });
    expect(scenario.changes.every((c) => typeof c.id === 'string')).toBe(true);

    const compare = await inject({ url: `/api/organisation/scenarios/${scenario.id}/compare`, headers: { cookie: editor.cookie } });
    expect(compare.statusCode, compare.body).toBe(200);
    const { comparison, before, after } = compare.json() as ScenarioComparison;
    expect(comparison.unitsPerLevel.find((l) => l.level === 1)).toEqual({ level: 1, before: 9, after: 8 });
    expect(comparison.units).toEqual({ before: 168, after: 167 });
    expect(comparison.positions).toEqual({ before: 194, after: 193 });
    expect(comparison.layers).toEqual({ before: 5, after: 5 });
    expect(comparison.spans.changed.find((s) => s.title === 'rådmann')).toMatchObject({ before: 9, after: 8 });
    const care = comparison.spans.changed.find((s) => s.title === 'direktør for omsorg')!;
    expect(care.after).toBe(care.before! + 3);
    // Both sides' figures come along, without the per-unit lists.
    expect(before.totals.units).toBe(168);
    expect(after.totals.units).toBe(167);
    expect(before).not.toHaveProperty('units');
    expect(comparison.spans.changed.map((s) => s.title)).toEqual(
      expect.arrayContaining([
        'rådmann',
        'direktør for omsorg',
        'direktør for folkehelse, helse og miljø',
        'direktør for arbeid og inkludering',
      ]),
    );

    const messages = comparison.differences.map((d) => d.message.nb);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Enheten «Folkehelse, helse og miljø» avvikles.',
        'Enheten «Forebyggende tjenester» flyttes fra «Folkehelse, helse og miljø» til «Helse og omsorg», med 6 underliggende enheter.',
        'Enheten «Helsetjenester» flyttes fra «Folkehelse, helse og miljø» til «Helse og omsorg», med 12 underliggende enheter.',
        'Enheten «Arbeid og velferd» flyttes fra «Arbeid og inkludering» til «Helse og omsorg», med 5 underliggende enheter.',
        'Enheten «Omsorg» får nytt navn: «Helse og omsorg».',
        'Stillingen «direktør for folkehelse, helse og miljø» i «Folkehelse, helse og miljø» avvikles.',
        '«kommunalsjef for arbeid og velferd» rapporterer personalmessig til «direktør for omsorg (Helse og omsorg)» i stedet for «direktør for arbeid og inkludering».',
        '«kommunalsjef for helsetjenester» rapporterer personalmessig til «direktør for omsorg (Helse og omsorg)» i stedet for «direktør for folkehelse, helse og miljø».',
      ]),
    );
    expect(comparison.differences.find((d) => d.kind === 'unit_closed')!.message.en).toBe(
      'The unit "Folkehelse, helse og miljø" is closed.',
    );

    // The same picture through the analytics page, for those who may see drafts.
    const analytics = await inject({ url: `/api/organisation/analytics?scenario=${scenario.id}`, headers: { cookie: editor.cookie } });
    expect(analytics.statusCode, analytics.body).toBe(200);
    const body = analytics.json() as AnalyticsResponse;
    expect(body).toMatchObject({ date: '2021-01-01', scenario: { id: scenario.id, problems: [] } });
    expect(body.totals.units).toBe(167);
    const wrongDate = await inject({
      url: `/api/organisation/analytics?scenario=${scenario.id}&date=2020-01-01`,
      headers: { cookie: editor.cookie },
    });
    expect(wrongDate.statusCode).toBe(400);
  });

  it('checks the rules on the scenario’s organisation and says which errors it would bring', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const clean = await createScenario(editor, { name: 'Regelsjekk', effectiveDate: '2021-01-01', changes: mergeScenario });
    const report = (
      await inject({ url: `/api/organisation/scenarios/${clean.id}/rules`, headers: { cookie: editor.cookie } })
    ).json() as ScenarioRulesReport;
    expect(report).toMatchObject({ date: '2021-01-01', newErrors: [], problems: [], current: { errors: 0 } });
    expect(report.summary.errors).toBe(0);
    expect(Object.keys(report.summary.byRule).length).toBeGreaterThan(5);

    // A second personnel line gives the school head two leaders with personnel responsibility.
    const broken = await createScenario(editor, {
      name: 'To ledere',
      effectiveDate: '2021-01-01',
      changes: [{ type: 'add_line', lineType: 'personnel', fromPositionKey: 'kommunalsjef-skole', toPositionKey: 'direktor-omsorg' }],
    });
    const brokenReport = (
      await inject({ url: `/api/organisation/scenarios/${broken.id}/rules`, headers: { cookie: editor.cookie } })
    ).json() as ScenarioRulesReport;
    expect(brokenReport.summary.errors).toBeGreaterThan(0);
    expect(brokenReport.newErrors.map((f) => f.rule)).toEqual(['personnel_line_multiple']);
    expect(brokenReport.newErrors[0]!.entities.map((e) => e.key)).toContain('kommunalsjef-skole');
  });

  it('shows changes that do not resolve as problems, and edits a draft with its revision', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const scenario = await createScenario(editor, { name: 'Utkast', effectiveDate: '2021-01-01' });
    const added = await inject({
      method: 'POST',
      url: `/api/organisation/scenarios/${scenario.id}/changes`,
      headers: editor.headers,
      payload: { revision: 1, change: { type: 'rename_unit', unitKey: 'finnes-ikke', name: 'Ny' } },
    });
    expect(added.statusCode, added.body).toBe(201);
    const withChange = added.json() as Scenario;
    expect(withChange.revision).toBe(2);
    expect(withChange.problems).toEqual([
      expect.objectContaining({ changeIndex: 0, code: 'unit_not_found', changeId: withChange.changes[0]!.id }),
    ]);

    const stale = await inject({
      method: 'PATCH',
      url: `/api/organisation/scenarios/${scenario.id}`,
      headers: editor.headers,
      payload: { revision: 1, name: 'Gammel' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');
    const staleAdd = await inject({
      method: 'POST',
      url: `/api/organisation/scenarios/${scenario.id}/changes`,
      headers: editor.headers,
      payload: { revision: 1, change: { type: 'close_unit', unitKey: 'dir-omsorg' } },
    });
    expect(staleAdd.statusCode).toBe(409);
    const staleRemove = await inject({
      method: 'DELETE',
      url: `/api/organisation/scenarios/${scenario.id}/changes/${withChange.changes[0]!.id}?revision=1`,
      headers: editor.headers,
    });
    expect(staleRemove.statusCode).toBe(409);

    const removed = await inject({
      method: 'DELETE',
      url: `/api/organisation/scenarios/${scenario.id}/changes/${withChange.changes[0]!.id}?revision=2`,
      headers: editor.headers,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ changeCount: 0, problems: [], revision: 3 });

    const renamed = await inject({
      method: 'PATCH',
      url: `/api/organisation/scenarios/${scenario.id}`,
      headers: editor.headers,
      payload: { revision: 3, name: 'Tre direktører', effectiveDate: '2021-03-01', changes: mergeScenario },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Tre direktører', effectiveDate: '2021-03-01', changeCount: 3, revision: 4 });

    const list = (
      await inject({ url: '/api/organisation/scenarios?status=draft', headers: { cookie: editor.cookie } })
    ).json() as ScenarioList;
    expect(list.items.map((s) => s.id)).toContain(scenario.id);

    const discarded = await inject({
      method: 'POST',
      url: `/api/organisation/scenarios/${scenario.id}/discard`,
      headers: editor.headers,
      payload: { revision: 4 },
    });
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json().status).toBe('discarded');
    const afterDiscard = await inject({
      method: 'PATCH',
      url: `/api/organisation/scenarios/${scenario.id}`,
      headers: editor.headers,
      payload: { revision: 5, name: 'Igjen' },
    });
    expect(afterDiscard.statusCode).toBe(409);
    expect(afterDiscard.json().error.details.reason).toBe('not_draft');
  });

  it('refuses changes of the wrong shape with 400, storing nothing', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const before = await auditEntries('organisation_scenario');
    const bad: unknown[][] = [
      [{ type: 'merge_units', sourceUnitKeys: [], targetUnitKey: 'dir-omsorg' }],
      [{ type: 'explode_unit', unitKey: 'dir-omsorg' }],
      [{ type: 'rename_unit', unitKey: 'dir-omsorg', name: 'X', colour: 'red' }],
      [{ type: 'move_unit', unitKey: 'dir-omsorg' }],
      [{ type: 'create_unit', key: 'ny', name: 'Ny', kind: 'castle', level: 2, parentKey: null, classification: 'service' }],
      [{ type: 'assign_person', personKey: 'elisabeth-enger', positionKey: 'radmann', fte: 2 }],
      [{ type: 'rename_unit', unitKey: 'dir-omsorg', name: '   ' }],
    ];
    for (const changes of bad) {
      const response = await inject({
        method: 'POST',
        url: '/api/organisation/scenarios',
        headers: editor.headers,
        payload: { name: 'Feil', effectiveDate: '2021-01-01', changes },
      });
      expect(response.statusCode, JSON.stringify(changes)).toBe(400);
      expect(response.json().error.code).toBe('invalid');
    }
    for (const payload of [
      { name: 'Feil', effectiveDate: '2021-02-30' },
      { name: ' ', effectiveDate: '2021-01-01' },
      { effectiveDate: '2021-01-01' },
    ]) {
      expect((await inject({ method: 'POST', url: '/api/organisation/scenarios', headers: editor.headers, payload })).statusCode).toBe(400);
    }
    const duplicateIds = await inject({
      method: 'POST',
      url: '/api/organisation/scenarios',
      headers: editor.headers,
      payload: {
        name: 'Dobbel',
        effectiveDate: '2021-01-01',
        changes: [
          { id: 'a', type: 'close_unit', unitKey: 'x' },
          { id: 'a', type: 'close_unit', unitKey: 'y' },
        ],
      },
    });
    expect(duplicateIds.statusCode).toBe(400);
    expect(await auditEntries('organisation_scenario')).toBe(before);

    const scenario = await createScenario(editor, { name: 'Tomt', effectiveDate: '2021-01-01' });
    const badAdd = await inject({
      method: 'POST',
      url: `/api/organisation/scenarios/${scenario.id}/changes`,
      headers: editor.headers,
      payload: { revision: 1, change: { type: 'add_line', lineType: 'friendship', fromPositionKey: 'a', toPositionKey: 'b' } },
    });
    expect(badAdd.statusCode).toBe(400);
    const unknown = await inject({
      url: '/api/organisation/scenarios/00000000-0000-4000-8000-000000000000',
      headers: { cookie: editor.cookie },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('[EMPLOYEE][SCENARIOS]', () => {
  it('does not let employees see or draft scenarios, nor editors apply them', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const employee = await t.signInAs(['employee']);
    const scenario = await createScenario(editor, { name: 'Hemmelig', effectiveDate: '2021-01-01', changes: mergeScenario });
    for (const url of [
      '/api/organisation/scenarios',
      `/api/organisation/scenarios/${scenario.id}`,
      `/api/organisation/scenarios/${scenario.id}/compare`,
      `/api/organisation/scenarios/${scenario.id}/rules`,
      `/api/organisation/analytics?scenario=${scenario.id}`,
    ]) {
      expect((await inject({ url, headers: { cookie: employee.cookie } })).statusCode, url).toBe(403);
    }
    // Those who approve read what they approve, the analytics of the scenario included.
    const approver = await t.signInAs(['reorganisation_approver']);
    const seen = await inject({ url: `/api/organisation/analytics?scenario=${scenario.id}`, headers: { cookie: approver.cookie } });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/organisation/scenarios',
          headers: employee.headers,
          payload: { name: 'X', effectiveDate: '2021-01-01' },
        })
      ).statusCode,
    ).toBe(403);
    const editorApply = await inject({
      method: 'POST',
      url: `/api/organisation/scenarios/${scenario.id}/apply`,
      headers: editor.headers,
      payload: { revision: 1 },
    });
    expect(editorApply.statusCode).toBe(403);
  });
});

describe('[ADMINISTRATOR][APPLY_SCENARIO]', () => {
  it('writes the merger as dated versions: the day before shows eight director areas, the effective date seven', async () => {
    const admin = await t.signInAs(['administrator']);
    const approver = await t.signInAs(['reorganisation_approver']);
    const drafted = await createScenario(admin, { name: 'Sju direktører', effectiveDate: '2021-01-01', changes: mergeScenario });
    const scenario = await submitAndApprove(admin, approver, drafted);
    const unitAuditsBefore = await auditEntries('organisation_unit');

    const stale = await inject({
      method: 'POST',
      url: `/api/organisation/scenarios/${scenario.id}/apply`,
      headers: admin.headers,
      payload: { revision: 7 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');

    const response = await transition(approver, scenario.id, 'apply', { revision: scenario.revision });
    expect(response.statusCode, response.body).toBe(200);
    const applied = response.json() as AppliedScenario;
    expect(applied.scenario).toMatchObject({ status: 'applied', revision: scenario.revision + 1, problems: [] });
    expect(applied.scenario.appliedAt).not.toBeNull();
    expect(applied.steps).toBeGreaterThan(5);

    const dayBefore = await tree(admin, '2020-12-31');
    expect(dayBefore.filter((u) => u.kind === 'director_area')).toHaveLength(8);
    expect(dayBefore.find((u) => u.key === 'dir-omsorg')!.name).toBe('Omsorg');
    expect(dayBefore.find((u) => u.key === 'omrade-forebyggende-tjenester')!.parentId).toBe(
      dayBefore.find((u) => u.key === 'dir-folkehelse-helse-og-miljo')!.id,
    );

    const effective = await tree(admin, '2021-01-01');
    const care = effective.find((u) => u.key === 'dir-omsorg')!;
    expect(effective.filter((u) => u.kind === 'director_area')).toHaveLength(7);
    expect(effective.find((u) => u.key === 'dir-folkehelse-helse-og-miljo')).toBeUndefined();
    expect(care).toMatchObject({ name: 'Helse og omsorg', leader: { title: 'direktør for omsorg' } });
    for (const key of ['omrade-forebyggende-tjenester', 'omrade-helsetjenester', 'omrade-arbeid-og-velferd']) {
      expect(effective.find((u) => u.key === key)!.parentId, key).toBe(care.id);
    }

    // Versions, not overwrites: the old name ends the day the new one starts.
    const versions = await (t.database.db as unknown as OrganisationDb)
      .selectFrom('org_unit_versions as v')
      .innerJoin('org_units as u', 'u.id', 'v.unit_id')
      .select(['v.name', 'v.valid_from', 'v.valid_to'])
      .where('u.key', '=', 'dir-omsorg')
      .orderBy('v.valid_from')
      .execute();
    expect(versions).toEqual([
      { name: 'Omsorg', valid_from: '2020-01-01', valid_to: '2021-01-01' },
      { name: 'Helse og omsorg', valid_from: '2021-01-01', valid_to: null },
    ]);
    expect(await auditEntries('organisation_unit')).toBeGreaterThan(unitAuditsBefore + 3);

    // The analytics of the day agree with the comparison that was shown.
    const analytics = (
      await inject({ url: '/api/organisation/analytics?date=2021-01-01', headers: { cookie: admin.cookie } })
    ).json() as AnalyticsResponse;
    expect(analytics.spans.find((s) => s.roleType === 'chief_executive')!.directReports).toBe(8);

    // An applied scenario is history: its comparison is the day before against the effective date.
    const history = (
      await inject({ url: `/api/organisation/scenarios/${scenario.id}/compare`, headers: { cookie: admin.cookie } })
    ).json() as ScenarioComparison;
    expect(history.comparison.differences.map((d) => d.message.nb)).toContain('Enheten «Folkehelse, helse og miljø» avvikles.');

    const again = await transition(approver, scenario.id, 'apply', { revision: applied.scenario.revision });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('not_approved');
  });

  it('refuses apply when the organisation changed after submission (the frozen comparison no longer holds); sent back, rebased and resubmitted it goes through', async () => {
    const admin = await t.signInAs(['administrator']);
    const approver = await t.signInAs(['reorganisation_approver']);
    const drafted = await createScenario(admin, {
      name: 'Nytt navn på skole',
      effectiveDate: '2022-01-01',
      changes: [{ type: 'rename_unit', unitKey: 'omrade-skole', name: 'Grunnskole' }],
    });
    const scenario = await submitAndApprove(admin, approver, drafted);

    // Someone edits the organisation in the meantime.
    const db = t.database.db as unknown as OrganisationDb;
    const school = await db
      .selectFrom('org_units')
      .select(['id', 'revision'])
      .where('key', '=', 'omrade-barnehage')
      .executeTakeFirstOrThrow();
    await db
      .transaction()
      .execute((trx) =>
        changeUnit(trx, systemContext, { id: school.id, revision: school.revision, validFrom: '2021-06-01', name: 'Barnehager' }),
      );

    const listed = (
      await inject({ url: `/api/organisation/scenarios/${scenario.id}`, headers: { cookie: approver.cookie } })
    ).json() as Scenario;
    expect(listed).toMatchObject({ status: 'approved', baseChanged: true });
    expect(listed.actions).not.toContain('apply');
    // The approver still sees what was submitted, told that it no longer holds.
    const frozen = (
      await inject({ url: `/api/organisation/scenarios/${scenario.id}/compare`, headers: { cookie: approver.cookie } })
    ).json() as ScenarioComparison;
    expect(frozen.frozenAt).not.toBeNull();
    expect(frozen.scenario.baseChanged).toBe(true);
    expect(frozen.blockers.map((b) => b.reason)).toEqual(['base_changed']);
    expect(frozen.summary).toEqual([{ kind: 'unit_renamed', count: 1, units: ['Grunnskole'] }]);

    const counter = await changeCounter();
    const scenarioAudits = await auditEntries('organisation_scenario');
    const refused = await transition(approver, scenario.id, 'apply', { revision: scenario.revision });
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error as {
      code: string;
      message: string;
      details: { reason: string; editCount: number; edits: { entityType: string; entityId: string }[] };
    };
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Organisasjonen er endret siden scenariet');
    expect(error.message).toContain('1 endring ');
    expect(error.message).not.toMatch(/rebase/i);
    expect(error.details.reason).toBe('base_changed');
    expect(error.details.edits).toEqual([expect.objectContaining({ entityType: 'organisation_unit', entityId: school.id })]);

    expect(await changeCounter()).toBe(counter);
    expect(await auditEntries('organisation_scenario')).toBe(scenarioAudits);
    expect((await tree(admin, '2022-01-01')).find((u) => u.key === 'omrade-skole')!.name).toBe('Skole');

    // Send back (a comment is required), rebase, submit and approve again.
    expect((await transition(approver, scenario.id, 'return', { revision: scenario.revision })).statusCode).toBe(400);
    const returned = await transition(approver, scenario.id, 'return', {
      revision: scenario.revision,
      comment: 'Barnehage har fått nytt navn; sammenlign på nytt.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'draft', submittedBy: null, approvedBy: null });
    const rebased = await inject({
      method: 'PATCH',
      url: `/api/organisation/scenarios/${scenario.id}`,
      headers: admin.headers,
      payload: { revision: (returned.json() as Scenario).revision, rebase: true },
    });
    expect(rebased.json()).toMatchObject({ baseChanged: false });
    const again = await submitAndApprove(admin, approver, rebased.json() as Scenario);
    const applied = await transition(approver, scenario.id, 'apply', { revision: again.revision });
    expect(applied.statusCode, applied.body).toBe(200);
    expect((await tree(admin, '2022-01-01')).find((u) => u.key === 'omrade-skole')!.name).toBe('Grunnskole');
    expect((await tree(admin, '2021-12-31')).find((u) => u.key === 'omrade-skole')!.name).toBe('Skole');
  });

  it('refuses to submit what the comparison refuses (same reasons), and undoes everything when a command refuses at apply', async () => {
    const admin = await t.signInAs(['administrator']);
    const approver = await t.signInAs(['reorganisation_approver']);
    const attempts: { changes: ScenarioChange[]; reason: string }[] = [
      {
        changes: [{ type: 'add_line', lineType: 'personnel', fromPositionKey: 'kommunalsjef-skole', toPositionKey: 'direktor-omsorg' }],
        reason: 'rule_errors',
      },
      { changes: [{ type: 'close_unit', unitKey: 'finnes-ikke' }], reason: 'problems' },
      // The chief executive is already full time: the placement command would refuse a second 80 %.
      {
        changes: [{ type: 'assign_person', personKey: 'elisabeth-enger', positionKey: 'direktor-omsorg', fte: 0.8 }],
        reason: 'fte_over_100',
      },
      { changes: [], reason: 'no_changes' },
    ];
    for (const attempt of attempts) {
      const scenario = await createScenario(admin, {
        name: `Avvist: ${attempt.reason}`,
        effectiveDate: '2023-01-01',
        changes: attempt.changes,
      });
      const compared = (
        await inject({ url: `/api/organisation/scenarios/${scenario.id}/compare`, headers: { cookie: admin.cookie } })
      ).json() as ScenarioComparison;
      expect(compared.blockers[0]!.reason).toBe(attempt.reason);
      const counter = await changeCounter();
      const response = await transition(admin, scenario.id, 'submit', { revision: 1 });
      expect(response.statusCode, attempt.reason).toBe(409);
      expect(response.json().error.details.reason).toBe(attempt.reason);
      expect(response.json().error.message).toBe(compared.blockers[0]!.message.nb);
      expect(await changeCounter()).toBe(counter);
    }

    // A placement that clashes with one already planned for later: the plan (as of the effective
    // date) cannot see it, the command can — and the rename it already wrote is undone with it.
    const db = t.database.db as unknown as OrganisationDb;
    const ids = async (table: 'org_people' | 'org_positions', key: string) =>
      (await db.selectFrom(table).select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
    // A person with no other position, so the plan's FTE check (over 100 %) has nothing to say.
    const person = await db.transaction().execute((trx) => createPerson(trx, systemContext, { key: 'vikar-omsorg', name: 'Vikar Omsorg' }));
    const positionId = await ids('org_positions', 'direktor-omsorg');
    await db.transaction().execute((trx) =>
      assignPerson(trx, systemContext, {
        personId: person.id,
        positionId,
        fte: 0.2,
        validFrom: '2024-01-01',
      }),
    );
    const drafted = await createScenario(admin, {
      name: 'Plassering som kolliderer',
      effectiveDate: '2023-01-01',
      changes: [
        { type: 'rename_unit', unitKey: 'omrade-barnehage', name: 'Barnehage og oppvekst' },
        { type: 'assign_person', personKey: 'vikar-omsorg', positionKey: 'direktor-omsorg', fte: 0.2 },
      ],
    });
    const scenario = await submitAndApprove(admin, approver, drafted);
    const counter = await changeCounter();
    const refused = await transition(approver, scenario.id, 'apply', { revision: scenario.revision });
    expect(refused.statusCode, refused.body).toBe(409);
    const error = refused.json().error as { message: string; details: { reason: string; changeIndex: number; step: string } };
    expect(error.details).toMatchObject({ reason: 'command_refused', changeIndex: 1, step: 'assignPerson' });
    expect(error.message).toContain('Endring 2 (plasser person)');
    expect(error.message).toContain('Ingenting er endret');
    expect(await changeCounter()).toBe(counter);
    expect((await tree(admin, '2023-01-01')).find((u) => u.key === 'omrade-barnehage')!.name).not.toBe('Barnehage og oppvekst');
    expect((await inject({ url: `/api/organisation/scenarios/${scenario.id}`, headers: { cookie: admin.cookie } })).json()).toMatchObject({
      status: 'approved',
      revision: scenario.revision,
    });
  });
});

describe('[ORGANISATION_EDITOR][APPROVAL]', () => {
  it('takes a scenario from draft to applied: the editor submits, a director approves and applies, each step audited', async () => {
    const editor = await t.signInAs(['organisation_editor'], 'Eva Redaktør');
    const director = await t.signInAs([], 'Dina Direktør');
    await t.placeUser(director.userId, 'Dina Direktør', 'direktor-administrasjon');
    const scenario = await createScenario(editor, {
      name: 'Nytt navn på arbeid og velferd',
      effectiveDate: '2024-03-01',
      changes: [{ type: 'rename_unit', unitKey: 'omrade-arbeid-og-velferd', name: 'Arbeid, velferd og inkludering' }],
    });
    expect(scenario).toMatchObject({ createdBy: { id: editor.userId, name: 'Eva Redaktør' }, draftedByYou: true });
    expect(scenario.actions).toEqual(expect.arrayContaining(['edit', 'submit']));
    const audits = await auditEntries('organisation_scenario');

    // The editor cannot approve or apply at all: the route needs organisation:approve.
    expect((await transition(editor, scenario.id, 'apply', { revision: 1 })).statusCode).toBe(403);
    // Nor can anything be approved or applied before it is submitted.
    const early = await transition(director, scenario.id, 'approve', { revision: 1 });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().error.details.reason).toBe('not_submitted');

    const submitted = await transition(editor, scenario.id, 'submit', { revision: 1, comment: 'Klar for godkjenning.' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const s1 = submitted.json() as Scenario;
    expect(s1).toMatchObject({ status: 'submitted', submittedBy: { id: editor.userId }, revision: 2 });
    // Submitted is frozen: no edits.
    const edit = await inject({
      method: 'PATCH',
      url: `/api/organisation/scenarios/${scenario.id}`,
      headers: editor.headers,
      payload: { revision: 2, name: 'Annet navn' },
    });
    expect(edit.statusCode).toBe(409);

    // The director reads it (the role follows the position) and sees what was submitted.
    const read = await inject({ url: `/api/organisation/scenarios/${scenario.id}`, headers: { cookie: director.cookie } });
    expect(read.statusCode, read.body).toBe(200);
    expect((read.json() as Scenario).actions).toEqual(expect.arrayContaining(['approve', 'return', 'reject', 'comment']));
    const compare = (
      await inject({ url: `/api/organisation/scenarios/${scenario.id}/compare`, headers: { cookie: director.cookie } })
    ).json() as ScenarioComparison;
    expect(compare.frozenAt).toBe(s1.submittedAt);
    expect(compare.blockers).toEqual([]);
    expect(compare.summary).toEqual([{ kind: 'unit_renamed', count: 1, units: ['Arbeid, velferd og inkludering'] }]);

    const commented = await inject({
      method: 'POST',
      url: `/api/organisation/scenarios/${scenario.id}/comments`,
      headers: director.headers,
      payload: { text: 'Ser bra ut.' },
    });
    expect(commented.statusCode, commented.body).toBe(201);

    // Apply before approval is refused.
    const unapproved = await transition(director, scenario.id, 'apply', { revision: 2 });
    expect(unapproved.statusCode).toBe(409);
    expect(unapproved.json().error.details.reason).toBe('not_approved');

    // Two approvals on the same read: the second is stale.
    const approved = await transition(director, scenario.id, 'approve', { revision: 2 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { id: director.userId, name: 'Dina Direktør' }, revision: 3 });
    const twice = await transition(director, scenario.id, 'approve', { revision: 2 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('stale');

    const applied = await transition(director, scenario.id, 'apply', { revision: 3 });
    expect(applied.statusCode, applied.body).toBe(200);
    const done = (applied.json() as AppliedScenario).scenario;
    expect(done).toMatchObject({ status: 'applied', appliedBy: { id: director.userId } });
    expect(done.comments.map((c) => [c.authorName, c.text, c.action])).toEqual([
      ['Eva Redaktør', 'Klar for godkjenning.', 'submit'],
      ['Dina Direktør', 'Ser bra ut.', null],
    ]);
    expect((await tree(editor, '2024-03-01')).find((u) => u.key === 'omrade-arbeid-og-velferd')!.name).toBe(
      'Arbeid, velferd og inkludering',
    );
    // submit, comment, approve, apply.
    expect(await auditEntries('organisation_scenario')).toBe(audits + 4);
  });

  it('refuses approval of your own submission and apply by the one who drafted it', async () => {
    const admin = await t.signInAs(['administrator']);
    const approver = await t.signInAs(['reorganisation_approver']);
    const scenario = await createScenario(admin, {
      name: 'Egen godkjenning',
      effectiveDate: '2024-05-01',
      changes: [{ type: 'rename_unit', unitKey: 'omrade-rus-og-psykisk-helse', name: 'Psykisk helse og rus' }],
    });
    const submitted = await transition(admin, scenario.id, 'submit', { revision: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const own = await transition(admin, scenario.id, 'approve', { revision: 2 });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toContain('du har laget eller sendt inn selv');

    const approved = await transition(approver, scenario.id, 'approve', { revision: 2 });
    expect(approved.statusCode, approved.body).toBe(200);
    const counter = await changeCounter();
    const byDrafter = await transition(admin, scenario.id, 'apply', { revision: 3 });
    expect(byDrafter.statusCode).toBe(403);
    expect(byDrafter.json().error.message).toContain('du har laget selv');
    expect(await changeCounter()).toBe(counter);
    expect((await inject({ url: `/api/organisation/scenarios/${scenario.id}`, headers: { cookie: admin.cookie } })).json()).toMatchObject({
      status: 'approved',
      revision: 3,
      draftedByYou: true,
    });

    // Withdrawn by the editors, rejected by an approver with a reason: a rejected scenario is closed.
    const withdrawn = await transition(admin, scenario.id, 'withdraw', { revision: 3 });
    expect(withdrawn.json()).toMatchObject({ status: 'draft', approvedBy: null });
    await transition(admin, scenario.id, 'submit', { revision: 4 });
    const rejected = await transition(approver, scenario.id, 'reject', { revision: 5, comment: 'Ikke nå.' });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect((await transition(admin, scenario.id, 'submit', { revision: 6 })).statusCode).toBe(409);
  });
});

describe('[ORGANISATION_EDITOR][SAME_DAY_UNDO]', () => {
  it('applies a scenario whose change and reversal fall on the same day as no change, and the rest as compared', async () => {
    const admin = await t.signInAs(['administrator']);
    const approver = await t.signInAs(['reorganisation_approver']);
    const undo: ScenarioChange[] = [
      { type: 'move_unit', unitKey: 'omrade-kultur-og-frivillighet', parentKey: 'dir-utdanning' },
      { type: 'rename_unit', unitKey: 'stabsomrade-kommunikasjon', name: 'Kommunikasjon og samfunnskontakt' },
      { type: 'move_unit', unitKey: 'omrade-kultur-og-frivillighet', parentKey: 'dir-by-og-stedsutvikling-og-kultur' },
      { type: 'rename_unit', unitKey: 'stabsomrade-kommunikasjon', name: 'Kommunikasjon' },
    ];
    const db = t.database.db as unknown as OrganisationDb;
    const versionsOf = (key: string) =>
      db
        .selectFrom('org_unit_versions as v')
        .innerJoin('org_units as u', 'u.id', 'v.unit_id')
        .select(['v.name', 'v.valid_from', 'v.valid_to'])
        .where('u.key', '=', key)
        .orderBy('v.valid_from')
        .execute();
    const before = {
      culture: await versionsOf('omrade-kultur-og-frivillighet'),
      communication: await versionsOf('stabsomrade-kommunikasjon'),
    };
    expect(before.communication.at(-1)!.name).toBe('Kommunikasjon');

    // Only the reversal: nothing to change, and both the comparison and submission say so.
    const nothing = await createScenario(admin, { name: 'Fram og tilbake', effectiveDate: '2026-12-07', changes: undo });
    expect(nothing.problems).toEqual([]);
    const compared = (
      await inject({ url: `/api/organisation/scenarios/${nothing.id}/compare`, headers: { cookie: admin.cookie } })
    ).json() as ScenarioComparison;
    expect(compared.comparison.differences).toEqual([]);
    expect(compared.blockers.map((b) => b.reason)).toEqual(['no_changes']);
    expect((await transition(admin, nothing.id, 'submit', { revision: 1 })).json().error.details.reason).toBe('no_changes');

    // With one real change: the comparison shows only it, and apply writes only it.
    const drafted = await createScenario(admin, {
      name: 'Fram og tilbake, og ett nytt navn',
      effectiveDate: '2026-12-07',
      changes: [...undo, { type: 'rename_unit', unitKey: 'stabsomrade-plan-og-strategi', name: 'Plan, strategi og analyse' }],
    });
    const withOne = (
      await inject({ url: `/api/organisation/scenarios/${drafted.id}/compare`, headers: { cookie: admin.cookie } })
    ).json() as ScenarioComparison;
    expect(withOne.problems).toEqual([]);
    expect(withOne.blockers).toEqual([]);
    expect(withOne.comparison.differences.map((d) => d.kind)).toEqual(['unit_renamed']);
    const scenario = await submitAndApprove(admin, approver, drafted);
    const applied = await transition(approver, scenario.id, 'apply', { revision: scenario.revision });
    expect(applied.statusCode, applied.body).toBe(200);
    expect((applied.json() as AppliedScenario).steps).toBe(1);
    expect(await versionsOf('omrade-kultur-og-frivillighet')).toEqual(before.culture);
    expect(await versionsOf('stabsomrade-kommunikasjon')).toEqual(before.communication);
    expect((await tree(admin, '2026-12-07')).find((u) => u.key === 'stabsomrade-plan-og-strategi')!.name).toBe('Plan, strategi og analyse');
  });
});
