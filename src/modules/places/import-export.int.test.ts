import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import { placesImportMaxBytes, type ImportProblem, type ImportReport, type PlacesFile } from './import-export.schemas.js';
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
  expect(dry.status, JSON.stringify(dry.body)).toBe(200);
  const report = dry.body as ImportReport;
  expect(report.applied).toBe(false);
  const { message, ...where } = wanted;
  const found = report.problems.find(
    (p) =>
      Object.entries(where).every(([k, v]) => (p as unknown as Record<string, unknown>)[k] === v) &&
      (!message || message.test(p.message.nb)),
  );
  expect(found, JSON.stringify(report.problems)).toBeDefined();
  expect(found!.message.en.length).toBeGreaterThan(0);

  const apply = await upload(body, type, query ? `?${query}` : '');
  expect(apply.status, JSON.stringify(apply.body)).toBe(400);
  const error = (apply.body as { error: { code: string; message: string; details: ImportReport } }).error;
  expect(error.code).toBe('invalid');
  expect(error.message).toMatch(/Ingenting er endret/);
  expect(error.details.problems).toEqual(report.problems);
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
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    const report = dry.body as ImportReport;
    expect(report.problems).toEqual([]);
    expect(report.changes).toEqual([]);
    expect(report.validFrom).toBe(date);
    expect(report.counts.services.unchanged).toBe(report.counts.services.rows);
    expect(report.counts.coverage.rows).toBeGreaterThan(0);

    const applied = await upload(file, 'application/json');
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect((applied.body as ImportReport).applied).toBe(true);
    expect((applied.body as ImportReport).changes).toEqual([]);

    for (const entity of ['districts', 'hubs', 'sites', 'services', 'coverage']) {
      const csv = (await exportAs(`date=${date}&format=csv&entity=${entity}`)).raw;
      const answer = await upload(csv, 'text/csv', `?entity=${entity}&validFrom=${date}`);
      expect(answer.status, `${entity}: ${JSON.stringify(answer.body)}`).toBe(200);
      expect((answer.body as ImportReport).changes, entity).toEqual([]);
    }
    const xlsx = (await exportAs(`date=${date}&format=xlsx`)).raw;
    const fromXlsx = await upload(xlsx, xlsxType, `?validFrom=${date}`);
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
    expect(dry.status).toBe(200);
    expect((dry.body as ImportReport).counts.services.created).toBe(1);
    expect((dry.body as ImportReport).counts.coverage.created).toBe(2);
    expect(await serviceIdByKey('import-fysio')).toBeUndefined();
    expect(await t.auditCount()).toBe(audits);

    const applied = await upload(json(file), 'application/json');
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect((applied.body as ImportReport).applied).toBe(true);
    expect(await t.auditCount()).toBe(audits + 3);
    expect((await placesCounts()).places_coverage).toBe(counts.places_coverage! + 2);

    const id = await serviceIdByKey('import-fysio');
    const service = (await t.knutepunkt.app.inject({ url: `/api/places/services/${id}?date=${date}` })).json() as ServiceDetail;
    expect(service.name).toBe('Fysioterapi for barn');
    expect(service.coverage.map((c) => c.districtNumber)).toEqual([1, 2]);
    expect(service.coverage[0]!.displayName).toBe('Fysioterapi for barn for kommunedel 1 og 2');
    expect(service.coverage[0]!.weeklyTimes).toEqual([{ weekday: 2, from: '09:00', to: '12:00' }]);

    const again = await upload(json(file), 'application/json');
    expect((again.body as ImportReport).changes).toEqual([]);
    expect(await t.auditCount()).toBe(audits + 3);
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
    const answer = await upload(body, xlsxType, '?validFrom=2024-01-01');
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
    expect(((await upload(body, xlsxType, '?validFrom=2024-01-01')).body as ImportReport).changes).toEqual([]);
  });

  it('changes an existing service from the import date as a new version', async () => {
    const file = (await exportAs(`date=${date}`)).body as PlacesFile;
    const service = { ...file.services.find((s) => s.key === 'servicetorg')!, contact: 'Ring 32 04 00 00' };
    const answer = await upload(json({ services: [service] }), 'application/json', '?validFrom=2021-01-01');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect((answer.body as ImportReport).changes).toEqual([
      { entity: 'services', row: 1, key: 'servicetorg', action: 'change', columns: ['contact'] },
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
    const answer = await upload(Buffer.from(BOM + csv, 'utf8'), 'text/csv; charset=utf-8', `?entity=services&validFrom=${date}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect((answer.body as ImportReport).counts.services.created).toBe(1);
    const service = (
      await t.knutepunkt.app.inject({ url: `/api/places/services/${await serviceIdByKey('import-csv-tjeneste')}?date=${date}` })
    ).json() as ServiceDetail;
    expect(service).toMatchObject({ name: 'Åpen barnehage', targetGroups: ['barn', 'foreldre'], description: 'Lek; sang og prat' });

    // The same with , and no byte order mark.
    const comma = 'key,name,unitKey,proximityClass\r\nimport-csv-komma,Leksehjelp,bibliotek-og-moteplass,central\r\n';
    const second = await upload(comma, 'text/csv', `?entity=services&validFrom=${date}`);
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
