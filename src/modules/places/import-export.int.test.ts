import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import {
  placesImportMaxBytes,
  type ImportProblem,
  type ImportReport,
  type PlacesFile,
  type PlacesImportView,
} from './import-export.schemas.js';
import type { ServiceCatalogue, ServiceDetail } from './places.schemas.js';

const t = useTestApp();
const date = '2020-01-01';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let editor: SignedIn;
let employee: SignedIn;

beforeAll(async () => {
  editor = await t.signInAs(['organisation_editor']);
  employee = await t.signInAs(['employee']);
});

interface Answer {
  status: number;
  body: unknown;
  raw: Buffer;
  headers: Record<string, unknown>;
}

async function exportAs(query: string, user: SignedIn | null = editor): Promise<Answer> {
  const response = await t.knutepunkt.app.inject({ url: `/api/places/export?${query}`, headers: user?.headers ?? {} });
  const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
  return {
    status: response.statusCode,
    body: isJson ? response.json() : response.body,
    raw: response.rawPayload,
    headers: response.headers,
  };
}

async function upload(body: Buffer | string, type: string, query = '', user: SignedIn = editor): Promise<Answer> {
  const response = await t.knutepunkt.app.inject({
    method: 'POST',
    url: `/api/places/imports${query}`,
    headers: { ...user.headers, 'content-type': type, 'accept-language': 'nb' },
    payload: body,
  });
  return { status: response.statusCode, body: response.json(), raw: response.rawPayload, headers: response.headers };
}

/** Carries out a stored dry run (the confirm step). */
async function applyDryRun(view: Pick<PlacesImportView, 'id' | 'revision'>, user: SignedIn = editor): Promise<Answer> {
  const response = await t.knutepunkt.app.inject({
    method: 'POST',
    url: `/api/places/imports/${view.id}/apply`,
    headers: { ...user.headers, 'accept-language': 'nb' },
    payload: { revision: view.revision },
  });
  return { status: response.statusCode, body: response.json(), raw: response.rawPayload, headers: response.headers };
}

/** Both steps: the dry run, then its apply (the answer of the apply, or of a refused upload). */
async function importFile(body: Buffer | string, type: string, query = ''): Promise<Answer> {
  const dry = await upload(body, type, query);
  if (dry.status !== 201) return dry;
  return applyDryRun(dry.body as PlacesImportView);
}

const json = (file: unknown) => JSON.stringify(file);

/** How many rows each places table has. */
async function placesCounts(): Promise<Record<string, number>> {
  return t.rowCounts([
    'places_districts',
    'places_district_versions',
    'places_hubs',
    'places_hub_versions',
    'places_sites',
    'places_site_versions',
    'places_services',
    'places_service_versions',
    'places_coverage',
  ]);
}

/**
 * A bad file: the dry run lists the problem by entity, row and column; applying it is refused with
 * the same problems; and neither changes a row or writes to the audit log.
 */
async function expectProblem(
  body: Buffer | string,
  type: string,
  query: string,
  wanted: Partial<Omit<ImportProblem, 'message'>> & { message?: RegExp },
): Promise<ImportProblem[]> {
  const counts = await placesCounts();
  const audits = await t.auditCount();
  const dry = await upload(body, type, `?dryRun=true${query ? `&${query}` : ''}`);
  expect(dry.status, JSON.stringify(dry.body)).toBe(201);
  const report = dry.body as PlacesImportView;
  expect(report.canApply).toBe(false);
  expect(report.applied).toBe(false);
  const { message, ...where } = wanted;
  const found = report.problems.find(
    (p) =>
      Object.entries(where).every(([k, v]) => (p as unknown as Record<string, unknown>)[k] === v) &&
      (!message || message.test(p.message.nb)),
  );
  expect(found, JSON.stringify(report.problems)).toBeDefined();
  expect(found!.message.en.length).toBeGreaterThan(0);

  const apply = await applyDryRun(report);
  expect(apply.status, JSON.stringify(apply.body)).toBe(409);
  const error = (apply.body as { error: { code: string; message: string } }).error;
  expect(error.code).toBe('conflict');
  expect(error.message).toMatch(/kan ikke importeres/);
  expect(await placesCounts()).toEqual(counts);
  expect(await t.auditCount()).toBe(audits);
  return report.problems;
}

