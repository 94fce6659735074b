import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { Role } from '../../kernel/index.js';
import type { GoalTree } from './goals.schemas.js';
import type { Dashboard, IndicatorDetail } from './indicators.schemas.js';
import { municipalityPoints } from './server/indicators/indicators.queries.js';
import type { SteeringDb } from './server/steering.tables.js';

// Goals and indicators on both databases: the hierarchy rules, thresholds that contradict, values
// for periods that do not exist, shared owners commenting, and the dashboard's statuses.

vi.setConfig({ testTimeout: 120_000 });
const t = useTestApp();
const db = () => t.database.db as unknown as SteeringDb;

async function call(method: 'GET' | 'POST' | 'PUT', url: string, user: SignedIn, payload?: unknown) {
  const response = await t.knutepunkt.app.inject({ method, url, headers: user.headers, payload: payload as object });
  const json = () => response.json() as Record<string, unknown> & { error?: { message: string } };
  return { status: response.statusCode, json, message: () => json().error?.message ?? '' };
}

const unitIdOf = async (key: string) =>
  (await db().selectFrom('org_units').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;

/** A sign-in linked to a new person who holds the position `positionKey` from 2020. */
async function placed(roles: Role[], name: string, positionKey: string): Promise<SignedIn> {
  const user = await t.signInAs(roles, name);
  await t.placeUser(user.userId, name, positionKey);
  return user;
}

const count = async (table: 'st_goals' | 'st_indicators' | 'st_indicator_values' | 'st_indicator_comments') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let analyst: SignedIn;
let employee: SignedIn;
let school = '';
let firstLine = '';
let other = '';

beforeAll(async () => {
  analyst = await t.signInAs(['analyst']);
  employee = await t.signInAs(['employee']);
  school = await unitIdOf('skole-aronslokka');
  firstLine = await unitIdOf('forstelinje-til-ledere');
  other = await unitIdOf('skole-brandengen');
  await db().insertInto('st_programme_areas').values({ code: 'XT', name: 'Testområde', sort_order: 99 }).execute();
});

const indicator = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: `Test ${key}`,
  unitOfMeasure: '%',
  direction: 'higher',
  frequency: 'year',
  dataSource: 'manual',
  greenAt: 80,
  redAt: 60,
  areaCode: 'XT',
  ownerUnitIds: [school, firstLine],
  ...extra,
});

describe('the built-in dataset', () => {
  it('has the documents’ goals and indicators with sources, the first line at ca. 70 %', async () => {
    const tree = (await call('GET', '/api/steering/goals', employee)).json() as unknown as GoalTree;
    const admin = tree.goals.find((g) => g.key === 'mindre-andel-til-administrasjon');
    expect(admin?.level).toBe('area');
    expect(admin?.source).toContain('003');
    expect(admin?.indicators.map((i) => i.key)).toContain('administrasjonens-andel');
    const detail = (
      await call('GET', '/api/steering/indicators/forstelinjens-losningsgrad', employee)
    ).json() as unknown as IndicatorDetail;
    expect(detail).toMatchObject({ direction: 'higher', greenAt: 70, redAt: 70, dataSource: 'leader_support' });
    const share = (await call('GET', '/api/steering/indicators/administrasjonens-andel', employee)).json() as unknown as IndicatorDetail;
    expect(share).toMatchObject({ direction: 'lower', greenAt: null, redAt: null, targets: [] });
  });
});

