import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { BulkChangeResult } from './bulk-change.schemas.js';
import type { OrganisationTree } from './organisation.schemas.js';
import type { Scenario, ScenarioComparison, ScenarioList } from './scenarios.schemas.js';

const t = useTestApp();
const inject = (options: InjectOptions) => t.knutepunkt.app.inject(options);
const day = '2021-01-01';

const bulk = (user: SignedIn, payload: unknown) =>
  inject({
    method: 'POST',
    url: '/api/organisation/bulk-changes',
    headers: { ...user.headers, 'accept-language': 'nb' },
    payload: payload as object,
  });

async function scenarioCount(user: SignedIn): Promise<number> {
  return ((await inject({ url: '/api/organisation/scenarios', headers: { cookie: user.cookie } })).json() as ScenarioList).items.length;
}

async function parentNames(user: SignedIn, keys: string[]): Promise<Record<string, string | undefined>> {
  const { units } = (
    await inject({ url: `/api/organisation/tree?date=${day}`, headers: { cookie: user.cookie } })
  ).json() as OrganisationTree;
  const byId = new Map(units.map((u) => [u.id, u]));
  return Object.fromEntries(keys.map((key) => [key, byId.get(units.find((u) => u.key === key)!.parentId!)?.name]));
}

/** The refusal's rows and whether nothing was written: no scenario, no audit entry. */
async function expectRefused(user: SignedIn, payload: unknown, paths: string[]) {
  const [scenarios, audits] = [await scenarioCount(user), await t.auditCount()];
  const response = await bulk(user, payload);
  expect(response.statusCode, response.body).toBe(400);
  const { error } = response.json() as { error: { code: string; message: string; details: { path: string }[] } };
  expect(error.code).toBe('invalid');
  expect(error.details.map((d) => d.path)).toEqual(paths);
  expect(await scenarioCount(user)).toBe(scenarios);
  expect(await t.auditCount()).toBe(audits);
  return error;
}

const schools = ['skole-aronslokka', 'skole-bragernes', 'skole-brandengen'];

