import { beforeAll, describe, expect, it } from 'vitest';
import { can, compareNorwegian, permissionsOf, type Actor, type Role } from '../../kernel/index.js';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { PersonDetail, PositionDetail, SearchResult, UnitDetail } from './records.schemas.js';
import { registerUnitScope } from './server/unit-scope.js';
import type { OrganisationDb } from './server/organisation.tables.js';

const t = useTestApp();
const db = () => t.database.db as unknown as OrganisationDb;

let editor: SignedIn;
let employee: SignedIn;
beforeAll(async () => {
  editor = await t.signInAs(['organisation_editor']);
  employee = await t.signInAs(['employee']);
});

interface Answer<T = unknown> {
  status: number;
  body: T;
  error: { code: string; message: string; details: unknown };
}

async function call<T = Record<string, unknown>>(
  user: SignedIn,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
): Promise<Answer<T>> {
  const response = await t.knutepunkt.app.inject({
    method,
    url,
    headers: user.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const body = response.body ? response.json() : null;
  return { status: response.statusCode, body: body as T, error: (body as { error: Answer['error'] })?.error };
}
const get = <T>(url: string, user = employee) => call<T>(user, 'GET', url);
const post = <T = { id: string; revision: number }>(url: string, payload: unknown, user = editor) => call<T>(user, 'POST', url, payload);
const patch = <T = { id: string; revision: number }>(url: string, payload: unknown, user = editor) => call<T>(user, 'PATCH', url, payload);

async function unitId(key: string): Promise<string> {
  return (await db().selectFrom('org_units').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
}
async function positionId(key: string): Promise<string> {
  return (await db().selectFrom('org_positions').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
}
async function personId(key: string): Promise<string> {
  return (await db().selectFrom('org_people').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
}
async function lastAudit(entityId: string) {
  return db().selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('id', 'desc').executeTakeFirstOrThrow();
}

/** Runs a refused write and proves that nothing changed: the same read before and after, no new audit entry. */
async function expectRefused(
  readUrl: string,
  write: () => Promise<Answer>,
  status: number,
  code: string,
  message: RegExp,
): Promise<Answer> {
  const before = await get(readUrl);
  const audits = await t.auditCount();
  const answer = await write();
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.error.code).toBe(code);
  expect(answer.error.message).toMatch(message);
  expect(await t.auditCount()).toBe(audits);
  expect((await get(readUrl)).body).toEqual(before.body);
  return answer;
}

const newUnit = (parentId: string, extra: Record<string, unknown> = {}) => ({
  name: 'Testenhet',
  kind: 'unit',
  level: 3,
  parentId,
  classification: 'service',
  validFrom: '2030-01-01',
  ...extra,
});

describe('[EMPLOYEE][READ_UNIT]', () => {
  it('shows a service area on a date: parent, children, leader, vacant positions, lines in and out, history', async () => {
    const id = await unitId('omrade-institusjons-og-hjemmetjenester');
    const { status, body } = await get<UnitDetail>(`/api/organisation/units/${id}?date=2020-01-01`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      date: '2020-01-01',
      key: 'omrade-institusjons-og-hjemmetjenester',
      name: 'Institusjons- og hjemmetjenester',
      kind: 'service_area',
      level: 2,
      revision: 1,
    });
    expect(body.parent).toMatchObject({ id: await unitId('dir-omsorg'), level: 1, kind: 'director_area' });
    expect(body.children).toHaveLength(11);
    expect(body.children.map((c) => c.name)).toEqual([...body.children.map((c) => c.name)].sort(compareNorwegian));
    expect(body.leader).toMatchObject({ title: 'kommunalsjef for institusjons- og hjemmetjenester', holders: [] });
    expect(body.positions.map((p) => p.roleType)).toEqual(['service_area_head', 'digital_agent']);
    expect(body.positions.every((p) => p.vacant)).toBe(true);

    // The kommunalsjef reports to the director; the unit leaders and the digital agent report to the kommunalsjef.
    expect(body.linesOut.filter((l) => l.type === 'personnel' && l.position.title.startsWith('kommunalsjef'))).toEqual([
      expect.objectContaining({ direction: 'out', other: expect.objectContaining({ positionId: await positionId('direktor-omsorg') }) }),
    ]);
    expect(body.linesOut.find((l) => l.type === 'professional')?.other.unitName).toBeTruthy();
    expect(body.linesIn.filter((l) => l.type === 'personnel').length).toBe(12);

    expect(body.history).toEqual([
      {
        validFrom: '2020-01-01',
        validTo: null,
        name: 'Institusjons- og hjemmetjenester',
        parentId: body.parent!.id,
        parentName: body.parent!.name,
        level: 2,
        kind: 'service_area',
        classification: 'service',
      },
    ]);
  });

  it('shows who leads: the chief executive holds the leadership team', async () => {
    const { body } = await get<UnitDetail>(`/api/organisation/units/${await unitId('radmannens-lederteam')}?date=2020-01-01`);
    expect(body.parent).toBeNull();
    expect(body.leader).toMatchObject({
      title: 'rådmann',
      holders: [expect.objectContaining({ name: 'Elisabeth Enger', fte: 1, validFrom: '2020-01-01', validTo: null })],
    });
    expect(body.children.filter((c) => c.kind === 'director_area')).toHaveLength(8);
  });

  it('shows the districts a unit serves and a level exception', async () => {
    const district = await get<UnitDetail>(`/api/organisation/units/${await unitId('omsorg-hjemmetjenester-kd-1')}?date=2020-01-01`);
    expect(district.body.districts).toEqual([1]);
    expect(district.body.levelException).toBeNull();
    const hub = await get<UnitDetail>(`/api/organisation/units/${await unitId('pilot-lokalt-knutepunkt')}?date=2020-01-01`);
    expect(hub.body.levelException?.reason).toMatch(/nivå 3/);
  });

  it('defaults to today and answers 404 naming the unit for unknown ids and dates it did not exist', async () => {
    const id = await unitId('radmannens-lederteam');
    expect((await get<UnitDetail>(`/api/organisation/units/${id}`)).body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const before = await get(`/api/organisation/units/${id}?date=2019-12-31`);
    expect(before.status).toBe(404);
    expect(before.error).toMatchObject({ code: 'not_found', message: 'Enheten finnes ikke 31.12.2019 (id ' + id + ').' });
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const answer = await get(`/api/organisation/units/${unknown}`);
      expect(answer.status).toBe(404);
      expect(answer.error.message).toMatch(/^Fant ikke enheten/);
    }
    expect((await t.knutepunkt.app.inject(`/api/organisation/units/${id}`)).statusCode).toBe(401);
  });
});

describe('[EMPLOYEE][READ_POSITION_AND_PERSON]', () => {
  it('shows a position with its unit, holders and lines, and the person with their assignments', async () => {
    const radmann = await positionId('radmann');
    const { body } = await get<PositionDetail>(`/api/organisation/positions/${radmann}?date=2020-01-01`);
    expect(body).toMatchObject({
      title: 'rådmann',
      roleType: 'chief_executive',
      personnelResponsibility: true,
      professionallyIndependent: false,
      fte: null,
      vacant: false,
      revision: 1,
    });
    expect(body.unit).toMatchObject({ name: 'Rådmannens lederteam', level: 1 });
    expect(body.holders).toEqual([
      expect.objectContaining({ personId: await personId('elisabeth-enger'), name: 'Elisabeth Enger', fte: 1 }),
    ]);
    expect(body.linesOut.filter((l) => l.type === 'personnel')).toEqual([]);
    expect(body.linesIn.filter((l) => l.type === 'personnel').length).toBeGreaterThanOrEqual(8);
    expect(body.history).toHaveLength(1);

    const agent = await get<PositionDetail>(`/api/organisation/positions/${await positionId('digital-agent-skole')}?date=2020-01-01`);
    expect(agent.body.linesOut.map((l) => l.type).sort()).toEqual(['personnel', 'professional']);
    expect(agent.body.linesOut.find((l) => l.type === 'professional')!.other).toMatchObject({
      title: 'direktør for utvikling og digitalisering',
      holders: [],
    });
    expect(
      (await get<PositionDetail>(`/api/organisation/positions/${await positionId('kommuneadvokat')}?date=2020-01-01`)).body
        .professionallyIndependent,
    ).toBe(true);

    const person = await get<PersonDetail>(`/api/organisation/people/${await personId('elisabeth-enger')}?date=2020-01-01`);
    expect(person.body).toMatchObject({ name: 'Elisabeth Enger', synthetic: false, revision: 1 });
    expect(person.body.assignments).toEqual([
      expect.objectContaining({
        positionId: radmann,
        positionTitle: 'rådmann',
        unitName: 'Rådmannens lederteam',
        fte: 1,
        validFrom: '2020-01-01',
        validTo: null,
        current: true,
      }),
    ]);
    expect(person.body.lines.length).toBeGreaterThanOrEqual(8);

    const missing = await get(`/api/organisation/positions/${radmann}?date=2019-01-01`);
    expect(missing.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('Stillingen finnes ikke 1.1.2019') });
    expect((await get('/api/organisation/people/00000000-0000-4000-8000-000000000000')).error.message).toMatch(/^Fant ikke personen/);
  });
});

describe('[EMPLOYEE][SEARCH]', () => {
  it('finds units, positions and people case-insensitively, Norwegian letters included, at most 20 each, sorted', async () => {
    const schools = await get<SearchResult>('/api/organisation/search?q=SKOLE&date=2020-01-01');
    expect(schools.status).toBe(200);
    expect(schools.body.units).toHaveLength(20);
    expect(schools.body.units.map((u) => u.name)).toEqual([...schools.body.units.map((u) => u.name)].sort(compareNorwegian));

    const oren = await get<SearchResult>(`/api/organisation/search?q=${encodeURIComponent('ØREN')}&date=2020-01-01`);
    expect(oren.body.units.map((u) => u.name)).toEqual(['Omsorgstjenester Øren (navn ikke oppgitt i kildene)']);
    const lower = await get<SearchResult>(`/api/organisation/search?q=${encodeURIComponent('folkehelse, helse og miljø')}&date=2020-01-01`);
    expect(lower.body.units.map((u) => u.name)).toContain('Folkehelse, helse og miljø');
    expect(lower.body.positions.map((p) => p.title)).toContain('direktør for folkehelse, helse og miljø');

    expect((await get<SearchResult>('/api/organisation/search?q=enger')).body.people).toEqual([
      expect.objectContaining({ name: 'Elisabeth Enger' }),
    ]);
    expect((await get<SearchResult>('/api/organisation/search?q=%25&date=2020-01-01')).body.units).toEqual([]);
    expect((await get<SearchResult>('/api/organisation/search?q=skole&date=2019-01-01')).body.units).toEqual([]);

    expect((await get('/api/organisation/search?q=')).status).toBe(400);
    expect((await get(`/api/organisation/search?q=${'a'.repeat(101)}`)).status).toBe(400);
  });
});

describe('[ORGANISATION_EDITOR][CREATE_UNIT]', () => {
  it('creates a unit from a date, audited, with a key made from the name', async () => {
    const parent = await unitId('omrade-institusjons-og-hjemmetjenester');
    const audits = await t.auditCount();
    const created = await post(
      '/api/organisation/units',
      newUnit(parent, { name: 'Hjemmetjenester Øst', districts: [4, 2], ansvarNumber: '4100' }),
    );
    expect(created.status).toBe(201);
    expect(created.body.revision).toBe(1);
    expect(await t.auditCount()).toBe(audits + 1);
    const entry = await lastAudit(created.body.id);
    expect(entry).toMatchObject({ action: 'create', entity_type: 'organisation_unit', actor_user_id: editor.userId, before: null });
    expect(entry.after).toMatchObject({
      key: 'hjemmetjenester-ost',
      name: 'Hjemmetjenester Øst',
      validFrom: '2030-01-01',
      parentId: parent,
    });

    const unit = await get<UnitDetail>(`/api/organisation/units/${created.body.id}?date=2030-01-01`);
    expect(unit.body).toMatchObject({
      key: 'hjemmetjenester-ost',
      districts: [2, 4],
      ansvarNumber: '4100',
      nameKnown: true,
      parent: { id: parent },
    });
    expect((await get(`/api/organisation/units/${created.body.id}?date=2029-12-31`)).status).toBe(404);
    const parentPage = await get<UnitDetail>(`/api/organisation/units/${parent}?date=2030-01-01`);
    expect(parentPage.body.children.map((c) => c.name)).toContain('Hjemmetjenester Øst');

    const again = await post('/api/organisation/units', newUnit(parent, { name: 'Hjemmetjenester Øst' }));
    expect(again.status).toBe(201);
    expect((await get<UnitDetail>(`/api/organisation/units/${again.body.id}?date=2030-01-01`)).body.key).toBe('hjemmetjenester-ost-2');
  });

  it('refuses a duplicate key (409 naming the key), an end before the start, unknown parents and parents that do not exist then', async () => {
    const parent = await unitId('omrade-institusjons-og-hjemmetjenester');
    const readUrl = `/api/organisation/units/${parent}?date=2030-06-01`;
    const duplicate = await expectRefused(
      readUrl,
      () => post('/api/organisation/units', newUnit(parent, { key: 'omrade-skole' })),
      409,
      'conflict',
      /«omrade-skole» er allerede i bruk/,
    );
    expect(duplicate.error.details).toMatchObject({ key: 'omrade-skole' });
    await expectRefused(
      readUrl,
      () => post('/api/organisation/units', newUnit(parent, { validTo: '2029-12-31' })),
      400,
      'invalid',
      /Sluttdatoen \(31\.12\.2029\) må være etter startdatoen/,
    );
    await expectRefused(
      readUrl,
      () => post('/api/organisation/units', newUnit(parent, { validTo: '2030-01-01' })),
      400,
      'invalid',
      /må være etter startdatoen/,
    );
    await expectRefused(
      readUrl,
      () => post('/api/organisation/units', newUnit('00000000-0000-4000-8000-000000000000')),
      400,
      'invalid',
      /Fant ikke enheten det vises til \(parentId/,
    );
    await expectRefused(
      readUrl,
      () => post('/api/organisation/units', newUnit(parent, { validFrom: '2019-06-01' })),
      400,
      'invalid',
      /finnes ikke i hele perioden fra 1\.6\.2019/,
    );
    await expectRefused(
      readUrl,
      () => post('/api/organisation/units', newUnit(parent, { level: 6, extra: true })),
      400,
      'invalid',
      /ugyldige data/,
    );
    await expectRefused(readUrl, () => post('/api/organisation/units', newUnit(parent), employee), 403, 'forbidden', /tilgang/);
  });
});

describe('[ORGANISATION_EDITOR][CHANGE_UNIT]', () => {
  it('moves a school to another service area and, when asked, its principal’s personnel line to that area’s head', async () => {
    const school = await unitId('skole-brandengen');
    const principal = await positionId('leder-skole-brandengen');
    const schoolHead = await positionId('kommunalsjef-skole');
    const newArea = await unitId('omrade-barnehage');
    const newHead = await positionId('kommunalsjef-barnehage');
    const personnelLinesFrom = () =>
      db()
        .selectFrom('org_reporting_lines')
        .select(['to_position_id', 'valid_from', 'valid_to'])
        .where('from_position_id', '=', principal)
        .where('line_type', '=', 'personnel')
        .orderBy('valid_from')
        .execute();
    expect((await personnelLinesFrom()).map((l) => l.to_position_id)).toEqual([schoolHead]);

    const before = await get<UnitDetail>(`/api/organisation/units/${school}?date=2033-01-01`);
    const audits = await t.auditCount();
    const moved = await patch(`/api/organisation/units/${school}`, {
      revision: before.body.revision,
      validFrom: '2033-01-01',
      parentId: newArea,
      moveLeaderLine: true,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // The move, the old line ended and the new one added: each audited.
    expect(await t.auditCount()).toBe(audits + 3);
    const lines = await personnelLinesFrom();
    expect(lines).toEqual([
      expect.objectContaining({ to_position_id: schoolHead, valid_to: '2033-01-01' }),
      { to_position_id: newHead, valid_from: '2033-01-01', valid_to: null },
    ]);

    // Without it, the line stays where it was.
    const other = await unitId('skole-fjell');
    const otherPrincipal = await positionId('leder-skole-fjell');
    const otherBefore = await get<UnitDetail>(`/api/organisation/units/${other}?date=2033-01-01`);
    expect(
      (await patch(`/api/organisation/units/${other}`, { revision: otherBefore.body.revision, validFrom: '2033-01-01', parentId: newArea }))
        .status,
    ).toBe(200);
    const kept = await db()
      .selectFrom('org_reporting_lines')
      .select(['to_position_id', 'valid_to'])
      .where('from_position_id', '=', otherPrincipal)
      .where('line_type', '=', 'personnel')
      .execute();
    expect(kept).toEqual([{ to_position_id: schoolHead, valid_to: null }]);
  });

  it('renames and moves a unit from a date as a new version; the history keeps both', async () => {
    const id = await unitId('omsorg-tjenestetildeling');
    const oldParent = await unitId('omrade-institusjons-og-hjemmetjenester');
    const newParent = await unitId('dir-omsorg');
    const before = await get<UnitDetail>(`/api/organisation/units/${id}?date=2031-01-01`);
    const audits = await t.auditCount();
    const changed = await patch(`/api/organisation/units/${id}`, {
      revision: before.body.revision,
      validFrom: '2031-01-01',
      name: 'Tildelingskontoret',
      parentId: newParent,
      level: 2,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.revision).toBe(before.body.revision + 1);
    expect(await t.auditCount()).toBe(audits + 1);
    const entry = await lastAudit(id);
    expect(entry).toMatchObject({ action: 'change', entity_type: 'organisation_unit' });
    expect(entry.before).toMatchObject({ name: before.body.name, parentId: oldParent, validTo: null });
    expect(entry.after).toMatchObject({
      name: 'Tildelingskontoret',
      parentId: newParent,
      validFrom: '2031-01-01',
      revision: changed.body.revision,
    });

    const old = await get<UnitDetail>(`/api/organisation/units/${id}?date=2030-12-31`);
    expect(old.body).toMatchObject({ name: before.body.name, level: 3, parent: { id: oldParent }, validTo: '2031-01-01' });
    const now = await get<UnitDetail>(`/api/organisation/units/${id}?date=2031-01-01`);
    expect(now.body).toMatchObject({
      name: 'Tildelingskontoret',
      level: 2,
      parent: { id: newParent },
      validFrom: '2031-01-01',
      validTo: null,
      revision: changed.body.revision,
    });
    expect(now.body.positions.length).toBe(old.body.positions.length);
    expect(now.body.history.map((h) => [h.validFrom, h.validTo, h.name, h.parentName])).toEqual([
      ['2020-01-01', '2031-01-01', before.body.name, 'Institusjons- og hjemmetjenester'],
      ['2031-01-01', null, 'Tildelingskontoret', 'Omsorg'],
    ]);
    expect((await get<UnitDetail>(`/api/organisation/units/${oldParent}?date=2031-01-01`)).body.children.map((c) => c.id)).not.toContain(
      id,
    );

    // A second change on the same day replaces that version instead of stacking a one-day-less one.
    const again = await patch(`/api/organisation/units/${id}`, {
      revision: changed.body.revision,
      validFrom: '2031-01-01',
      districts: [3],
    });
    expect(again.status).toBe(200);
    const history = (await get<UnitDetail>(`/api/organisation/units/${id}?date=2031-01-01`)).body.history;
    expect(history).toHaveLength(2);
    // A change before a planned one ends where the planned one starts.
    const earlier = await patch(`/api/organisation/units/${id}`, {
      revision: again.body.revision,
      validFrom: '2030-07-01',
      note: 'Mellomperiode',
    });
    expect(earlier.status).toBe(200);
    expect(
      (await get<UnitDetail>(`/api/organisation/units/${id}?date=2030-07-01`)).body.history.map((h) => [h.validFrom, h.validTo]),
    ).toEqual([
      ['2020-01-01', '2030-07-01'],
      ['2030-07-01', '2031-01-01'],
      ['2031-01-01', null],
    ]);
  });

  it('refuses a stale edit, a move under its own sub-unit, a taken key, a change that changes nothing and a date the unit did not exist', async () => {
    const id = await unitId('omsorg-hjemmetjenester-bragernes');
    const child = await unitId('omsorg-hjemmetjenester-bragernes-avd-nattjenesten');
    const readUrl = `/api/organisation/units/${id}?date=2032-01-01`;
    const { revision } = (await get<UnitDetail>(readUrl)).body;

    const stale = await expectRefused(
      readUrl,
      () => patch(`/api/organisation/units/${id}`, { revision: revision + 5, validFrom: '2032-01-01', name: 'X' }),
      409,
      'stale',
      /Noen andre har endret enheten/,
    );
    expect(stale.error.details).toEqual({ revision });
    await expectRefused(
      readUrl,
      () => patch(`/api/organisation/units/${id}`, { revision, validFrom: '2032-01-01', parentId: child }),
      409,
      'conflict',
      /kan ikke flyttes under «Nattjenesten»/,
    );
    await expectRefused(
      readUrl,
      () => patch(`/api/organisation/units/${id}`, { revision, validFrom: '2032-01-01', parentId: id }),
      400,
      'invalid',
      /under seg selv/,
    );
    await expectRefused(
      readUrl,
      () => patch(`/api/organisation/units/${id}`, { revision, validFrom: '2032-01-01', key: 'omrade-skole' }),
      409,
      'conflict',
      /«omrade-skole» er allerede i bruk/,
    );
    await expectRefused(
      readUrl,
      () => patch(`/api/organisation/units/${id}`, { revision, validFrom: '2032-01-01', level: 3 }),
      400,
      'invalid',
      /endrer ingenting/,
    );
    await expectRefused(
      readUrl,
      () => patch(`/api/organisation/units/${id}`, { revision, validFrom: '2019-01-01', name: 'X' }),
      404,
      'not_found',
      /finnes ikke 1\.1\.2019/,
    );
    await expectRefused(
      readUrl,
      () => patch('/api/organisation/units/00000000-0000-4000-8000-000000000000', { revision, validFrom: '2032-01-01', name: 'X' }),
      404,
      'not_found',
      /Fant ikke enheten/,
    );
  });

  it('lets only one of two simultaneous edits of the same revision through; the other is stale', async () => {
    const id = await unitId('omsorg-hjemmetjenester-kd-7');
    const { revision, name } = (await get<UnitDetail>(`/api/organisation/units/${id}?date=2033-01-01`)).body;
    const answers = await Promise.all([
      patch(`/api/organisation/units/${id}`, { revision, validFrom: '2033-01-01', name: 'Første forslag' }),
      patch(`/api/organisation/units/${id}`, { revision, validFrom: '2033-01-01', name: 'Andre forslag' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.findIndex((a) => a.status === 200);
    expect(answers[1 - winner]!.error.code).toBe('stale');
    const unit = (await get<UnitDetail>(`/api/organisation/units/${id}?date=2033-01-01`)).body;
    expect(unit).toMatchObject({ name: winner === 0 ? 'Første forslag' : 'Andre forslag', revision: revision + 1 });
    expect(unit.history.map((h) => h.name)).toEqual([name, unit.name]);
  });

  it('changes the key alone without a new version', async () => {
    const id = await unitId('omsorg-hjemmetjenester-kd-5');
    const { revision } = (await get<UnitDetail>(`/api/organisation/units/${id}?date=2030-01-01`)).body;
    const changed = await patch(`/api/organisation/units/${id}`, { revision, validFrom: '2030-01-01', key: 'hjemmetjenester-kd5' });
    expect(changed.status).toBe(200);
    const unit = (await get<UnitDetail>(`/api/organisation/units/${id}?date=2030-01-01`)).body;
    expect(unit).toMatchObject({ key: 'hjemmetjenester-kd5', revision: revision + 1 });
    expect(unit.history).toHaveLength(1);
  });
});

describe('[ORGANISATION_EDITOR][CLOSE_UNIT]', () => {
  it('refuses to close a unit that still has positions or units under it, naming them', async () => {
    const id = await unitId('omsorg-hjemmetjenester-bragernes');
    const readUrl = `/api/organisation/units/${id}?date=2030-01-01`;
    const { revision } = (await get<UnitDetail>(readUrl)).body;
    const answer = await expectRefused(
      readUrl,
      () => post(`/api/organisation/units/${id}/close`, { revision, validTo: '2030-01-01' }),
      409,
      'conflict',
      /stillinger: «virksomhetsleder»/,
    );
    expect(answer.error.message).toMatch(/underenheter: «Nattjenesten»/);
  });

  it('closes an empty unit: gone from that day, still readable before, history kept, audited', async () => {
    const parent = await unitId('dir-omsorg');
    const created = await post(
      '/api/organisation/units',
      newUnit(parent, { name: 'Kortvarig prosjekt', kind: 'staff_function', level: 2 }),
    );
    const readUrl = `/api/organisation/units/${created.body.id}?date=2030-06-01`;
    await expectRefused(
      readUrl,
      () => post(`/api/organisation/units/${created.body.id}/close`, { revision: 1, validTo: '2029-06-01' }),
      400,
      'invalid',
      /må være etter startdatoen/,
    );
    await expectRefused(
      readUrl,
      () => post(`/api/organisation/units/${created.body.id}/close`, { revision: 7, validTo: '2031-01-01' }),
      409,
      'stale',
      /Last inn på nytt/,
    );

    const audits = await t.auditCount();
    const closed = await post(`/api/organisation/units/${created.body.id}/close`, { revision: 1, validTo: '2031-01-01' });
    expect(closed.status).toBe(200);
    expect(closed.body.revision).toBe(2);
    expect(await t.auditCount()).toBe(audits + 1);
    expect((await lastAudit(created.body.id)).after).toMatchObject({ validTo: '2031-01-01' });
    expect((await get(`/api/organisation/units/${created.body.id}?date=2031-01-01`)).status).toBe(404);
    const last = await get<UnitDetail>(`/api/organisation/units/${created.body.id}?date=2030-12-31`);
    expect(last.body).toMatchObject({
      validTo: '2031-01-01',
      history: [{ validFrom: '2030-01-01', validTo: '2031-01-01', name: 'Kortvarig prosjekt' }],
    });
    await expectRefused(
      `/api/organisation/units/${created.body.id}?date=2030-12-31`,
      () => post(`/api/organisation/units/${created.body.id}/close`, { revision: 2, validTo: '2031-01-01' }),
      400,
      'invalid',
      /allerede avsluttet/,
    );
  });
});

describe('[ORGANISATION_EDITOR][POSITIONS]', () => {
  it('creates, changes and closes a position; refuses a close while someone holds it', async () => {
    const unit = await unitId('omsorg-hjemmetjenester-kd-2');
    const created = await post('/api/organisation/positions', {
      title: 'Fagutviklingssykepleier',
      unitId: unit,
      roleType: 'professional_lead',
      personnelResponsibility: false,
      fte: 2,
      validFrom: '2030-01-01',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const read = `/api/organisation/positions/${created.body.id}?date=2030-01-01`;
    expect((await get<PositionDetail>(read)).body).toMatchObject({
      key: 'fagutviklingssykepleier',
      title: 'Fagutviklingssykepleier',
      fte: 2,
      vacant: true,
      unit: { id: unit },
    });
    expect((await get<UnitDetail>(`/api/organisation/units/${unit}?date=2030-01-01`)).body.positions.map((p) => p.title)).toContain(
      'Fagutviklingssykepleier',
    );

    const changed = await patch(`/api/organisation/positions/${created.body.id}`, {
      revision: 1,
      validFrom: '2030-06-01',
      title: 'Fagutviklingssykepleier demens',
      fte: 1.5,
    });
    expect(changed.status).toBe(200);
    const position = (await get<PositionDetail>(`/api/organisation/positions/${created.body.id}?date=2030-06-01`)).body;
    expect(position).toMatchObject({ title: 'Fagutviklingssykepleier demens', fte: 1.5, revision: 2 });
    expect(position.history.map((h) => [h.validFrom, h.validTo, h.title, h.unitName])).toEqual([
      ['2030-01-01', '2030-06-01', 'Fagutviklingssykepleier', 'Omsorgstjenester kommunedel 2 (navn ikke oppgitt i kildene)'],
      ['2030-06-01', null, 'Fagutviklingssykepleier demens', 'Omsorgstjenester kommunedel 2 (navn ikke oppgitt i kildene)'],
    ]);
    await expectRefused(
      read,
      () => patch(`/api/organisation/positions/${created.body.id}`, { revision: 1, validFrom: '2030-06-01', title: 'X' }),
      409,
      'stale',
      /endret stillingen/,
    );
    const otherUnit = await unitId('omsorg-tjenestetildeling');
    await expectRefused(
      read,
      () =>
        patch(`/api/organisation/positions/${created.body.id}`, {
          revision: 2,
          validFrom: '2030-06-01',
          unitId: otherUnit,
          key: 'radmann',
        }),
      409,
      'conflict',
      /«radmann» er allerede i bruk/,
    );

    const person = await post('/api/organisation/people', { name: 'Kari Nordmann', synthetic: true, source: 'test' });
    expect(person.status).toBe(201);
    const assignment = await post('/api/organisation/assignments', {
      personId: person.body.id,
      positionId: created.body.id,
      fte: 0.8,
      validFrom: '2030-02-01',
    });
    expect(assignment.status).toBe(201);
    await expectRefused(
      read,
      () => post(`/api/organisation/positions/${created.body.id}/close`, { revision: 2, validTo: '2031-01-01' }),
      409,
      'conflict',
      /innehavere: «Kari Nordmann»/,
    );

    const ended = await post(`/api/organisation/assignments/${assignment.body.id}/end`, { revision: 1, validTo: '2031-01-01' });
    expect(ended.status).toBe(200);
    const closed = await post(`/api/organisation/positions/${created.body.id}/close`, { revision: 2, validTo: '2031-01-01' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect((await get(`/api/organisation/positions/${created.body.id}?date=2031-01-01`)).status).toBe(404);
  });

  it('refuses to take away personnel responsibility while someone reports to the position', async () => {
    const head = await positionId('kommunalsjef-institusjons-og-hjemmetjenester');
    const headRead = `/api/organisation/positions/${head}?date=2030-01-01`;
    const { revision } = (await get<PositionDetail>(headRead)).body;
    await expectRefused(
      headRead,
      () => patch(`/api/organisation/positions/${head}`, { revision, validFrom: '2030-01-01', personnelResponsibility: false }),
      409,
      'conflict',
      /kan ikke miste personalansvaret fordi disse stillingene rapporterer personalmessig til den: «digital agent \(Institusjons- og hjemmetjenester\)», «leder for tjenestetildeling og koordinerende enhet \(Tjenestetildeling og koordinerende enhet\)», «virksomhetsleder \(Ernæring og kjøkkendrift\)».* og 7 til\./,
    );
    // Independence is broken by a professional line *from* the position (independence.ts): the digital agent has one
    // to the director of development, so it cannot become independent; the director, who only receives it, can.
    const agent = await positionId('digital-agent-arbeid-og-velferd');
    const agentRead = `/api/organisation/positions/${agent}?date=2030-01-01`;
    const a = (await get<PositionDetail>(agentRead)).body;
    await expectRefused(
      agentRead,
      () =>
        patch(`/api/organisation/positions/${agent}`, {
          revision: a.revision,
          validFrom: '2030-01-01',
          professionallyIndependent: true,
        }),
      409,
      'conflict',
      /«digital agent» kan ikke bli faglig selvstendig fordi den har faglig linje til «direktør for utvikling og digitalisering/,
    );
    const director = await positionId('direktor-utvikling-og-digitalisering');
    const d = (await get<PositionDetail>(`/api/organisation/positions/${director}?date=2030-01-01`)).body;
    const independent = await patch(`/api/organisation/positions/${director}`, {
      revision: d.revision,
      validFrom: '2030-01-01',
      professionallyIndependent: true,
    });
    expect(independent.status, JSON.stringify(independent.body)).toBe(200);
  });
});

describe('[ORGANISATION_EDITOR][ASSIGN_PERSON]', () => {
  it('assigns with an FTE, refuses overlap and bad FTE, ends the assignment; the person page follows', async () => {
    const position = await positionId('leder-omsorg-hjemmetjenester-kd-3');
    const person = await post('/api/organisation/people', { name: 'Ola Nordmann', key: 'ola-nordmann' });
    expect(person.status).toBe(201);
    const duplicateKey = await post('/api/organisation/people', { name: 'Ola Nordmann', key: 'ola-nordmann' });
    expect(duplicateKey).toMatchObject({ status: 409, error: { code: 'conflict', message: expect.stringContaining('«ola-nordmann»') } });

    const audits = await t.auditCount();
    const assigned = await post('/api/organisation/assignments', {
      personId: person.body.id,
      positionId: position,
      fte: 0.5,
      validFrom: '2030-01-01',
      validTo: '2032-01-01',
    });
    expect(assigned.status).toBe(201);
    expect(await t.auditCount()).toBe(audits + 1);
    expect((await lastAudit(assigned.body.id)).after).toMatchObject({
      personName: 'Ola Nordmann',
      positionTitle: 'virksomhetsleder',
      fte: 0.5,
    });

    const read = `/api/organisation/positions/${position}?date=2031-01-01`;
    expect((await get<PositionDetail>(read)).body.holders).toEqual([
      expect.objectContaining({
        personId: person.body.id,
        name: 'Ola Nordmann',
        fte: 0.5,
        validFrom: '2030-01-01',
        validTo: '2032-01-01',
        assignmentId: assigned.body.id,
      }),
    ]);
    await expectRefused(
      read,
      () => post('/api/organisation/assignments', { personId: person.body.id, positionId: position, fte: 0.5, validFrom: '2031-06-01' }),
      409,
      'conflict',
      /Ola Nordmann har allerede stillingen «virksomhetsleder» fra 1\.1\.2030 til og med 31\.12\.2031/,
    );
    for (const fte of [0, 1.5, '1']) {
      await expectRefused(
        read,
        () => post('/api/organisation/assignments', { personId: person.body.id, positionId: position, fte, validFrom: '2035-01-01' }),
        400,
        'invalid',
        /ugyldige data/,
      );
    }
    await expectRefused(
      read,
      () =>
        post('/api/organisation/assignments', {
          personId: '00000000-0000-4000-8000-000000000000',
          positionId: position,
          validFrom: '2035-01-01',
        }),
      400,
      'invalid',
      /Fant ikke personen/,
    );
    await expectRefused(
      read,
      () =>
        post('/api/organisation/assignments', {
          personId: person.body.id,
          positionId: position,
          validFrom: '2019-01-01',
          validTo: '2020-06-01',
        }),
      400,
      'invalid',
      /finnes ikke i hele perioden/,
    );

    // A second, later period for the same person and position is fine.
    const later = await post('/api/organisation/assignments', {
      personId: person.body.id,
      positionId: position,
      fte: 1,
      validFrom: '2032-01-01',
    });
    expect(later.status).toBe(201);

    const personRead = `/api/organisation/people/${person.body.id}?date=2031-01-01`;
    const page = (await get<PersonDetail>(personRead)).body;
    expect(page.assignments.map((a) => [a.validFrom, a.validTo, a.fte, a.current, a.positionTitle])).toEqual([
      ['2030-01-01', '2032-01-01', 0.5, true, 'virksomhetsleder'],
      ['2032-01-01', null, 1, false, 'virksomhetsleder'],
    ]);
    expect(page.lines.some((l) => l.type === 'personnel' && l.direction === 'out')).toBe(true);

    await expectRefused(
      personRead,
      () => post(`/api/organisation/assignments/${assigned.body.id}/end`, { revision: 1, validTo: '2029-01-01' }),
      400,
      'invalid',
      /må være etter startdatoen/,
    );
    await expectRefused(
      personRead,
      () => post(`/api/organisation/assignments/${assigned.body.id}/end`, { revision: 1, validTo: '2033-01-01' }),
      400,
      'invalid',
      /allerede avsluttet/,
    );
    await expectRefused(
      personRead,
      () => post(`/api/organisation/assignments/${assigned.body.id}/end`, { revision: 3, validTo: '2031-01-01' }),
      409,
      'stale',
      /tilknytningen/,
    );
    const ended = await post(`/api/organisation/assignments/${assigned.body.id}/end`, { revision: 1, validTo: '2031-01-01' });
    expect(ended).toMatchObject({ status: 200, body: { revision: 2 } });
    expect((await get<PositionDetail>(read)).body.vacant).toBe(true);
    expect(
      (await post('/api/organisation/assignments/00000000-0000-4000-8000-000000000000/end', { revision: 1, validTo: '2031-01-01' })).status,
    ).toBe(404);
  });
});

describe('[ORGANISATION_EDITOR][REPORTING_LINES]', () => {
  it('adds and ends a line; both ends show it', async () => {
    const agent = await positionId('digital-agent-barnehage');
    const lead = await positionId('kommunalsjef-institusjons-og-hjemmetjenester');
    const audits = await t.auditCount();
    const added = await post('/api/organisation/lines', {
      type: 'coordination',
      fromPositionId: agent,
      toPositionId: lead,
      validFrom: '2030-01-01',
      note: 'Felles velferdsteknologi',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(await t.auditCount()).toBe(audits + 1);
    const from = (await get<PositionDetail>(`/api/organisation/positions/${agent}?date=2030-01-01`)).body;
    expect(from.linesOut).toContainEqual(
      expect.objectContaining({
        id: added.body.id,
        type: 'coordination',
        direction: 'out',
        other: expect.objectContaining({ positionId: lead, unitName: 'Institusjons- og hjemmetjenester' }),
      }),
    );
    const to = (await get<PositionDetail>(`/api/organisation/positions/${lead}?date=2030-01-01`)).body;
    expect(to.linesIn).toContainEqual(
      expect.objectContaining({ id: added.body.id, direction: 'in', other: expect.objectContaining({ positionId: agent }) }),
    );

    await expectRefused(
      `/api/organisation/positions/${agent}?date=2030-01-01`,
      () => post('/api/organisation/lines', { type: 'coordination', fromPositionId: agent, toPositionId: lead, validFrom: '2030-06-01' }),
      409,
      'conflict',
      /har allerede en koordineringslinje/,
    );
    await expectRefused(
      `/api/organisation/positions/${agent}?date=2030-01-01`,
      () => post(`/api/organisation/lines/${added.body.id}/end`, { revision: 2, validTo: '2031-01-01' }),
      409,
      'stale',
      /rapporteringslinjen/,
    );
    const ended = await post(`/api/organisation/lines/${added.body.id}/end`, { revision: 1, validTo: '2031-01-01' });
    expect(ended).toMatchObject({ status: 200, body: { revision: 2 } });
    expect(
      (await get<PositionDetail>(`/api/organisation/positions/${agent}?date=2031-01-01`)).body.linesOut.map((l) => l.id),
    ).not.toContain(added.body.id);
    expect(await lastAudit(added.body.id)).toMatchObject({
      action: 'end',
      before: expect.objectContaining({ validTo: null }),
      after: expect.objectContaining({ validTo: '2031-01-01' }),
    });
  });

  it('refuses a second personnel line, a cycle, a line to a position without personnel responsibility, into an independent position, unknown and absent positions', async () => {
    const unitLeader = await positionId('leder-omsorg-hjemmetjenester-kd-1');
    const director = await positionId('direktor-omsorg');
    const radmann = await positionId('radmann');
    const agent = await positionId('digital-agent-skole');
    const lawyer = await positionId('kommuneadvokat');
    const read = `/api/organisation/positions/${unitLeader}?date=2030-01-01`;
    const line =
      (type: string, fromPositionId: string, toPositionId: string, extra: Record<string, unknown> = {}) =>
      () =>
        post('/api/organisation/lines', { type, fromPositionId, toPositionId, validFrom: '2030-01-01', ...extra });

    await expectRefused(
      read,
      line('personnel', unitLeader, director),
      409,
      'conflict',
      /har allerede en personalmessig linje til «kommunalsjef for institusjons- og hjemmetjenester» fra 1\.1\.2020/,
    );
    // The chief executive has no personnel line; one to a director would go round in a circle.
    await expectRefused(
      read,
      line('personnel', radmann, director),
      409,
      'conflict',
      /sirkel i personallinjene 1\.1\.2030: «rådmann» → «direktør for omsorg» → «rådmann»/,
    );
    await expectRefused(read, line('personnel', radmann, agent), 400, 'invalid', /«digital agent» har ikke personalansvar/);
    // The rules report's reading (independence.ts): the lawyer may not be directed, but may be a professional home.
    await expectRefused(read, line('professional', lawyer, unitLeader), 400, 'invalid', /«kommuneadvokat» er faglig selvstendig/);
    await expectRefused(read, line('professional', unitLeader, unitLeader), 400, 'invalid', /kan ikke rapportere til seg selv/);
    await expectRefused(
      read,
      line('professional', unitLeader, '00000000-0000-4000-8000-000000000000'),
      400,
      'invalid',
      /Fant ikke stillingen det vises til \(toPositionId/,
    );
    await expectRefused(
      read,
      line('professional', unitLeader, director, { validFrom: '2019-06-01' }),
      400,
      'invalid',
      /finnes ikke i hele perioden/,
    );
    await expectRefused(
      read,
      line('professional', unitLeader, director, { validTo: '2029-01-01' }),
      400,
      'invalid',
      /må være etter startdatoen/,
    );
    await expectRefused(read, line('managerial', unitLeader, director), 400, 'invalid', /ugyldige data/);
  });

  it('finds a cycle that only appears later in the new line’s period', async () => {
    const unit = await unitId('omrade-barnehage');
    const a = await post('/api/organisation/positions', {
      title: 'Leder A',
      unitId: unit,
      roleType: 'coordinator',
      personnelResponsibility: true,
      validFrom: '2030-01-01',
    });
    const b = await post('/api/organisation/positions', {
      title: 'Leder B',
      unitId: unit,
      roleType: 'coordinator',
      personnelResponsibility: true,
      validFrom: '2030-01-01',
    });
    expect(
      (
        await post('/api/organisation/lines', {
          type: 'personnel',
          fromPositionId: b.body.id,
          toPositionId: a.body.id,
          validFrom: '2031-01-01',
        })
      ).status,
    ).toBe(201);
    const read = `/api/organisation/positions/${a.body.id}?date=2031-01-01`;
    await expectRefused(
      read,
      () =>
        post('/api/organisation/lines', { type: 'personnel', fromPositionId: a.body.id, toPositionId: b.body.id, validFrom: '2030-01-01' }),
      409,
      'conflict',
      /sirkel i personallinjene 1\.1\.2031/,
    );
    // Until B starts reporting to A, A may report to B.
    expect(
      (
        await post('/api/organisation/lines', {
          type: 'personnel',
          fromPositionId: a.body.id,
          toPositionId: b.body.id,
          validFrom: '2030-01-01',
          validTo: '2031-01-01',
        })
      ).status,
    ).toBe(201);
    // A position with lines into it cannot be closed; its own line up ends with it.
    await expectRefused(
      read,
      () => post(`/api/organisation/positions/${a.body.id}/close`, { revision: 1, validTo: '2032-01-01' }),
      409,
      'conflict',
      /rapporterer til den: «Leder B \(Barnehage\)»/,
    );
    const closeB = await post(`/api/organisation/positions/${b.body.id}/close`, { revision: 1, validTo: '2032-01-01' });
    expect(closeB.status, JSON.stringify(closeB.body)).toBe(200);
    const lines = await db().selectFrom('org_reporting_lines').select(['valid_to']).where('from_position_id', '=', b.body.id).execute();
    expect(lines).toEqual([{ valid_to: '2032-01-01' }]);
  });
});

describe('[LEADER][UNIT_SCOPE]', () => {
  const actorFor = (userId: string, roles: Role[]): Actor => ({
    userId,
    username: userId,
    displayName: userId,
    roles,
    permissions: new Set(permissionsOf(roles)),
  });

  it('lets a leader act on their own unit and every unit below it, today, and nowhere else', async () => {
    registerUnitScope();
    const user = await t.createUser(['leader']);
    const person = await db()
      .insertInto('org_people')
      .values({ key: 'leder-test', name: 'Leder Test', synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db().insertInto('org_user_people').values({ user_id: user.id, person_id: person.id }).execute();
    await db()
      .insertInto('org_assignments')
      .values({
        person_id: person.id,
        position_id: await positionId('leder-omsorg-hjemmetjenester-bragernes'),
        valid_from: '2020-01-01',
        valid_to: null,
      })
      .execute();
    const actor = actorFor(user.id, ['leader']);
    const scope = async (key: string) => can(actor, 'leader_support:submit', { kind: 'unit', id: await unitId(key) }, db());

    expect(await scope('omsorg-hjemmetjenester-bragernes')).toBe(true);
    expect(await scope('omsorg-hjemmetjenester-bragernes-avd-nattjenesten')).toBe(true);
    expect(await scope('omrade-institusjons-og-hjemmetjenester')).toBe(false);
    expect(await scope('omsorg-hjemmetjenester-oren')).toBe(false);
    expect(await can(actor, 'leader_support:submit', { kind: 'unit', id: 'not-a-uuid' }, db())).toBe(false);
    // The role must grant the permission too.
    expect(await can(actor, 'organisation:write', { kind: 'unit', id: await unitId('omsorg-hjemmetjenester-bragernes') }, db())).toBe(
      false,
    );

    const unlinked = actorFor((await t.createUser(['leader'])).id, ['leader']);
    expect(await can(unlinked, 'leader_support:submit', { kind: 'unit', id: await unitId('omsorg-hjemmetjenester-bragernes') }, db())).toBe(
      false,
    );
  });

  it('follows the chain from a director down, and stops when the assignment has ended', async () => {
    registerUnitScope();
    const user = await t.createUser(['leader']);
    const person = await db()
      .insertInto('org_people')
      .values({ key: 'direktor-test', name: 'Direktør Test', synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db().insertInto('org_user_people').values({ user_id: user.id, person_id: person.id }).execute();
    const assignment = await db()
      .insertInto('org_assignments')
      .values({ person_id: person.id, position_id: await positionId('direktor-omsorg'), valid_from: '2020-01-01', valid_to: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor = actorFor(user.id, ['leader']);
    const deep = await unitId('omsorg-hjemmetjenester-bragernes-avd-nattjenesten');
    expect(await can(actor, 'leader_support:submit', { kind: 'unit', id: deep }, db())).toBe(true);
    expect(await can(actor, 'leader_support:submit', { kind: 'unit', id: await unitId('radmannens-lederteam') }, db())).toBe(false);

    await db().updateTable('org_assignments').set({ valid_to: '2021-01-01' }).where('id', '=', assignment.id).execute();
    expect(await can(actor, 'leader_support:submit', { kind: 'unit', id: deep }, db())).toBe(false);
  });
});
