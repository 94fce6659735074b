import { describe, expect, it } from 'vitest';
import { compareNorwegian } from '../../kernel/index.js';
import { useTestApp } from '../../../test/helpers/test-app.js';

const t = useTestApp();

describe('[EMPLOYEE][READ_ORGANISATION_TREE]', () => {
  it('shows Nye Drammen as of 1 January 2020: the chief executive on top, 81+ level-3 units, the pilot hub under a director', async () => {
    const user = await t.signInAs(['employee']);
    const response = await t.knutepunkt.app.inject({ url: '/api/organisation/tree?date=2020-01-01', headers: { cookie: user.cookie } });
    expect(response.statusCode).toBe(200);
    const { date, units } = response.json() as {
      date: string;
      units: {
        id: string;
        key: string;
        name: string;
        kind: string;
        level: number;
        parentId: string | null;
        leader: { title: string; personName: string | null } | null;
      }[];
    };
    expect(date).toBe('2020-01-01');

    const top = units.filter((u) => u.parentId === null);
    expect(top).toHaveLength(1);
    expect(top[0]).toMatchObject({ name: 'Rådmannens lederteam', level: 1, leader: { title: 'rådmann', personName: 'Elisabeth Enger' } });

    expect(units.filter((u) => u.kind === 'director_area')).toHaveLength(8);
    expect(units.filter((u) => u.kind === 'service_area')).toHaveLength(11);
    expect(units.filter((u) => u.kind === 'staff_area')).toHaveLength(5);
    expect(units.filter((u) => u.level === 3 && (u.kind === 'unit' || u.kind === 'hub')).length).toBeGreaterThanOrEqual(81);

    const byId = new Map(units.map((u) => [u.id, u]));
    const pilot = units.find((u) => u.key === 'pilot-lokalt-knutepunkt')!;
    expect(pilot).toMatchObject({ kind: 'hub', level: 3 });
    expect(byId.get(pilot.parentId!)!.kind).toBe('director_area');

    // Sorted by Norwegian rules, whatever the database's collation.
    const names = units.map((u) => u.name);
    expect([...names].sort(compareNorwegian)).toEqual(names);
  });

  it('is empty before the new municipality existed', async () => {
    const user = await t.signInAs(['employee']);
    const response = await t.knutepunkt.app.inject({ url: '/api/organisation/tree?date=2019-12-31', headers: { cookie: user.cookie } });
    expect(response.json().units).toEqual([]);
  });

  it('refuses impossible dates and callers who are not signed in', async () => {
    const user = await t.signInAs(['employee']);
    for (const date of ['2020-02-30', '1.1.2020', 'today']) {
      const response = await t.knutepunkt.app.inject({ url: `/api/organisation/tree?date=${date}`, headers: { cookie: user.cookie } });
      expect(response.statusCode, date).toBe(400);
    }
    expect((await t.knutepunkt.app.inject('/api/organisation/tree')).statusCode).toBe(401);
  });
});