describe('[ORGANISATION_EDITOR][BULK_CHANGE]', () => {
  it('drafts one scenario that moves three units and renames one, changing nothing until it is applied', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const before = await parentNames(editor, schools);
    const audits = await t.auditCount('organisation_scenario');
    const response = await bulk(editor, {
      name: 'Tre skoler til ny enhet',
      effectiveDate: day,
      parentKey: 'omrade-barnehage',
      units: [
        { unitKey: schools[0] },
        { unitKey: schools[1], name: 'Bragernes oppvekstsenter' },
        { unitKey: schools[2], name: 'Brandengen skole' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as BulkChangeResult;
    // Three moves and one rename: Brandengen already has that name.
    expect(created).toMatchObject({ name: 'Tre skoler til ny enhet', effectiveDate: day, changeCount: 4, revision: 1 });
    expect(await t.auditCount('organisation_scenario')).toBe(audits + 1);

    const scenario = (
      await inject({ url: `/api/organisation/scenarios/${created.id}`, headers: { cookie: editor.cookie } })
    ).json() as Scenario;
    expect(scenario).toMatchObject({ status: 'draft', changeCount: 4, problems: [] });
    expect(scenario.changes.map(({ id: _id, ...change }) => change)).toEqual([
      { type: 'move_unit', unitKey: schools[0], parentKey: 'omrade-barnehage' },
      { type: 'move_unit', unitKey: schools[1], parentKey: 'omrade-barnehage' },
      { type: 'rename_unit', unitKey: schools[1], name: 'Bragernes oppvekstsenter' },
      { type: 'move_unit', unitKey: schools[2], parentKey: 'omrade-barnehage' },
    ]);
    const compare = (
      await inject({ url: `/api/organisation/scenarios/${created.id}/compare`, headers: { cookie: editor.cookie } })
    ).json() as ScenarioComparison;
    expect(compare.comparison.differences.map((d) => d.message.nb)).toEqual(
      expect.arrayContaining([
        'Enheten «Aronsløkka skole» flyttes fra «Skole» til «Barnehage».',
        'Enheten «Bragernes skole» får nytt navn: «Bragernes oppvekstsenter».',
      ]),
    );
    // A draft: the organisation itself is as it was.
    expect(await parentNames(editor, schools)).toEqual(before);
  });

  it('renames without moving, and leaves out units that already have their new name', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const response = await bulk(editor, {
      name: 'Nye skolenavn',
      effectiveDate: day,
      units: [{ unitKey: schools[0], name: '  Aronsløkka oppvekstsenter ' }, { unitKey: schools[1] }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as BulkChangeResult;
    const scenario = (
      await inject({ url: `/api/organisation/scenarios/${created.id}`, headers: { cookie: editor.cookie } })
    ).json() as Scenario;
    expect(scenario.changes.map(({ id: _id, ...change }) => change)).toEqual([
      { type: 'rename_unit', unitKey: schools[0], name: 'Aronsløkka oppvekstsenter' },
    ]);
  });

  it('refuses a move that would put a unit below itself, naming the row, writing nothing', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    // «Skole» lies under «Utdanning»: moving Utdanning under it is a cycle; the schools alone would be fine.
    const error = await expectRefused(
      editor,
      { name: 'Ring', effectiveDate: day, parentKey: 'omrade-skole', units: [{ unitKey: schools[0] }, { unitKey: 'dir-utdanning' }] },
      ['units.1.unitKey'],
    );
    expect(error.message).toContain('Rad 2: «Utdanning» kan ikke flyttes under «Skole», som ligger under den selv.');
    await expectRefused(editor, { name: 'Under seg selv', effectiveDate: day, parentKey: schools[0], units: [{ unitKey: schools[0] }] }, [
      'units.0.unitKey',
    ]);
  });

  it('refuses unknown units, a unit chosen twice, an unknown parent and a selection that changes nothing', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const error = await expectRefused(
      editor,
      {
        name: 'Ukjente',
        effectiveDate: day,
        parentKey: 'omrade-barnehage',
        units: [{ unitKey: schools[0] }, { unitKey: 'finnes-ikke' }, { unitKey: schools[0] }],
      },
      ['units.1.unitKey', 'units.2.unitKey'],
    );
    expect(error.message).toMatch(
      /^Scenariet ble ikke laget \(2 problemer i utvalget\)\. Rad 2: fant ingen enhet med nøkkelen «finnes-ikke»/,
    );
    await expectRefused(editor, { name: 'Ukjent', effectiveDate: day, parentKey: 'finnes-ikke', units: [{ unitKey: schools[0] }] }, [
      'parentKey',
    ]);
    // Before the merger the organisation had no units at all.
    await expectRefused(editor, { name: 'For tidlig', effectiveDate: '2019-06-01', units: [{ unitKey: schools[0], name: 'X' }] }, [
      'units.0.unitKey',
    ]);
    await expectRefused(editor, { name: 'Ingenting', effectiveDate: day, units: [{ unitKey: schools[0] }] }, ['units']);
    await expectRefused(editor, { name: 'Allerede der', effectiveDate: day, parentKey: 'omrade-skole', units: [{ unitKey: schools[0] }] }, [
      'units',
    ]);
  });

  it('refuses more than 200 units and unknown fields by their schema, and callers who may not edit', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const many = Array.from({ length: 201 }, (_, i) => ({ unitKey: `enhet-${i}` }));
    const tooMany = await bulk(editor, { name: 'Mange', effectiveDate: day, parentKey: 'omrade-skole', units: many });
    expect(tooMany.statusCode).toBe(400);
    const extra = await bulk(editor, { name: 'Ekstra', effectiveDate: day, units: [{ unitKey: schools[0], name: 'X', level: 2 }] });
    expect(extra.statusCode).toBe(400);
    const employee = await t.signInAs(['employee']);
    const refused = await bulk(employee, { name: 'Nei', effectiveDate: day, units: [{ unitKey: schools[0], name: 'X' }] });
    expect(refused.statusCode).toBe(403);
  });
});