describe('goals', () => {
  it('keeps the red thread: a parent one level up, owners that exist', async () => {
    const community = await call('POST', '/api/steering/goals', analyst, {
      level: 'community',
      title: 'Samfunnsmål',
      ownerUnitIds: [school],
    });
    expect(community.status).toBe(201);
    const communityId = community.json().id as string;
    const area = await call('POST', '/api/steering/goals', analyst, {
      level: 'area',
      parentId: communityId,
      title: 'Områdemål',
      strategies: ['Strategi'],
      ownerUnitIds: [school, other],
    });
    expect(area.status).toBe(201);
    const before = await count('st_goals');
    const skipping = await call('POST', '/api/steering/goals', analyst, {
      level: 'unit',
      parentId: communityId,
      title: 'Enhetsmål',
      ownerUnitIds: [school],
    });
    expect(skipping.status).toBe(400);
    expect(skipping.message()).toContain('områdemål');
    const sideways = await call('POST', '/api/steering/goals', analyst, {
      level: 'area',
      parentId: area.json().id,
      title: 'X',
      ownerUnitIds: [school],
    });
    expect(sideways.status).toBe(400);
    const topWithParent = await call('POST', '/api/steering/goals', analyst, {
      level: 'community',
      parentId: communityId,
      title: 'X',
      ownerUnitIds: [school],
    });
    expect(topWithParent.status).toBe(400);
    const noOwner = await call('POST', '/api/steering/goals', analyst, { level: 'community', title: 'X', ownerUnitIds: [] });
    expect(noOwner.status).toBe(400);
    const unknownOwner = await call('POST', '/api/steering/goals', analyst, {
      level: 'community',
      title: 'X',
      ownerUnitIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownOwner.status).toBe(400);
    expect((await call('POST', '/api/steering/goals', employee, { level: 'community', title: 'X', ownerUnitIds: [school] })).status).toBe(
      403,
    );
    expect(await count('st_goals')).toBe(before);

    const unit = await call('POST', '/api/steering/goals', analyst, {
      level: 'unit',
      parentId: area.json().id,
      title: 'Enhetsmål',
      ownerUnitIds: [school],
    });
    expect(unit.status).toBe(201);
    const tree = (await call('GET', '/api/steering/goals', employee)).json() as unknown as GoalTree;
    const mine = tree.goals.filter((g) => ['Samfunnsmål', 'Områdemål', 'Enhetsmål'].includes(g.title));
    expect(mine.map((g) => [g.title, g.depth])).toEqual([
      ['Samfunnsmål', 0],
      ['Områdemål', 1],
      ['Enhetsmål', 2],
    ]);
    expect(mine[1]!.owners.map((o) => o.name).sort()).toEqual(['Aronsløkka skole', 'Brandengen skole']);

    // A stale revision, then deactivation refused while a sub-goal is active.
    const areaGoal = mine[1]!;
    const stale = await call('PUT', `/api/steering/goals/${areaGoal.id}`, analyst, {
      revision: 99,
      level: 'area',
      parentId: communityId,
      title: 'Ny',
      ownerUnitIds: [school],
    });
    expect(stale.status).toBe(409);
    expect((await call('POST', `/api/steering/goals/${areaGoal.id}/deactivate`, analyst, { revision: areaGoal.revision })).status).toBe(
      409,
    );
    expect((await call('POST', `/api/steering/goals/${mine[2]!.id}/deactivate`, analyst, { revision: mine[2]!.revision })).status).toBe(
      200,
    );
  });
});

describe('indicators', () => {
  it('refuses thresholds that contradict each other and writes nothing', async () => {
    const before = await count('st_indicators');
    const upside = await call('POST', '/api/steering/indicators', analyst, indicator('motsatt', { greenAt: 50, redAt: 60 }));
    expect(upside.status).toBe(400);
    expect(upside.message()).toMatch(/motsier/);
    const english = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/steering/indicators',
      headers: { ...analyst.headers, 'accept-language': 'en' },
      payload: indicator('motsatt', { direction: 'lower', greenAt: 20, redAt: 10 }),
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.message).toMatch(/contradict/);
    const half = await call('POST', '/api/steering/indicators', analyst, indicator('halv', { greenAt: 50, redAt: null }));
    expect(half.status).toBe(400);
    expect(await count('st_indicators')).toBe(before);

    expect((await call('POST', '/api/steering/indicators', analyst, indicator('grenser'))).status).toBe(201);
    const read = (await call('GET', '/api/steering/indicators/grenser', analyst)).json() as unknown as IndicatorDetail;
    const change = await call('PUT', '/api/steering/indicators/grenser', analyst, {
      ...indicator('grenser', { greenAt: 10, redAt: 20 }),
      key: undefined,
      revision: read.revision,
    });
    expect(change.status).toBe(400);
    const after = (await call('GET', '/api/steering/indicators/grenser', analyst)).json() as unknown as IndicatorDetail;
    expect([after.greenAt, after.redAt, after.revision]).toEqual([80, 60, read.revision]);
  });

  it('refuses values for periods that do not exist and writes none of them', async () => {
    await call('POST', '/api/steering/indicators', analyst, indicator('perioder'));
    await call('POST', '/api/steering/indicators', analyst, indicator('maned', { frequency: 'month' }));
    const before = await count('st_indicator_values');
    for (const period of ['2024-13', '2024-T4', '2024-05', String(new Date().getFullYear() + 2)]) {
      const response = await call('PUT', '/api/steering/indicators/perioder/values', analyst, {
        values: [
          { period: '2023', value: 50 },
          { period, value: 60 },
        ],
      });
      expect(response.status, period).toBe(400);
    }
    const month13 = await call('PUT', '/api/steering/indicators/maned/values', analyst, { values: [{ period: '2024-13', value: 1 }] });
    expect(month13.status).toBe(400);
    expect(month13.message()).toContain('finnes ikke');
    expect(await count('st_indicator_values')).toBe(before);
    const ok = await call('PUT', '/api/steering/indicators/perioder/values', analyst, {
      values: [
        { period: '2023', value: 50 },
        { period: '2023', unitId: school, value: 55 },
        { period: '2023', district: 3, value: 45 },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.json()).toEqual({ written: 3, removed: 0 });
    const detail = (await call('GET', '/api/steering/indicators/perioder', analyst)).json() as unknown as IndicatorDetail;
    expect(detail.series).toEqual([{ period: '2023', value: 50, target: null, status: 'red' }]);
    expect(detail.units[0]).toMatchObject({ unit: { name: 'Aronsløkka skole' }, values: [{ period: '2023', value: 55 }] });
    expect(detail.districts).toEqual([{ district: 3, values: [{ period: '2023', value: 45 }] }]);
  });

  it('lets each owning unit comment, and no one else', async () => {
    await call('POST', '/api/steering/indicators', analyst, indicator('delt'));
    const rektor = await placed(['employee'], 'Rektor Test', 'leder-skole-aronslokka');
    const firstLineLeader = await placed(['employee'], 'Leder 1.linje', 'leder-forstelinje-til-ledere');
    const otherRektor = await placed(['employee'], 'Rektor Annen', 'leder-skole-brandengen');
    const a = await call('POST', '/api/steering/indicators/delt/comments', rektor, {
      unitId: school,
      period: '2023',
      body: 'For lavt',
      measure: 'Tiltak A',
    });
    expect(a.status).toBe(201);
    const b = await call('POST', '/api/steering/indicators/delt/comments', firstLineLeader, { unitId: firstLine, body: 'Vi følger opp' });
    expect(b.status).toBe(201);
    const before = await count('st_indicator_comments');
    expect((await call('POST', '/api/steering/indicators/delt/comments', otherRektor, { unitId: other, body: 'Ikke min' })).status).toBe(
      403,
    );
    expect((await call('POST', '/api/steering/indicators/delt/comments', rektor, { unitId: firstLine, body: 'Andres enhet' })).status).toBe(
      403,
    );
    expect((await call('POST', '/api/steering/indicators/delt/comments', employee, { unitId: school, body: 'Ansatt' })).status).toBe(403);
    expect(await count('st_indicator_comments')).toBe(before);

    const detail = (await call('GET', '/api/steering/indicators/delt', rektor)).json() as unknown as IndicatorDetail;
    expect(detail.comments.map((c) => c.unit?.name).sort()).toEqual(['1.linje til ledere', 'Aronsløkka skole']);
    expect(detail.comments.find((c) => c.measure)?.measure).toBe('Tiltak A');
    expect(detail.mayCommentFor.map((u) => u.id)).toEqual([school]);

    // A leader enters the own unit's values, not the municipality's.
    expect(
      (await call('PUT', '/api/steering/indicators/delt/values', rektor, { values: [{ period: '2023', unitId: school, value: 70 }] }))
        .status,
    ).toBe(200);
    expect((await call('PUT', '/api/steering/indicators/delt/values', rektor, { values: [{ period: '2023', value: 70 }] })).status).toBe(
      403,
    );
  });

  it('shows the area dashboard with statuses, targets, sparklines and counts up to the period', async () => {
    await call('POST', '/api/steering/indicators', analyst, indicator('gronn'));
    await call('POST', '/api/steering/indicators', analyst, indicator('gul'));
    await call('POST', '/api/steering/indicators', analyst, indicator('rod-lavere', { direction: 'lower', greenAt: 5, redAt: 10 }));
    await call('POST', '/api/steering/indicators', analyst, indicator('mal-uten-grenser', { greenAt: null, redAt: null }));
    const put = (key: string, values: [string, number][]) =>
      call('PUT', `/api/steering/indicators/${key}/values`, analyst, { values: values.map(([period, value]) => ({ period, value })) });
    await put('gronn', [
      ['2021', 70],
      ['2022', 85],
    ]);
    await put('gul', [['2022', 70]]);
    await put('rod-lavere', [
      ['2021', 4],
      ['2022', 12],
    ]);
    await put('mal-uten-grenser', [['2022', 40]]);
    expect(
      (
        await call('PUT', '/api/steering/indicators/mal-uten-grenser/targets', analyst, {
          targets: [
            { period: '2022', target: 50 },
            { period: '2030', target: 60 },
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('PUT', '/api/steering/indicators/mal-uten-grenser/targets', analyst, { targets: [{ period: '2022-T1', target: 50 }] }))
        .status,
    ).toBe(400);

    const board = (await call('GET', '/api/steering/dashboard?area=XT&period=2022', employee)).json() as unknown as Dashboard;
    const status = Object.fromEntries(board.indicators.map((row) => [row.key, row.status]));
    expect(status).toMatchObject({ gronn: 'green', gul: 'yellow', 'rod-lavere': 'red', 'mal-uten-grenser': 'red' });
    expect(board.counts.red).toBeGreaterThanOrEqual(2);
    const green = board.indicators.find((row) => row.key === 'gronn')!;
    expect(green.sparkline).toEqual([
      { period: '2021', value: 70 },
      { period: '2022', value: 85 },
    ]);
    expect(board.indicators.find((row) => row.key === 'mal-uten-grenser')!.target).toBe(50);
    expect(board.indicators.find((row) => row.key === 'delt')!.commentCount).toBe(2);
    expect(board.indicators[0]!.status).toBe('red');

    const earlier = (await call('GET', '/api/steering/dashboard?area=XT&period=2021', employee)).json() as unknown as Dashboard;
    const early = Object.fromEntries(earlier.indicators.map((row) => [row.key, row.status]));
    expect(early).toMatchObject({ gronn: 'yellow', gul: 'none', 'rod-lavere': 'green' });

    expect((await call('GET', '/api/steering/dashboard?area=XT&period=2022-T4', employee)).status).toBe(400);
    expect((await call('GET', '/api/steering/dashboard?area=NOPE', employee)).status).toBe(400);
    const overview = (await call('GET', '/api/steering/dashboard/areas?period=2022', employee)).json() as {
      areas: { code: string; counts: Dashboard['counts'] }[];
    };
    expect(overview.areas.find((a) => a.code === 'XT')!.counts).toEqual(board.counts);
  });

  it('shows only the last 10 municipality values up to the period, with named owners, read through the municipality index', async () => {
    expect((await call('POST', '/api/steering/indicators', analyst, indicator('lang'))).status).toBe(201);
    const years = Array.from({ length: 14 }, (_, i) => 2010 + i);
    const put = await call('PUT', '/api/steering/indicators/lang/values', analyst, {
      values: years.map((year) => ({ period: String(year), value: year - 2000 })),
    });
    expect(put.status).toBe(200);
    const { id } = await db().selectFrom('st_indicators').select('id').where('key', '=', 'lang').executeTakeFirstOrThrow();
    // A unit's and a district's values for the same periods are not the municipality's.
    await db()
      .insertInto('st_indicator_values')
      .values([
        { indicator_id: id, period: '2022', unit_id: school, value: 1, origin: 'manual' },
        { indicator_id: id, period: '2023', district: 3, value: 2, origin: 'manual' },
      ])
      .execute();

    const board = (await call('GET', '/api/steering/dashboard?area=XT&period=2022', employee)).json() as unknown as Dashboard;
    const row = board.indicators.find((r) => r.key === 'lang')!;
    expect(row.sparkline).toEqual(years.slice(3, 13).map((year) => ({ period: String(year), value: year - 2000 })));
    expect(row.latest).toEqual({ period: '2022', value: 22 });
    expect(row.status).toBe('red');
    const detail = (await call('GET', '/api/steering/indicators/lang', employee)).json() as unknown as IndicatorDetail;
    expect(row.owners).toEqual(detail.owners);
    expect(row.owners.map((o) => o.id).sort()).toEqual([school, firstLine].sort());
    expect(row.owners.every((o) => o.name !== o.id)).toBe(true);

    // The dashboard's per-indicator read walks st_indicator_values_municipality_idx in order (no sort):
    // the index's expression (migrations/0002_indicators.sql) must stay the one the query uses.
    const plan = await db()
      .transaction()
      .execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_bitmapscan = off`.execute(trx);
        const { rows } = await sql<{ 'QUERY PLAN': string }>`explain select ${municipalityPoints('2022-12', 10)}
          from st_indicators i where i.key = 'lang'`.execute(trx);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    expect(plan).toContain('Index Scan using st_indicator_values_municipality_idx');
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it('exports the dashboard table as CSV and XLSX, as of the period', async () => {
    const csv = await t.knutepunkt.app.inject({
      method: 'GET',
      url: '/api/steering/dashboard?area=XT&period=2022&format=csv',
      headers: employee.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('indikatorer-XT-2022.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Indikator;Nøkkel;Status;Siste verdi;Periode;Mål;Måleenhet;Retning;Frekvens;Eiere;Kommentarer;Syntetisk');
    const board = (await call('GET', '/api/steering/dashboard?area=XT&period=2022', employee)).json() as unknown as Dashboard;
    expect(lines).toHaveLength(board.indicators.length + 1);
    const green = lines.find((line) => line.startsWith('Test gronn;'))!.split(';');
    expect(green.slice(0, 9)).toEqual(['Test gronn', 'gronn', 'Grønn', '85', '2022', '', '%', 'Høyere er bedre', 'År']);
    expect(
      lines
        .find((line) => line.startsWith('Test mal-uten-grenser;'))!
        .split(';')
        .slice(2, 6),
    ).toEqual(['Rød', '40', '2022', '50']);
    expect(lines.find((line) => line.startsWith('Test gul;'))!.split(';')[2]).toBe('Gul');

    const xlsx = await t.knutepunkt.app.inject({
      method: 'GET',
      url: '/api/steering/dashboard?area=XT&format=xlsx',
      headers: employee.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    expect((await call('GET', '/api/steering/dashboard?area=XT&format=pdf', employee)).status).toBe(400);
    expect((await call('GET', '/api/steering/dashboard?area=NOPE&format=csv', employee)).status).toBe(400);
  });
});