describe('[EMPLOYEE][READ_CHART_LINES]', () => {
  it('gives the chart the lines the hierarchy does not show: the digital agent’s professional line to the director of development', async () => {
    const user = await t.signInAs(['employee']);
    const headers = { cookie: user.cookie };
    const tree = (await t.knutepunkt.app.inject({ url: '/api/organisation/tree?date=2020-01-01', headers })).json() as {
      units: { id: string; key: string; parentId: string | null }[];
    };
    const unit = (key: string) => tree.units.find((u) => u.key === key)!;
    const response = await t.knutepunkt.app.inject({ url: '/api/organisation/lines?date=2020-01-01', headers });
    expect(response.statusCode).toBe(200);
    const { date, lines } = response.json() as { date: string; lines: { type: string; fromUnitId: string; toUnitId: string }[] };
    expect(date).toBe('2020-01-01');
    expect(lines).toContainEqual(
      expect.objectContaining({
        type: 'professional',
        fromUnitId: unit('omrade-skole').id,
        toUnitId: unit('dir-utvikling-og-digitalisering').id,
      }),
    );
    // Service allocation reports on decisions to kommunalsjefer outside its own chain.
    expect(lines.some((l) => l.type === 'coordination' && l.fromUnitId === unit('omsorg-tjenestetildeling').id)).toBe(true);
    // Personnel lines along the hierarchy are the chart's edges, never repeated as lines.
    const parentOf = new Map(tree.units.map((u) => [u.id, u.parentId]));
    expect(lines.filter((l) => l.type === 'personnel' && parentOf.get(l.fromUnitId) === l.toUnitId)).toEqual([]);
    expect(lines.every((l) => l.fromUnitId !== l.toUnitId)).toBe(true);
    // One line per type and pair of units.
    const pairs = lines.map((l) => `${l.type}:${l.fromUnitId}:${l.toUnitId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('refuses a malformed date with a clear message', async () => {
    const user = await t.signInAs(['employee']);
    const response = await t.knutepunkt.app.inject({ url: '/api/organisation/lines?date=1.1.2020', headers: { cookie: user.cookie } });
    expect(response.statusCode).toBe(400);
  });
});

describe('[ORGANISATION_EDITOR][CHANGE_UNIT] same-day edits', () => {
  const db = () => t.database.db as unknown as import('./server/organisation.tables.js').OrganisationDb;
  const idOf = async (table: 'org_units' | 'org_positions', key: string) =>
    (await db().selectFrom(table).select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
  const personnelLines = (from: string) =>
    db()
      .selectFrom('org_reporting_lines')
      .select(['to_position_id', 'valid_from', 'valid_to'])
      .where('from_position_id', '=', from)
      .where('line_type', '=', 'personnel')
      .orderBy('valid_from')
      .execute();
  async function move(editor: Awaited<ReturnType<typeof t.signInAs>>, unit: string, parentId: string, validFrom: string) {
    const detail = await t.knutepunkt.app.inject({ url: `/api/organisation/units/${unit}?date=${validFrom}`, headers: editor.headers });
    const response = await t.knutepunkt.app.inject({
      method: 'PATCH',
      url: `/api/organisation/units/${unit}`,
      headers: editor.headers,
      payload: { revision: (detail.json() as { revision: number }).revision, validFrom, parentId, moveLeaderLine: true },
    });
    expect(response.statusCode, response.body).toBe(200);
  }

  it('a second move on the same date moves the leader’s personnel line again, leaving no line of zero days', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const school = await idOf('org_units', 'skole-borresen');
    const principal = await idOf('org_positions', 'leder-skole-borresen');
    const schoolHead = await idOf('org_positions', 'kommunalsjef-skole');
    const healthHead = await idOf('org_positions', 'kommunalsjef-helsetjenester');
    await move(editor, school, await idOf('org_units', 'omrade-barnehage'), '2034-03-01');
    await move(editor, school, await idOf('org_units', 'omrade-helsetjenester'), '2034-03-01');
    expect(await personnelLines(principal)).toEqual([
      expect.objectContaining({ to_position_id: schoolHead, valid_to: '2034-03-01' }),
      { to_position_id: healthHead, valid_from: '2034-03-01', valid_to: null },
    ]);
    const versions = await db()
      .selectFrom('org_unit_versions')
      .select(['valid_from', 'valid_to'])
      .where('unit_id', '=', school)
      .orderBy('valid_from')
      .execute();
    expect(versions.filter((v) => v.valid_from >= '2034-03-01')).toEqual([{ valid_from: '2034-03-01', valid_to: null }]);
  });

  it('a move and its reversal on the same date collapse to no change', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const school = await idOf('org_units', 'skole-fjell');
    const principal = await idOf('org_positions', 'leder-skole-fjell');
    const schoolHead = await idOf('org_positions', 'kommunalsjef-skole');
    const before = await db()
      .selectFrom('org_unit_versions')
      .select(['valid_from', 'valid_to', 'parent_id'])
      .where('unit_id', '=', school)
      .execute();
    const linesBefore = await personnelLines(principal);
    await move(editor, school, await idOf('org_units', 'omrade-helsetjenester'), '2034-04-01');
    await move(editor, school, await idOf('org_units', 'omrade-skole'), '2034-04-01');
    expect(
      await db().selectFrom('org_unit_versions').select(['valid_from', 'valid_to', 'parent_id']).where('unit_id', '=', school).execute(),
    ).toEqual(before);
    expect(await personnelLines(principal)).toEqual(linesBefore);
    expect(linesBefore.map((l) => [l.to_position_id, l.valid_to])).toEqual([[schoolHead, null]]);
  });
});

describe('[ORGANISATION_EDITOR][END_LINE] ended on the day it starts', () => {
  it('a line or an assignment ended on its first day disappears (audited) instead of holding for zero days', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const db = t.database.db as unknown as import('./server/organisation.tables.js').OrganisationDb;
    const idOf = async (table: 'org_positions' | 'org_people', key: string) =>
      (await db.selectFrom(table).select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
    const post = (url: string, payload: object) => t.knutepunkt.app.inject({ method: 'POST', url, headers: editor.headers, payload });
    const added = await post('/api/organisation/lines', {
      type: 'coordination',
      fromPositionId: await idOf('org_positions', 'leder-skole-borresen'),
      toPositionId: await idOf('org_positions', 'kommunalsjef-helsetjenester'),
      validFrom: '2034-05-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    const line = added.json() as { id: string; revision: number };
    const ended = await post(`/api/organisation/lines/${line.id}/end`, { revision: line.revision, validTo: '2034-05-01' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await db.selectFrom('org_reporting_lines').select('id').where('id', '=', line.id).execute()).toEqual([]);
    expect(await t.auditCount('organisation_line')).toBeGreaterThan(0);
    const entry = await db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('entity_id', '=', line.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'delete', before: { validFrom: '2034-05-01', validTo: null } });

    const person = await idOf('org_people', (await db.selectFrom('org_people').select('key').executeTakeFirstOrThrow()).key);
    const assigned = await post('/api/organisation/assignments', {
      personId: person,
      positionId: await idOf('org_positions', 'kommunalsjef-helsetjenester'),
      validFrom: '2034-05-01',
      fte: 0.2,
      fteOverrideReason: 'Prøver en tilknytning av null dager.',
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const assignment = assigned.json() as { id: string; revision: number };
    const endedAssignment = await post(`/api/organisation/assignments/${assignment.id}/end`, {
      revision: assignment.revision,
      validTo: '2034-05-01',
    });
    expect(endedAssignment.statusCode, endedAssignment.body).toBe(200);
    expect(await db.selectFrom('org_assignments').select('id').where('id', '=', assignment.id).execute()).toEqual([]);
    // Before the start is still refused.
    const refused = await post(`/api/organisation/lines/${line.id}/end`, { revision: 1, validTo: '2034-04-01' });
    expect(refused.statusCode).toBe(404);
  });
});

describe('[ORGANISATION_EDITOR][ASSIGN_PERSON] above 100 % FTE', () => {
  it('refuses 0,8 + 0,8 = 160 % without a reason, changes nothing, and with a reason stores it, audits it and shows it as accepted', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const db = t.database.db as unknown as import('./server/organisation.tables.js').OrganisationDb;
    const position = async (key: string) =>
      (await db.selectFrom('org_positions').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
    const post = (payload: object) =>
      t.knutepunkt.app.inject({ method: 'POST', url: '/api/organisation/assignments', headers: editor.headers, payload });
    const created = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/organisation/people',
      headers: editor.headers,
      payload: { name: 'Kari Testesen', key: 'kari-testesen-fte' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const personId = (created.json() as { id: string }).id;
    const first = await post({ personId, positionId: await position('leder-skole-borresen'), fte: 0.8, validFrom: '2034-06-01' });
    expect(first.statusCode, first.body).toBe(201);

    const audits = await t.auditCount();
    const second = { personId, positionId: await position('leder-skole-fjell'), fte: 0.8, validFrom: '2034-08-01' };
    const refused = await post(second);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error).toMatchObject({
      message:
        'Kari Testesen får da 160 % stilling fra 1.8.2034: mer enn 100 %. Avslutt eller reduser en annen tilknytning først, eller godta det med en begrunnelse.',
      details: { fteOverride: true, percent: 160 },
    });
    expect(await t.auditCount()).toBe(audits);
    expect(await db.selectFrom('org_assignments').select('id').where('person_id', '=', personId).execute()).toHaveLength(1);

    const accepted = await post({ ...second, fteOverrideReason: '  Fungerer som rektor på begge skolene i overgangen.  ' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const stored = await db
      .selectFrom('org_assignments')
      .select('fte_override_reason')
      .where('id', '=', (accepted.json() as { id: string }).id)
      .executeTakeFirstOrThrow();
    expect(stored.fte_override_reason).toBe('Fungerer som rektor på begge skolene i overgangen.');
    expect(await t.auditCount()).toBe(audits + 1);

    const report = (
      await t.knutepunkt.app.inject({ url: '/api/organisation/rules?date=2034-08-01', headers: editor.headers })
    ).json() as import('./rules.schemas.js').RulesReport;
    expect(report.findings.filter((f) => f.rule === 'person_fte_over_100')).toEqual([]);
    expect(report.accepted!.filter((a) => a.finding.rule === 'person_fte_over_100').map((a) => [a.finding.details, a.reason])).toEqual([
      [{ personId, ftePercent: 160 }, 'Fungerer som rektor på begge skolene i overgangen.'],
    ]);
  });
});