async function expectRefusedFile(body: Buffer | string, type: string, query: string, status: number, message: RegExp) {
  const counts = await placesCounts();
  const audits = await t.auditCount();
  for (const q of [`?dryRun=true${query ? `&${query}` : ''}`, query ? `?${query}` : '']) {
    const answer = await upload(body, type, q);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    const error = (answer.body as { error: { message: string } }).error;
    expect(error.message).toMatch(message);
  }
  expect(await placesCounts()).toEqual(counts);
  expect(await t.auditCount()).toBe(audits);
}

async function serviceIdByKey(key: string): Promise<string | undefined> {
  const catalogue = (await t.knutepunkt.app.inject({ url: `/api/places/services?date=${date}` })).json() as ServiceCatalogue;
  return catalogue.services.find((s) => s.key === key)?.id;
}

const BOM = '\uFEFF';

describe('[PLACES_EXPORT]', () => {
  it('exports districts, hubs, sites, services and coverage as of a date, keyed by external keys', async () => {
    const answer = await exportAs(`date=${date}`);
    expect(answer.status).toBe(200);
    expect(String(answer.headers['content-disposition'])).toContain('steder-2020-01-01.json');
    const file = answer.body as PlacesFile;
    expect(file.format).toBe('knutepunkt-places');
    expect(file.asOf).toBe(date);
    expect(file.districts.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(file.hubs).toHaveLength(10);
    expect(file.sites.length).toBeGreaterThan(0);
    const servicetorg = file.services.find((s) => s.key === 'servicetorg')!;
    expect(servicetorg.unitKey).toBe('bibliotek-og-moteplass');
    const coverage = file.coverage.find((c) => c.serviceKey === 'servicetorg' && c.districtNumber === 1)!;
    expect(coverage).toMatchObject({ siteKey: 'radhuset-i-mjondalen', mode: 'always', validFrom: '2020-01-01' });
    // Nothing held before the municipality existed.
    const before = (await exportAs('date=2019-06-01')).body as PlacesFile;
    expect(before.services).toHaveLength(0);
  });

  it('exports one entity as CSV (BOM, ;) and every entity as an XLSX sheet; CSV without entity is a 400', async () => {
    const csv = await exportAs(`date=${date}&format=csv&entity=services`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/text\/csv/);
    const text = csv.raw.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.split('\r\n')[0]).toBe(
      `${BOM}key;name;description;targetGroups;unitKey;legalBasis;proximityClass;channels;contact;entryPoints;universalRole;validFrom;validTo;source;note`,
    );
    const xlsx = await exportAs(`date=${date}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['districts', 'hubs', 'sites', 'services', 'coverage']);
    const missing = await exportAs(`date=${date}&format=csv`);
    expect(missing.status).toBe(400);
    expect((missing.body as { error: { message: string } }).error.message).toMatch(/entity/);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await t.knutepunkt.app.inject('/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
    expect(spec.paths['/api/places/export']?.get).toBeDefined();
    expect(spec.paths['/api/places/imports']?.post).toBeDefined();
  });

  it('needs sign-in to export, and places:write to import', async () => {
    expect((await exportAs(`date=${date}`, null)).status).toBe(401);
    const file = (await exportAs(`date=${date}`)).raw;
    expect((await upload(file, 'application/json', '?dryRun=true', employee)).status).toBe(403);
  });
});

describe('[PLACES_IMPORT][ROUND_TRIP]', () => {
  it('imports its own export (JSON, every CSV, XLSX) and changes nothing', async () => {
    const counts = await placesCounts();
    const audits = await t.auditCount();
    const file = (await exportAs(`date=${date}`)).raw;
    const dry = await upload(file, 'application/json', '?dryRun=true');
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    const report = dry.body as ImportReport;
    expect(report.problems).toEqual([]);
    expect(report.changes).toEqual([]);
    expect(report.validFrom).toBe(date);
    expect(report.counts.services.unchanged).toBe(report.counts.services.rows);
    expect(report.counts.coverage.rows).toBeGreaterThan(0);

    const applied = await applyDryRun(dry.body as PlacesImportView);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect((applied.body as ImportReport).applied).toBe(true);
    expect((applied.body as ImportReport).changes).toEqual([]);

    for (const entity of ['districts', 'hubs', 'sites', 'services', 'coverage']) {
      const csv = (await exportAs(`date=${date}&format=csv&entity=${entity}`)).raw;
      const answer = await importFile(csv, 'text/csv', `?entity=${entity}&validFrom=${date}`);
      expect(answer.status, `${entity}: ${JSON.stringify(answer.body)}`).toBe(200);
      expect((answer.body as ImportReport).changes, entity).toEqual([]);
    }
    const xlsx = (await exportAs(`date=${date}&format=xlsx`)).raw;
    const fromXlsx = await importFile(xlsx, xlsxType, `?validFrom=${date}`);
    expect(fromXlsx.status, JSON.stringify(fromXlsx.body)).toBe(200);
    expect((fromXlsx.body as ImportReport).changes).toEqual([]);
    expect((fromXlsx.body as ImportReport).counts.districts.unchanged).toBe(10);

    expect(await placesCounts()).toEqual(counts);
    expect(await t.auditCount()).toBe(audits);
  });
});

describe('[PLACES_IMPORT][APPLY]', () => {
  it('adds a service with coverage: applied in one go, audited, shown on the service page; again changes nothing', async () => {
    const file = {
      asOf: date,
      services: [
        {
          key: 'import-fysio',
          name: 'Fysioterapi for barn',
          description: 'Fysioterapi for barn og unge',
          targetGroups: ['barn', 'unge'],
          unitKey: 'bibliotek-og-moteplass',
          proximityClass: 'shared_districts',
          channels: ['in_person'],
          entryPoints: [],
        },
      ],
      coverage: [
        {
          serviceKey: 'import-fysio',
          districtNumber: 1,
          siteKey: 'radhuset-i-mjondalen',
          mode: 'weekly',
          weeklyTimes: [{ weekday: 2, from: '09:00', to: '12:00' }],
        },
        { serviceKey: 'import-fysio', districtNumber: 2, siteKey: 'radhuset-i-mjondalen', mode: 'always' },
      ],
    };
    const counts = await placesCounts();
    const audits = await t.auditCount();
    const dry = await upload(json(file), 'application/json', '?dryRun=true');
    expect(dry.status).toBe(201);
    expect((dry.body as ImportReport).counts.services.created).toBe(1);
    expect((dry.body as ImportReport).counts.coverage.created).toBe(2);
    expect(await serviceIdByKey('import-fysio')).toBeUndefined();
    expect(await t.auditCount()).toBe(audits);

    const applied = await applyDryRun(dry.body as PlacesImportView);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect((applied.body as ImportReport).applied).toBe(true);
    // A service, two coverage rows, and the apply itself.
    expect(await t.auditCount()).toBe(audits + 4);
    expect((await placesCounts()).places_coverage).toBe(counts.places_coverage! + 2);

    const id = await serviceIdByKey('import-fysio');
    const service = (await t.knutepunkt.app.inject({ url: `/api/places/services/${id}?date=${date}` })).json() as ServiceDetail;
    expect(service.name).toBe('Fysioterapi for barn');
    expect(service.coverage.map((c) => c.districtNumber)).toEqual([1, 2]);
    expect(service.coverage[0]!.displayName).toBe('Fysioterapi for barn for kommunedel 1 og 2');
    expect(service.coverage[0]!.weeklyTimes).toEqual([{ weekday: 2, from: '09:00', to: '12:00' }]);

    const again = await importFile(json(file), 'application/json');
    expect((again.body as ImportReport).changes).toEqual([]);
    expect(await t.auditCount()).toBe(audits + 4);
  });

  it('adds a district, its hub and a site in the hub’s cluster from one workbook with Norwegian sheet names', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = (name: string, rows: (string | number | Date | null)[][]) => {
      const ws = workbook.addWorksheet(name);
      for (const row of rows) ws.addRow(row);
    };
    sheet('kommunedeler', [
      ['number', 'name', 'validFrom'],
      [11, 'Kommunedel elleve', new Date('2024-01-01T00:00:00Z')],
    ]);
    sheet('knutepunkter', [
      ['key', 'districtNumber', 'name', 'functions', 'validFrom'],
      ['knutepunkt-11', 11, 'Knutepunkt elleve', 'meeting_place | service_desk', '01.01.2024'],
    ]);
    sheet('bygg', [
      ['key', 'name', 'hubKey', 'openingHours', 'latitude', 'longitude', 'validFrom'],
      ['bygg-11', 'Huset', 'knutepunkt-11', '1 08.30-15:00 | 2 08:30-15:00', '59,74', '10.02', '2024-01-01'],
    ]);
    sheet('Notater', [['ignored']]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const answer = await importFile(body, xlsxType, '?validFrom=2024-01-01');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const report = answer.body as ImportReport;
    expect([report.counts.districts.created, report.counts.hubs.created, report.counts.sites.created]).toEqual([1, 1, 1]);
    const districts = (await t.knutepunkt.app.inject({ url: '/api/places/districts?date=2024-06-01' })).json() as {
      districts: { number: number; hub: { id: string; name: string } | null }[];
    };
    const eleven = districts.districts.find((d) => d.number === 11)!;
    expect(eleven.hub?.name).toBe('Knutepunkt elleve');
    const hub = (await t.knutepunkt.app.inject({ url: `/api/places/hubs/${eleven.hub!.id}?date=2024-06-01` })).json() as {
      functions: string[];
      sites: { name: string; latitude: number; openingHours: unknown }[];
    };
    expect(hub.functions).toEqual(['meeting_place', 'service_desk']);
    expect(hub.sites).toMatchObject([
      {
        name: 'Huset',
        latitude: 59.74,
        openingHours: [
          { weekday: 1, opens: '08:30', closes: '15:00' },
          { weekday: 2, opens: '08:30', closes: '15:00' },
        ],
      },
    ]);
    // The same workbook again changes nothing.
    expect(((await importFile(body, xlsxType, '?validFrom=2024-01-01')).body as ImportReport).changes).toEqual([]);
  });

  it('changes an existing service from the import date as a new version', async () => {
    const file = (await exportAs(`date=${date}`)).body as PlacesFile;
    const service = { ...file.services.find((s) => s.key === 'servicetorg')!, contact: 'Ring 32 04 00 00' };
    const answer = await importFile(json({ services: [service] }), 'application/json', '?validFrom=2021-01-01');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect((answer.body as ImportReport).changes).toMatchObject([
      {
        entity: 'services',
        row: 1,
        key: 'servicetorg',
        action: 'change',
        columns: ['contact'],
        fields: [{ column: 'contact', before: null, after: 'Ring 32 04 00 00' }],
      },
    ]);
    const id = await serviceIdByKey('servicetorg');
    const read = async (on: string) =>
      ((await t.knutepunkt.app.inject({ url: `/api/places/services/${id}?date=${on}` })).json() as ServiceDetail).contact;
    expect(await read('2020-06-01')).toBeNull();
    expect(await read('2021-06-01')).toBe('Ring 32 04 00 00');
  });

  it('reads a CSV with a byte order mark and ; between fields, as Excel in Norway saves it', async () => {
    const csv = [
      'key;name;unitKey;proximityClass;targetGroups;description',
      'import-csv-tjeneste;Åpen barnehage;bibliotek-og-moteplass;every_district;barn | foreldre;"Lek; sang og prat"',
    ].join('\r\n');
    const answer = await importFile(Buffer.from(BOM + csv, 'utf8'), 'text/csv; charset=utf-8', `?entity=services&validFrom=${date}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect((answer.body as ImportReport).counts.services.created).toBe(1);
    const service = (
      await t.knutepunkt.app.inject({ url: `/api/places/services/${await serviceIdByKey('import-csv-tjeneste')}?date=${date}` })
    ).json() as ServiceDetail;
    expect(service).toMatchObject({ name: 'Åpen barnehage', targetGroups: ['barn', 'foreldre'], description: 'Lek; sang og prat' });

    // The same with , and no byte order mark.
    const comma = 'key,name,unitKey,proximityClass\r\nimport-csv-komma,Leksehjelp,bibliotek-og-moteplass,central\r\n';
    const second = await importFile(comma, 'text/csv', `?entity=services&validFrom=${date}`);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(await serviceIdByKey('import-csv-komma')).toBeDefined();
  });
});

describe('[PLACES_IMPORT][BAD_FILES]', () => {
  const header = 'key;name;unitKey;proximityClass';

  it('an unknown unit key: a problem at its row and column, nothing changed', async () => {
    await expectProblem(
      `${header}\r\nok-tjeneste;Ok;bibliotek-og-moteplass;central\r\nny-tjeneste;Ny;finnes-ikke;central\r\n`,
      'text/csv',
      'entity=services',
      { entity: 'services', row: 3, column: 'unitKey', message: /Ukjent enhet «finnes-ikke»/ },
    );
  });

  it('an unknown district: a problem at districtNumber', async () => {
    await expectProblem(
      json({ coverage: [{ serviceKey: 'servicetorg', districtNumber: 42, validFrom: '2022-01-01' }] }),
      'application/json',
      '',
      {
        entity: 'coverage',
        row: 1,
        column: 'districtNumber',
        message: /Kommunedel 42 finnes ikke/,
      },
    );
  });

  it('coverage that overlaps the coverage a service has: a problem at validFrom', async () => {
    // servicetorg has coverage in district 1 from 2020-01-01 (open-ended); a second from 2020-06-01 overlaps it.
    await expectProblem(
      json({ coverage: [{ serviceKey: 'servicetorg', districtNumber: 1, validFrom: '2020-06-01', mode: 'always' }] }),
      'application/json',
      '',
      { entity: 'coverage', row: 1, column: 'validFrom', message: /overlappende periode/ },
    );
  });

  it('overlapping validity within the file itself (the second row is refused)', async () => {
    const rows = [
      { serviceKey: 'import-fysio', districtNumber: 3, validFrom: '2022-01-01', validTo: '2023-01-01' },
      { serviceKey: 'import-fysio', districtNumber: 3, validFrom: '2022-06-01' },
    ];
    await expectProblem(json({ coverage: rows }), 'application/json', '', {
      entity: 'coverage',
      row: 2,
      column: 'validFrom',
      message: /overlappende/,
    });
  });

  it('a schedule that ends before it starts (weekly times, and a period)', async () => {
    const csv = 'serviceKey;districtNumber;mode;weeklyTimes;validFrom;validTo\r\n'.concat(
      'import-fysio;4;weekly;1 15:00-09:00;2022-01-01;\r\n',
      'import-fysio;5;always;;2022-01-01;2021-01-01\r\n',
    );
    const problems = await expectProblem(csv, 'text/csv', 'entity=coverage', {
      entity: 'coverage',
      row: 2,
      column: 'weeklyTimes',
      message: /slutter før det begynner/,
    });
    expect(problems).toContainEqual(expect.objectContaining({ row: 3, column: 'validTo' }));
  });

  it('the same key twice in one file', async () => {
    await expectProblem(
      `${header}\r\ndobbel;En;bibliotek-og-moteplass;central\r\ndobbel;To;bibliotek-og-moteplass;central\r\n`,
      'text/csv',
      'entity=services',
      { entity: 'services', row: 3, column: 'key', message: /står to ganger/ },
    );
  });

  it('values that are not allowed, and a missing column, by row and column', async () => {
    const problems = await expectProblem(`key;name;unitKey\r\nx1;X;bibliotek-og-moteplass\r\n`, 'text/csv', 'entity=services', {
      entity: 'services',
      row: 1,
      column: 'proximityClass',
      message: /mangler/,
    });
    expect(problems.length).toBeGreaterThan(0);
    await expectProblem(
      json({ services: [{ key: 'x2', name: 'X', unitKey: 'bibliotek-og-moteplass', proximityClass: 'overalt' }] }),
      'application/json',
      '',
      {
        entity: 'services',
        row: 1,
        column: 'proximityClass',
        message: /Ugyldig verdi/,
      },
    );
    await expectProblem(
      json({ services: [{ key: 'x3', name: 'A\u0000B', unitKey: 'bibliotek-og-moteplass', proximityClass: 'central' }] }),
      'application/json',
      '',
      { entity: 'services', row: 1, column: 'name', message: /NUL/ },
    );
    const unknown = await expectProblem(json({ districts: [{ number: 12, name: 'Tolv', farge: 'blå' }] }), 'application/json', '', {
      entity: 'districts',
      row: 1,
      column: 'farge',
      message: /Ukjent felt «farge»/,
    });
    expect(unknown).toHaveLength(1);
    await expectProblem('number;name;population\r\n11;Ny;mange\r\n', 'text/csv', 'entity=districts', {
      entity: 'districts',
      row: 2,
      column: 'population',
      message: /heltall/,
    });
  });

  it('a malformed CSV, a file that is not JSON or XLSX, an empty file, an unknown type: a clear 4xx', async () => {
    await expectRefusedFile(
      `${header}\r\n"uavsluttet;X;bibliotek-og-moteplass;central\r\n`,
      'text/csv',
      'entity=services',
      400,
      /aldri avsluttet/,
    );
    await expectRefusedFile('{"services": [', 'application/json', '', 400, /ikke gyldig JSON/);
    await expectRefusedFile('ikke en arbeidsbok', xlsxType, '', 400, /ikke en gyldig Excel-arbeidsbok/);
    await expectRefusedFile(`${header}\r\n`, 'text/csv', '', 400, /entity/);
    await expectRefusedFile(Buffer.from([0xff, 0xfe, 0x41]), 'text/csv', 'entity=services', 400, /UTF-8/);
    await expectRefusedFile('x', 'application/pdf', '', 415, /kan ikke importeres/);
  });

  it('a file that is too large, in bytes or in rows: 413', async () => {
    await expectRefusedFile(Buffer.alloc(placesImportMaxBytes + 1, 0x61), 'text/csv', 'entity=services', 413, /for stor/);
    const rows = Array.from({ length: 20_001 }, (_, i) => `k${i};N;u;central`).join('\n');
    await expectRefusedFile(`${header}\n${rows}\n`, 'text/csv', 'entity=services', 413, /20001 rader/);
  });
});

const districtOn = async (number: number, on: string) =>
  ((await exportAs(`date=${on}`)).body as PlacesFile).districts.find((d) => d.number === number)!;

describe('[PLACES_IMPORT][EMPTY_CELLS] a missing column or an empty cell leaves a value as it is', () => {
  it('a 3-column district file changes the short name and keeps population, sources, notes and the coordinator', async () => {
    // A coordinator and a note first: a position that holds from before the import date and on.
    const positionKeys = async (on: string) =>
      new Set(
        (
          (await t.knutepunkt.app.inject({ url: `/api/organisation/export?date=${on}`, headers: editor.headers })).json() as {
            positions: { key: string }[];
          }
        ).positions.map((p) => p.key),
      );
    const [early, late] = await Promise.all([positionKeys('2020-06-01'), positionKeys('2099-01-01')]);
    const coordinator = [...early].find((key) => late.has(key))!;
    const start = await districtOn(4, '2020-06-01');
    const note = 'Nærutvalget møtes i biblioteket';
    const set = await importFile(
      json({ districts: [{ number: 4, name: start.name, note, localCoordinatorPositionKey: coordinator }] }),
      'application/json',
      '?validFrom=2020-06-01',
    );
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const before = await districtOn(4, '2020-07-01');
    expect(before).toMatchObject({ note, localCoordinatorPositionKey: coordinator });
    expect(before.population).not.toBeNull();
    expect(before.populationSource).not.toBeNull();
    expect(before.source).not.toBeNull();

    const csv = `number;name;shortName\r\n4;${before.name};Kd. 4\r\n`;
    const dry = await upload(csv, 'text/csv', '?entity=districts&validFrom=2021-01-01');
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    const view = dry.body as PlacesImportView;
    expect(view.changes).toEqual([
      {
        entity: 'districts',
        row: 2,
        key: '4',
        action: 'change',
        columns: ['shortName'],
        fields: [{ column: 'shortName', before: before.shortName, after: 'Kd. 4' }],
        left: expect.arrayContaining([
          'population',
          'populationYear',
          'populationSource',
          'localCoordinatorPositionKey',
          'source',
          'note',
        ]) as string[],
      },
    ]);
    expect((await applyDryRun(view)).status).toBe(200);
    expect(await districtOn(4, '2021-06-01')).toEqual({ ...before, shortName: 'Kd. 4', validFrom: '2021-01-01' });
  });

  it('an empty cell (or JSON null) leaves a value; «(tøm)» clears it, shown as cleared in the dry run', async () => {
    const before = await districtOn(5, '2021-06-01');
    expect(before.population).not.toBeNull();
    expect(before.populationSource).not.toBeNull();
    const nulls = await upload(
      json({ districts: [{ number: 5, name: before.name, population: null, populationSource: '' }] }),
      'application/json',
      '?validFrom=2021-01-01',
    );
    expect((nulls.body as PlacesImportView).changes).toEqual([]);

    const csv = `number;name;population;populationSource\r\n5;${before.name};;(tøm)\r\n`;
    const dry = await upload(csv, 'text/csv', '?entity=districts&validFrom=2021-01-01');
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    const [change] = (dry.body as PlacesImportView).changes;
    expect(change!.fields).toEqual([{ column: 'populationSource', before: before.populationSource, after: null }]);
    expect(change!.left).toContain('population');
    expect((await applyDryRun(dry.body as PlacesImportView)).status).toBe(200);
    expect(await districtOn(5, '2021-06-01')).toEqual({ ...before, populationSource: null, validFrom: '2021-01-01' });

    // A value that must be there cannot be cleared.
    await expectProblem(`number;name\r\n5;(tøm)\r\n`, 'text/csv', 'entity=districts', {
      entity: 'districts',
      row: 2,
      column: 'name',
      message: /kan ikke tømmes/,
    });
  });
});

describe('[PLACES_IMPORT][CONFIRM] dry run first, then the confirm step', () => {
  const noteFile = (number: number, name: string, note: string) => json({ districts: [{ number, name, note }] });
  const query = '?validFrom=2022-01-01';

  it('an upload never applies; dryRun=false, an unknown dry run, a wrong revision are refused; the apply is once', async () => {
    const district = await districtOn(6, '2022-06-01');
    const counts = await placesCounts();
    const audits = await t.auditCount();
    const plain = await upload(noteFile(6, district.name, 'Ny merknad'), 'application/json', query);
    expect(plain.status, JSON.stringify(plain.body)).toBe(201);
    const view = plain.body as PlacesImportView;
    expect(view).toMatchObject({ status: 'planned', applied: false, canApply: true, baseChanged: false });
    expect(view.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(view.changes[0]!.fields).toEqual([{ column: 'note', before: district.note, after: 'Ny merknad' }]);

    const refused = await upload(noteFile(6, district.name, 'Ny merknad'), 'application/json', `${query}&dryRun=false`);
    expect(refused.status).toBe(400);
    expect((refused.body as { error: { message: string } }).error.message).toMatch(/to steg/);
    expect((await applyDryRun({ id: '7f1c3c52-3e4f-4d0a-9a57-5d1f0c2b9e11', revision: 1 })).status).toBe(404);
    expect((await applyDryRun({ id: view.id, revision: 2 })).status).toBe(409);
    expect((await applyDryRun(view, employee)).status).toBe(403);
    expect(await placesCounts()).toEqual(counts);
    expect(await t.auditCount()).toBe(audits);
    expect((await districtOn(6, '2022-06-01')).note).toBe(district.note);

    const applied = await applyDryRun(view);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ status: 'applied', applied: true, canApply: false });
    expect((await districtOn(6, '2022-06-01')).note).toBe('Ny merknad');
    // The district's new version, and the apply.
    expect(await t.auditCount()).toBe(audits + 2);
    const twice = await applyDryRun(view);
    expect(twice.status).toBe(409);
    expect((twice.body as { error: { message: string } }).error.message).toMatch(/allerede gjennomført/);
    const read = await t.knutepunkt.app.inject({ url: `/api/places/imports/${view.id}`, headers: editor.headers });
    expect(read.json()).toMatchObject({ id: view.id, status: 'applied' });
  });

  it('an editor limited to an area may not apply a dry run, not even one another editor made', async () => {
    const admin = await t.signInAs(['administrator']);
    const limited = await t.signInAs(['organisation_editor']);
    const skole = (await t.database.db
      .selectFrom('org_units' as never)
      .select('id' as never)
      .where('key' as never, '=', 'omrade-skole' as never)
      .executeTakeFirstOrThrow()) as { id: string };
    const set = await t.knutepunkt.app.inject({
      method: 'PUT',
      url: `/api/organisation/editor-areas/${limited.userId}`,
      headers: admin.headers,
      payload: { unitIds: [skole.id] },
    });
    expect(set.statusCode, set.body).toBe(200);
    const district = await districtOn(9, '2022-06-01');
    const view = (await upload(noteFile(9, district.name, 'Fra en annen'), 'application/json', query)).body as PlacesImportView;
    expect(view.canApply).toBe(true);
    const audits = await t.auditCount();
    const refused = await applyDryRun(view, limited);
    expect(refused.status, JSON.stringify(refused.body)).toBe(403);
    expect((refused.body as { error: { message: string } }).error.message).toContain('«Skole»');
    expect(await t.auditCount()).toBe(audits);
    expect((await districtOn(9, '2022-06-01')).note).toBe(district.note);
  });

  it('an apply after places changed since the dry run is refused and changes nothing', async () => {
    const district = await districtOn(7, '2022-06-01');
    const first = (await upload(noteFile(7, district.name, 'Merknad A'), 'application/json', query)).body as PlacesImportView;
    expect(first.canApply).toBe(true);
    // Someone changes the same district in between.
    const other = await importFile(noteFile(7, district.name, 'Endret i mellomtiden'), 'application/json', query);
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    const read = (await t.knutepunkt.app.inject({ url: `/api/places/imports/${first.id}`, headers: editor.headers })).json();
    expect(read).toMatchObject({ baseChanged: true, canApply: false });

    const counts = await placesCounts();
    const audits = await t.auditCount();
    const refused = await applyDryRun(first);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    const error = (refused.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('stale');
    expect(error.message).toMatch(/endret siden prøveimporten/);
    expect(await placesCounts()).toEqual(counts);
    expect(await t.auditCount()).toBe(audits);
    expect((await districtOn(7, '2022-06-01')).note).toBe('Endret i mellomtiden');

    // A new dry run of the same file shows the change from what is there now, and can be applied.
    const again = await upload(noteFile(7, district.name, 'Merknad A'), 'application/json', query);
    expect((again.body as PlacesImportView).changes[0]!.fields).toEqual([
      { column: 'note', before: 'Endret i mellomtiden', after: 'Merknad A' },
    ]);
    expect((await applyDryRun(again.body as PlacesImportView)).status).toBe(200);
    expect((await districtOn(7, '2022-06-01')).note).toBe('Merknad A');
  });
});
