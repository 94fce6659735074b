import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { PostsResponse, UnitBudgets, VacanciesResponse } from './posts.schemas.js';
import type { PositionDetail, UnitDetail } from './records.schemas.js';
import type { OrganisationDb } from './server/organisation.tables.js';

// Posts and FTE (issue 15): a position's FTE and cost centre, a unit's budgeted FTE, the roll-ups
// and the vacancy list, on PGlite and PostgreSQL.

const t = useTestApp();
const db = () => t.database.db as unknown as OrganisationDb;

let editor: SignedIn;
let employee: SignedIn;
let areaId: string;
let schoolId: string;
let kitchenId: string;
let teacherId: string;
let rectorId: string;
let cookId: string;

interface Answer<T> {
  status: number;
  body: T;
  error: { code: string; message: string; details: unknown };
}
async function call<T = { id: string; revision: number }>(
  user: SignedIn,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: unknown,
) {
  const response = await t.knutepunkt.app.inject({
    method,
    url,
    headers: user.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const body = response.body && response.headers['content-type']?.toString().includes('json') ? response.json() : response.body;
  return { status: response.statusCode, body: body as T, error: (body as { error: Answer<T>['error'] })?.error, response };
}
const get = <T>(url: string, user = employee) => call<T>(user, 'GET', url);
const post = (url: string, payload: unknown) => call(editor, 'POST', url, payload);

const unitRevision = async (id: string) => (await get<UnitDetail>(`/api/organisation/units/${id}?date=2026-03-01`)).body.revision;

beforeAll(async () => {
  editor = await t.signInAs(['organisation_editor']);
  employee = await t.signInAs(['employee']);
  const skole = (await db().selectFrom('org_units').select('id').where('key', '=', 'omrade-skole').executeTakeFirstOrThrow()).id;
  const unit = (name: string, parentId: string) =>
    post('/api/organisation/units', { name, kind: 'unit', level: 3, parentId, classification: 'service', validFrom: '2026-01-01' });
  areaId = (await unit('Årsverkområde', skole)).body.id;
  schoolId = (await unit('Årsverkskolen', areaId)).body.id;
  kitchenId = (await unit('Årsverkkjøkkenet', areaId)).body.id;
  const position = (title: string, unitId: string, fte: number | null, costCentre?: string) =>
    post('/api/organisation/positions', {
      title,
      unitId,
      roleType: 'employee',
      personnelResponsibility: false,
      fte,
      ...(costCentre ? { costCentre } : {}),
      validFrom: '2026-01-01',
    });
  teacherId = (await position('lærer', schoolId, 6, '31000')).body.id;
  rectorId = (await position('assisterende rektor', schoolId, 1)).body.id;
  await position('renholder', schoolId, null);
  cookId = (await position('kokk', kitchenId, 2)).body.id;
  const assign = async (positionId: string, fte: number, validFrom: string, validTo?: string) => {
    const person = await post('/api/organisation/people', { name: `Person ${positionId.slice(0, 6)} ${fte} ${validFrom}` });
    expect(person.status).toBe(201);
    const assigned = await post('/api/organisation/assignments', {
      personId: person.body.id,
      positionId,
      fte,
      validFrom,
      ...(validTo ? { validTo } : {}),
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
  };
  await assign(teacherId, 0.8, '2026-01-01');
  await assign(teacherId, 1, '2026-01-01');
  await assign(teacherId, 1, '2026-01-01');
  await assign(cookId, 1, '2026-01-01');
  await assign(cookId, 1, '2026-01-01');
  // The assistant rector left on 1 March: vacant since then.
  await assign(rectorId, 1, '2026-01-01', '2026-03-01');
});

describe('a position’s FTE and cost centre', () => {
  it('are recorded on creation, changed from a date as a new version, and cleared with null', async () => {
    const created = await get<PositionDetail>(`/api/organisation/positions/${teacherId}?date=2026-02-01`);
    expect(created.body).toMatchObject({ fte: 6, costCentre: '31000' });

    const revision = created.body.revision;
    const changed = await call(editor, 'PATCH', `/api/organisation/positions/${cookId}`, {
      revision: (await get<PositionDetail>(`/api/organisation/positions/${cookId}?date=2026-02-01`)).body.revision,
      validFrom: '2026-05-01',
      costCentre: ' 32500 ',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const cook = (await get<PositionDetail>(`/api/organisation/positions/${cookId}?date=2026-06-01`)).body;
    expect(cook.costCentre).toBe('32500');
    expect(cook.history.map((h) => [h.validFrom, h.costCentre, h.fte])).toEqual([
      ['2026-01-01', null, 2],
      ['2026-05-01', '32500', 2],
    ]);
    expect(revision).toBeGreaterThan(0);

    const cleared = await call(editor, 'PATCH', `/api/organisation/positions/${cookId}`, {
      revision: changed.body.revision,
      validFrom: '2026-07-01',
      costCentre: null,
    });
    expect(cleared.status).toBe(200);
    expect((await get<PositionDetail>(`/api/organisation/positions/${cookId}?date=2026-07-01`)).body.costCentre).toBeNull();
    // The unit page lists it too.
    const unit = (await get<UnitDetail>(`/api/organisation/units/${schoolId}?date=2026-02-01`)).body;
    expect(unit.positions.find((p) => p.id === teacherId)).toMatchObject({ fte: 6, costCentre: '31000' });
  });

  it('refuses a blank cost centre and changes nothing', async () => {
    const before = await get<PositionDetail>(`/api/organisation/positions/${teacherId}?date=2026-02-01`);
    const audits = await t.auditCount();
    const answer = await call(editor, 'PATCH', `/api/organisation/positions/${teacherId}`, {
      revision: before.body.revision,
      validFrom: '2026-02-01',
      costCentre: '  ',
    });
    expect(answer.status).toBe(400);
    expect(await t.auditCount()).toBe(audits);
    expect((await get<PositionDetail>(`/api/organisation/positions/${teacherId}?date=2026-02-01`)).body).toEqual(before.body);
  });
});

describe('a unit’s budgeted FTE', () => {
  it('is set from a date with its source, ends the earlier figure there and bumps the unit’s revision', async () => {
    const first = await call(editor, 'PUT', `/api/organisation/units/${schoolId}/budget`, {
      revision: await unitRevision(schoolId),
      validFrom: '2026-01-01',
      budgetedFte: 10,
      source: 'Årsbudsjett 2026, vedtatt 12.12.2025',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await call(editor, 'PUT', `/api/organisation/units/${schoolId}/budget`, {
      revision: first.body.revision,
      validFrom: '2026-08-01',
      budgetedFte: 9.5,
      source: 'Budsjettjustering 2. tertial',
    });
    expect(second.status).toBe(200);
    const budgets = (await get<UnitBudgets>(`/api/organisation/units/${schoolId}/budgets`)).body;
    expect(budgets.revision).toBe(second.body.revision);
    expect(budgets.items).toEqual([
      { validFrom: '2026-01-01', validTo: '2026-08-01', budgetedFte: 10, source: 'Årsbudsjett 2026, vedtatt 12.12.2025', note: null },
      { validFrom: '2026-08-01', validTo: null, budgetedFte: 9.5, source: 'Budsjettjustering 2. tertial', note: null },
    ]);
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'organisation_unit_budget')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe(schoolId);
  });

  it('refuses a stale revision, a figure without a source and an employee, changing nothing', async () => {
    const revision = await unitRevision(kitchenId);
    const attempts = [
      { user: editor, body: { revision: revision + 1, validFrom: '2026-01-01', budgetedFte: 3, source: 'Årsbudsjett' }, status: 409 },
      { user: editor, body: { revision, validFrom: '2026-01-01', budgetedFte: 3, source: '  ' }, status: 400 },
      { user: editor, body: { revision, validFrom: '2026-01-01', budgetedFte: -1, source: 'Årsbudsjett' }, status: 400 },
      { user: editor, body: { revision, validFrom: '2026-01-01', budgetedFte: null }, status: 400 },
      { user: employee, body: { revision, validFrom: '2026-01-01', budgetedFte: 3, source: 'Årsbudsjett' }, status: 403 },
    ];
    for (const attempt of attempts) {
      const audits = await t.auditCount();
      const answer = await call(attempt.user, 'PUT', `/api/organisation/units/${kitchenId}/budget`, attempt.body);
      expect(answer.status, JSON.stringify(attempt.body)).toBe(attempt.status);
      expect(await t.auditCount()).toBe(audits);
    }
    expect((await get<UnitBudgets>(`/api/organisation/units/${kitchenId}/budgets`)).body).toEqual({
      unitId: kitchenId,
      revision,
      items: [],
    });
  });
});

describe('roll-ups and vacancies', () => {
  it('rolls budgeted, positions’, filled and vacant FTE up per unit and area', async () => {
    const answer = await get<PostsResponse>(`/api/organisation/posts?unit=${areaId}&date=2026-06-01`);
    expect(answer.status).toBe(200);
    const { area, rows, totals, areaPath } = answer.body;
    expect(area?.name).toBe('Årsverkområde');
    expect(areaPath.map((p) => p.name).slice(-2)).toEqual(['Skole', 'Årsverkområde']);
    expect(rows.map((r) => r.name)).toEqual(['Årsverkkjøkkenet', 'Årsverkskolen']);
    const school = rows.find((r) => r.unitId === schoolId)!;
    expect(school.budget).toMatchObject({ budgetedFte: 10, source: 'Årsbudsjett 2026, vedtatt 12.12.2025' });
    expect(school.subtree).toEqual({
      budgetedFte: 10,
      unitsWithBudget: 1,
      units: 1,
      positions: 3,
      positionsFte: 7,
      positionsWithoutFte: 1,
      filledFte: 2.8,
      vacantFte: 4.2,
      vacantPositions: 2,
    });
    expect(totals).toMatchObject({ budgetedFte: 10, positionsFte: 9, filledFte: 4.8, vacantFte: 4.2, units: 3, positions: 4 });
    // On 1 February the assistant rector was still there.
    const february = (await get<PostsResponse>(`/api/organisation/posts?unit=${areaId}&date=2026-02-01`)).body;
    expect(february.totals).toMatchObject({ filledFte: 5.8, vacantFte: 3.2, vacantPositions: 1 });
  });

  it('lists the vacant positions in an area with vacant since, FTE and the unit path, and downloads them', async () => {
    const answer = await get<VacanciesResponse>(`/api/organisation/posts/vacancies?unit=${areaId}&date=2026-06-01`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ total: 2, totalFte: 1, withoutFte: 1 });
    expect(answer.body.items.map((v) => [v.title, v.fte, v.vacantSince, v.unitPath.slice(-2)])).toEqual([
      ['assisterende rektor', 1, '2026-03-01', ['Årsverkområde', 'Årsverkskolen']],
      ['renholder', null, '2026-01-01', ['Årsverkområde', 'Årsverkskolen']],
    ]);
    // The kitchen alone has nothing vacant.
    expect((await get<VacanciesResponse>(`/api/organisation/posts/vacancies?unit=${kitchenId}&date=2026-06-01`)).body.total).toBe(0);

    const csv = await get<string>(`/api/organisation/posts/vacancies?unit=${areaId}&date=2026-06-01&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.response.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Stilling;Enhet;Plassering;Årsverk;Ansvar;Ledig siden');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^assisterende rektor;Årsverkskolen;.*Årsverkområde \/ Årsverkskolen;1;;2026-03-01$/);
    const xlsx = await get<string>(`/api/organisation/posts/vacancies?unit=${areaId}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.response.headers['content-type']).toMatch(/spreadsheetml/);
  });

  it('answers 404 for an area that does not exist on the date, 400 for a malformed one', async () => {
    expect((await get(`/api/organisation/posts?unit=${areaId}&date=2025-06-01`)).status).toBe(404);
    expect((await get(`/api/organisation/posts/vacancies?unit=${areaId}&date=2025-06-01`)).status).toBe(404);
    expect((await get('/api/organisation/posts?unit=nope')).status).toBe(400);
  });

  it('states no FTE for the built-in dataset: no source gives one', async () => {
    const whole = (await get<PostsResponse>('/api/organisation/posts?date=2020-01-01')).body;
    expect(whole.totals.positionsFte).toBe(0);
    expect(whole.totals.budgetedFte).toBeNull();
    expect(whole.totals.positionsWithoutFte).toBe(whole.totals.positions);
  });
});
