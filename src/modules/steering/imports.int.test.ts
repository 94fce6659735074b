import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { ComparisonView, ImportView, RegionList } from './imports.schemas.js';
import { importJsonStat } from './server/imports/import-jsonstat.js';
import type { ImportsDb } from './server/imports/imports.queries.js';

const t = useTestApp();
const db = () => t.database.db as unknown as ImportsDb;
const sample = (name: string) => readFileSync(path.join(import.meta.dirname, 'server/imports/samples', name), 'utf8');

let analyst: SignedIn;
let employee: SignedIn;

beforeAll(async () => {
  analyst = await t.signInAs(['analyst']);
  employee = await t.signInAs(['employee']);
  await db()
    .insertInto('st_indicators')
    .values([
      {
        key: 'andel-adm',
        name: '[Syntetisk] Andel til administrasjon',
        unit_of_measure: 'prosent',
        direction: 'lower',
        frequency: 'year',
        data_source: 'kostra',
        ssb_table: '12362',
        ssb_contents_code: 'KOSandeladm0000',
        synthetic: true,
      },
      {
        key: 'csv-indikator',
        name: '[Syntetisk] Verdier fra CSV',
        direction: 'higher',
        frequency: 'year',
        data_source: 'import',
        synthetic: true,
      },
    ])
    .execute();
});

async function post(user: SignedIn, url: string, body: string | Buffer, type = 'application/json') {
  const response = await t.knutepunkt.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { ...user.headers, 'content-type': type },
  });
  return {
    status: response.statusCode,
    json: response.json() as ImportView & {
      error: { code: string; message: string; details: { importId?: string; problems?: ImportView['problems'] } };
    },
  };
}

async function get<T>(user: SignedIn, url: string) {
  const response = await t.knutepunkt.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
  const isJson = String(response.headers['content-type'] ?? '').includes('json');
  return { status: response.statusCode, json: (isJson ? response.json() : null) as T, body: response.body, headers: response.headers };
}

