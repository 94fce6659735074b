import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { AreaDetail, AreaList, BudgetOverview } from './budget.schemas.js';
import { selectAreaBudgetStatus } from './server/budget/budget.queries.js';

const t = useTestApp();

async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, user: SignedIn | null, payload?: unknown) {
  const response = await t.knutepunkt.app.inject({ method, url, headers: user?.headers ?? {}, payload: payload as object });
  return { status: response.statusCode, body: response.body ? (response.json() as any) : null }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
const count = async (table: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);

describe('[STEERING][BUDGET] programme areas, actuals, forecast and deviation', () => {
  it('has the 2020 areas P01–P18 with committees and sources, P05 unnamed, and seed 004’s area 07 apart', async () => {
    const user = await t.signInAs(['employee']);
    const { areas } = (await call('GET', '/api/steering/areas', user)).body as AreaList;
    const p = areas.filter((a) => /^P\d\d$/.test(a.code));
    expect(p.map((a) => a.code)).toEqual(Array.from({ length: 18 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`));
    expect(p.find((a) => a.code === 'P01')).toMatchObject({ name: 'Skole', committee: 'Oppvekst og utdanning' });
    expect(p.find((a) => a.code === 'P18')).toMatchObject({ name: 'Politisk styring', committee: 'Formannskapet' });
    expect(p.find((a) => a.code === 'P05')).toMatchObject({ name: 'Navn ikke oppgitt i kildene', committee: null });
    expect(p.every((a) => a.source?.startsWith('Referansefakta'))).toBe(true);
    const old = areas.find((a) => a.code === 'D2017-07')!;
    expect(old.name).toMatch(/gamle Drammen/);
    expect(old.source).toMatch(/^Seed 004/);
  });

  it('shows seed 004’s first tertial 2017: an overspend of 1 million stated, 9.4 million proposed, measures that follow the decisions', async () => {
    const user = await t.signInAs(['employee']);
    const detail = (await call('GET', '/api/steering/areas/D2017-07/budget?year=2017&asOfMonth=4', user)).body as AreaDetail;
    expect(detail.status).toMatchObject({ budget: null, forecast: null, actualToDate: null, deviation: 1_000_000, deviationStated: true });
    expect(detail.status.deviationText.nb).toMatch(/^Merforbruk på 1\s000\s000 kr/);
    expect(detail.status.assessment).toMatchObject({ proposedChange: 9_400_000 });
    expect(detail.status.assessment!.source).toMatch(/^Seed 004/);
    expect(detail.actuals).toEqual([]);
    expect(detail.adjustments.map((a) => a.amount).reduce((s, a) => s + a, 0)).toBe(9_400_000);
    expect(detail.status.adjustmentsProposed).toBe(9_400_000);
    expect(detail.adjustments.every((a) => a.source?.startsWith('Seed 004'))).toBe(true);
    expect(detail.adjustments.find((a) => a.amount === 1_500_000)).toMatchObject({
      decisionCaseNumber: '53/17',
      decisionMeetingDate: '2017-04-25',
    });
    expect(detail.adjustments.find((a) => a.amount === 150_000)?.decisionReference).toMatch(/30\.5\.17/);
  });

  it('imports actuals all or nothing: a file with bad rows is refused with every problem, nothing written', async () => {
    const analyst = await t.signInAs(['analyst']);
    const before = await count('st_actuals');
    const bad = [
      'område;år;måned;beløp',
      'P01;2030;1;1 000 000',
      'P99;2030;2;5',
      'P01;2030;13;5',
      'P01;20x0;3;abc',
      'P01;2030;1;7',
      'P02;2030',
    ].join('\n');
    const refused = await call('POST', '/api/steering/actuals/import', analyst, { fileName: 'regnskap.csv', csv: bad });
    expect(refused.status).toBe(400);
    const problems = refused.body.error.details as { row: number; column: string | null }[];
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'område'],
      [4, 'måned'],
      [5, 'år'],
      [5, 'beløp'],
      [6, null],
      [7, null],
    ]);
    expect(await count('st_actuals')).toBe(before);

    const good = [
      'område;år;måned;beløp',
      'P01;2030;1;1 000 000',
      'P01;2030;2;1 200 000,50',
      'P01;2030;3;-200 000',
      'P01;2030;5;9 999',
      'p02;2030;1;300',
    ].join('\r\n');
    const imported = await call('POST', '/api/steering/actuals/import', analyst, { fileName: 'regnskap.csv', csv: good });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rowsWritten: 5, areas: 2, unchanged: 0 });
    const again = await call('POST', '/api/steering/actuals/import', analyst, { fileName: 'regnskap.csv', csv: good });
    expect(again.body).toMatchObject({ rowsWritten: 0, unchanged: 5 });
    expect(await count('st_actuals')).toBe(before + 5);

    const employee = await t.signInAs(['employee']);
    expect((await call('POST', '/api/steering/actuals/import', employee, { fileName: 'x.csv', csv: good })).status).toBe(403);
  });

  it('sets budget, plan and forecast, and computes the deviation in kroner and percent', async () => {
    const analyst = await t.signInAs(['analyst']);
    const plan = [2031, 2032, 2033, 2034].map((year, i) => ({ year, amount: 40_000_000 + i * 1_000_000 }));
    expect((await call('PUT', '/api/steering/areas/P03/budgets', analyst, { year: 2031, budget: 40_000_000, plan })).status).toBe(204);
    const outside = await call('PUT', '/api/steering/areas/P03/budgets', analyst, {
      year: 2031,
      budget: 1,
      plan: [{ year: 2036, amount: 1 }],
    });
    expect(outside.status).toBe(400);
    expect((await call('PUT', '/api/steering/areas/P99/budgets', analyst, { year: 2031, budget: 1, plan: [] })).status).toBe(404);
    await call('POST', '/api/steering/actuals/import', analyst, {
      fileName: 'a.csv',
      csv: 'P03;2031;1;3000000\nP03;2031;2;3500000\nP03;2031;3;3500000\nP03;2031;4;4000000\nP03;2031;5;9000000',
    });
    expect(
      (
        await call('PUT', '/api/steering/areas/P03/forecast', analyst, {
          year: 2031,
          asOfMonth: 4,
          amount: 41_000_000,
          comment: 'Økt etterspørsel',
        })
      ).status,
    ).toBe(204);
    expect((await call('PUT', '/api/steering/areas/P03/forecast', analyst, { year: 2031, asOfMonth: 8, amount: 39_000_000 })).status).toBe(
      204,
    );

    const [april] = (await selectAreaBudgetStatus(t.database.db as never, { year: 2031, asOfMonth: 4 })).filter((a) => a.code === 'P03');
    expect(april).toMatchObject({
      budget: 40_000_000,
      actualToDate: 14_000_000,
      actualMonths: 4,
      forecast: 41_000_000,
      forecastAsOfMonth: 4,
      deviation: 1_000_000,
      deviationPercent: 2.5,
      deviationStated: false,
    });
    expect(april!.plan).toEqual(plan);
    expect(april!.deviationText.nb).toMatch(/^Merforbruk/);
    const [august] = (await selectAreaBudgetStatus(t.database.db as never, { year: 2031, asOfMonth: 8 })).filter((a) => a.code === 'P03');
    expect(august).toMatchObject({ actualToDate: 23_000_000, forecast: 39_000_000, deviation: -1_000_000, deviationPercent: -2.5 });
    expect(august!.deviationText.en).toMatch(/^Underspend of 1,000,000 kr/);

    const overview = (await call('GET', '/api/steering/budget?year=2031&asOfMonth=8', analyst)).body as BudgetOverview;
    expect(overview.areas.find((a) => a.code === 'P03')?.deviation).toBe(-1_000_000);
  });

  it('adds, revises (stale → 409) and removes adjustments that follow a decision', async () => {
    const analyst = await t.signInAs(['analyst']);
    const created = await call('POST', '/api/steering/adjustments', analyst, {
      areaCode: 'P14',
      year: 2031,
      title: 'Styrking av analysekapasitet',
      reason: 'Nye rapporteringskrav',
      amount: 500_000,
      decisionReference: 'sak 10/31, 1.2.31',
    });
    expect(created.status).toBe(201);
    const badDecision = await call('POST', '/api/steering/adjustments', analyst, {
      areaCode: 'P14',
      year: 2031,
      title: 'X',
      amount: 1,
      decisionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badDecision.status).toBe(400);
    const adopted = await call('PUT', `/api/steering/adjustments/${created.body.id}`, analyst, {
      year: 2031,
      title: 'Styrking av analysekapasitet',
      amount: 500_000,
      status: 'adopted',
      revision: 1,
    });
    expect(adopted.body).toMatchObject({ status: 'adopted', revision: 2 });
    expect(
      (await call('PUT', `/api/steering/adjustments/${created.body.id}`, analyst, { year: 2031, title: 'Y', amount: 1, revision: 1 }))
        .status,
    ).toBe(409);
    const [p14] = (await selectAreaBudgetStatus(t.database.db as never, { year: 2031, asOfMonth: 12 })).filter((a) => a.code === 'P14');
    expect(p14).toMatchObject({ adjustmentsAdopted: 500_000, adjustmentsProposed: 0, adjustmentCount: 1 });
    expect((await call('DELETE', `/api/steering/adjustments/${created.body.id}?revision=1`, analyst)).status).toBe(409);
    expect((await call('DELETE', `/api/steering/adjustments/${created.body.id}?revision=2`, analyst)).status).toBe(204);
  });

  it('adds and revises a programme area with linked units; a taken code is 409', async () => {
    const analyst = await t.signInAs(['analyst']);
    const unit = (await t.database.db
      .selectFrom('org_units' as never)
      .select('id' as never)
      .where('key' as never, '=', 'omrade-skole' as never)
      .executeTakeFirstOrThrow()) as { id: string };
    const created = await call('POST', '/api/steering/areas', analyst, {
      code: 'X01',
      name: 'Testområde',
      committee: 'Formannskapet',
      unitIds: [unit.id],
    });
    expect(created.status).toBe(201);
    expect(created.body.units).toEqual([{ id: unit.id, name: 'Skole' }]);
    expect((await call('POST', '/api/steering/areas', analyst, { code: 'P01', name: 'Dobbel' })).status).toBe(409);
    expect((await call('POST', '/api/steering/areas', analyst, { code: 'bad code', name: 'x' })).status).toBe(400);
    const revised = await call('PUT', '/api/steering/areas/X01', analyst, { code: 'X01', name: 'Nytt navn', revision: 1 });
    expect(revised.body).toMatchObject({ name: 'Nytt navn', revision: 2 });
    expect((await call('PUT', '/api/steering/areas/X01', analyst, { code: 'X01', name: 'Gammelt', revision: 1 })).status).toBe(409);
  });
});