const valueCount = async (key: string) => {
  const row = await db()
    .selectFrom('st_indicator_values as v')
    .innerJoin('st_indicators as i', 'i.id', 'v.indicator_id')
    .where('i.key', '=', key)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describe('JSON-stat import', () => {
  it('is for analysts only', async () => {
    const answer = await post(employee, '/api/steering/imports/jsonstat?indicator=andel-adm', sample('ssb-kostra-v1.json'));
    expect(answer.status).toBe(403);
    expect(await valueCount('andel-adm')).toBe(0);
  });

  it('writes a good file: the own municipality as region NULL, others by code; progress record done; labels learned', async () => {
    const id = crypto.randomUUID();
    const answer = await post(
      analyst,
      `/api/steering/imports/jsonstat?indicator=andel-adm&fileName=kostra.json&id=${id}`,
      sample('ssb-kostra-v1.json'),
    );
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ id, status: 'done', rowsWritten: 11, kind: 'jsonstat', fileName: 'kostra.json', problems: [] });
    expect(answer.json.summary).toMatchObject({ periods: ['2021', '2022', '2023'], nullValues: 1, contentsCode: 'KOSandeladm0000' });
    expect(answer.json.bytesDone).toBe(answer.json.bytesTotal);

    const own = await db()
      .selectFrom('st_indicator_values')
      .select(['period', 'value', 'origin'])
      .where('region', 'is', null)
      .orderBy('period')
      .execute();
    expect(own.map((r) => [r.period, Number(r.value), r.origin])).toEqual([
      ['2021', 7.1, 'jsonstat'],
      ['2022', 6.9, 'jsonstat'],
      ['2023', 6.8, 'jsonstat'],
    ]);
    const oslo = await db()
      .selectFrom('st_indicator_values')
      .select(['period', 'value'])
      .where('region', '=', '0301')
      .orderBy('period')
      .execute();
    expect(oslo.map((r) => Number(r.value))).toEqual([5.2, 5.4]);

    const progress = await get<ImportView>(analyst, `/api/steering/imports/${id}`);
    expect(progress.json).toMatchObject({ status: 'done', rowsWritten: 11, indicator: { key: 'andel-adm' } });
    const list = await get<{ items: ImportView[] }>(analyst, '/api/steering/imports');
    expect(list.json.items[0]!.id).toBe(id);

    const regions = await get<RegionList>(employee, '/api/steering/regions');
    expect(regions.json.items[0]).toEqual({ code: '3005', label: 'Drammen', own: true });
    expect(regions.json.items.map((r) => r.label)).toEqual(['Drammen', 'Bergen', 'Kostragruppe 13', 'Oslo']);
  });

  it('importing again updates the values in place (no duplicates)', async () => {
    const changed = sample('ssb-kostra-v1.json').replace('[7.1,', '[7.3,');
    const answer = await post(analyst, '/api/steering/imports/jsonstat?indicator=andel-adm', changed);
    expect(answer.status).toBe(201);
    expect(await valueCount('andel-adm')).toBe(11);
    const row = await db()
      .selectFrom('st_indicator_values')
      .select('value')
      .where('region', 'is', null)
      .where('period', '=', '2021')
      .executeTakeFirstOrThrow();
    expect(Number(row.value)).toBe(7.3);
  });

  const refusals: [string, string, () => string, number, RegExp][] = [
    ['malformed', 'andel-adm', () => sample('ssb-kostra-v1.json').slice(0, 500), 400, /not valid JSON/],
    ['not JSON-stat', 'andel-adm', () => '{"hello":"world"}', 400, /not a JSON-stat 2 dataset: "class" is missing/],
    [
      'size mismatch',
      'andel-adm',
      () => sample('ssb-kostra-v1.json').replace('"size":[4,1,3]', '"size":[4,1,2]'),
      400,
      /"Tid" has 3 categories, but "size" says 2/,
    ],
    ['wrong region', 'andel-adm', () => sample('ssb-kostra-v1.json').replaceAll('"3005"', '"1103"'), 400, /not about Drammen/],
    ['unknown indicator', 'finnes-ikke', () => sample('ssb-kostra-v1.json'), 404, /no indicator with the key “finnes-ikke”/],
    [
      'wrong frequency',
      'andel-adm',
      () => sample('ssb-kostra-v1.json').replaceAll('"2023"', '"2023M01"'),
      400,
      /periods that do not fit the indicator \(2023M01\)/,
    ],
  ];
  for (const [name, key, file, status, message] of refusals) {
    it(`refuses ${name} with a clear message and writes nothing`, async () => {
      const before = await valueCount('andel-adm');
      const response = await t.knutepunkt.app.inject({
        method: 'POST',
        url: `/api/steering/imports/jsonstat?indicator=${key}`,
        payload: file(),
        headers: { ...analyst.headers, 'content-type': 'application/json', 'accept-language': 'en' },
      });
      expect(response.statusCode).toBe(status);
      expect(response.json().error.message).toMatch(message);
      expect(await valueCount('andel-adm')).toBe(before);
      const importId = (response.json().error.details as { importId?: string } | undefined)?.importId;
      if (status === 400) {
        const record = await get<ImportView>(analyst, `/api/steering/imports/${importId}`);
        expect(record.json.status).toBe('failed');
        expect(record.json.problems[0]!.message.en).toMatch(message);
      }
    });
  }

  it('refuses a file over the limit with 413 and a message', async () => {
    const before = await valueCount('andel-adm');
    const response = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/steering/imports/jsonstat?indicator=andel-adm',
      payload: 'x',
      headers: { ...analyst.headers, 'content-type': 'application/json', 'content-length': String(101 * 1024 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toMatch(/større enn grensen på 100 MB/);
    expect(await valueCount('andel-adm')).toBe(before);
  });
});

describe('JSON-stat import while streaming', () => {
  const context = () => ({
    actor: { userId: analyst.userId, username: 'a', displayName: 'Analytiker', roles: ['analyst' as const], permissions: new Set<never>() },
    requestId: null,
  });

  it('records how far it has read while the body arrives', async () => {
    const text = sample('ssb-kostra-v1.json');
    const seen: number[] = [];
    const id = crypto.randomUUID();
    async function* body() {
      for (let i = 0; i < text.length; i += 400) {
        yield Buffer.from(text.slice(i, i + 400));
        await new Promise((resolve) => setTimeout(resolve, 5));
        const row = await db().selectFrom('st_imports').select('bytes_done').where('id', '=', id).executeTakeFirst();
        seen.push(Number(row?.bytes_done ?? 0));
      }
    }
    await importJsonStat(db(), context(), {
      indicatorKey: 'andel-adm',
      fileName: 's.json',
      bytesTotal: Buffer.byteLength(text),
      body: body(),
      id,
      progressEvery: 0,
    });
    expect(seen.some((n) => n > 0 && n < Buffer.byteLength(text))).toBe(true);
    expect((await get<ImportView>(analyst, `/api/steering/imports/${id}`)).json).toMatchObject({
      status: 'done',
      bytesDone: Buffer.byteLength(text),
    });
  });

  it('stops at the limit even without a Content-Length, marks the import failed and writes nothing', async () => {
    const before = await valueCount('andel-adm');
    async function* body() {
      yield Buffer.from('{"class":"dataset","version":"2.0","value":[');
      for (let i = 0; i < 100; i += 1) yield Buffer.from('1.5,'.repeat(100));
    }
    const id = crypto.randomUUID();
    await expect(
      importJsonStat(db(), context(), {
        indicatorKey: 'andel-adm',
        fileName: 'big.json',
        bytesTotal: 0,
        body: body(),
        id,
        maxBytes: 10_000,
      }),
    ).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(await valueCount('andel-adm')).toBe(before);
    expect((await get<ImportView>(analyst, `/api/steering/imports/${id}`)).json.status).toBe('failed');
  });
});

describe('CSV import', () => {
  it('refuses a file with bad rows, naming every row and column, and writes nothing', async () => {
    const csv = 'period;value;region\n2022;7,5;\n2023;abc;\n2024-05;3;\n2022;1;0301\n2021;2;3005;x\n';
    const answer = await post(analyst, '/api/steering/imports/csv?indicator=csv-indikator', csv, 'text/csv');
    expect(answer.status).toBe(400);
    expect(answer.json.error.details.problems!.map((p) => [p.row, p.column])).toEqual([
      [3, 'value'],
      [4, 'period'],
      [6, null],
    ]);
    expect(await valueCount('csv-indikator')).toBe(0);
  });

  it('writes a good file all at once (comma decimals; Drammen’s own number is the municipality’s value)', async () => {
    const csv = 'periode,verdi,region\n2022,"7,5",\n2023,8,3005\n2023,"6,25",0301\n';
    const answer = await post(analyst, '/api/steering/imports/csv?indicator=csv-indikator&fileName=v.csv', csv, 'text/csv');
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ status: 'done', rowsWritten: 3, kind: 'indicator_csv' });
    const rows = await db()
      .selectFrom('st_indicator_values as v')
      .innerJoin('st_indicators as i', 'i.id', 'v.indicator_id')
      .where('i.key', '=', 'csv-indikator')
      .select(['v.period', 'v.region', 'v.value', 'v.origin'])
      .orderBy('v.period')
      .orderBy('v.region')
      .execute();
    expect(rows.map((r) => [r.period, r.region, Number(r.value), r.origin])).toEqual([
      ['2022', null, 7.5, 'csv'],
      ['2023', '0301', 6.25, 'csv'],
      ['2023', null, 8, 'csv'],
    ]);
  });
});

describe('comparison', () => {
  it('gives the series per region over years with labels, the own municipality first; exports CSV', async () => {
    const answer = await get<ComparisonView>(employee, '/api/steering/comparison?indicator=andel-adm&regions=0301,EKG13&from=2022&to=2023');
    expect(answer.status).toBe(200);
    expect(answer.json.periods).toEqual(['2022', '2023']);
    expect(answer.json.series.map((s) => [s.region, s.label, s.values.map((v) => v.value)])).toEqual([
      [null, 'Drammen', [6.9, 6.8]],
      ['0301', 'Oslo', [5.4]],
      ['EKG13', 'Kostragruppe 13', [6.2, 6.1]],
    ]);
    const csv = await get<unknown>(employee, '/api/steering/comparison?indicator=andel-adm&regions=0301&format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('Periode;Drammen;Oslo (0301)');
    expect(csv.body).toContain('2022;6,9;5,4');
    const bad = await get<{ error: { code: string } }>(employee, '/api/steering/comparison?indicator=andel-adm&from=2024&to=2020');
    expect(bad.status).toBe(400);
  });
});
