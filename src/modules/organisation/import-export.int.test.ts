import { sql } from 'kysely';
import { Value } from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createSession, type App, type KnutepunktModule } from '../../kernel/index.js';
import { insertUser } from '../accounts/index.js';
import { testConfig, useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import { createTestDatabase } from '../../../test/helpers/test-database.js';
import type { ImportView } from './import-export.schemas.js';
import { registerImportExportRoutes } from './server/import-export.routes.js';
import { OrganisationFile, type ParsedRow } from './server/import-export/organisation-format.js';
import { readCsvFile } from './server/import-export/parse-csv.js';
import { readXlsxFile } from './server/import-export/parse-xlsx.js';
import type { OrganisationDb } from './server/organisation.tables.js';

const t = useTestApp();
const db = () => t.database.db as unknown as OrganisationDb;

let app: App;
let editor: SignedIn;
let employee: SignedIn;

beforeAll(async () => {
  editor = await t.signInAs(['organisation_editor']);
  employee = await t.signInAs(['employee']);
  app = t.knutepunkt.app;
});

interface Answer<T> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: Buffer;
  error: { code: string; message: string; details: unknown };
}

async function send<T>(
  user: SignedIn,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  options: { json?: unknown; body?: Buffer | string; type?: string } = {},
): Promise<Answer<T>> {
  const target = url.startsWith('/api/organisation/imports') || url.startsWith('/api/organisation/export') ? app : t.knutepunkt.app;
  const headers: Record<string, string> = { ...user.headers, 'accept-language': 'nb' };
  if (options.type) headers['content-type'] = options.type;
  const response = await target.inject({
    method,
    url,
    headers,
    ...(options.json !== undefined ? { payload: options.json as object } : {}),
    ...(options.body !== undefined ? { payload: options.body } : {}),
  });
  const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
  const body = isJson && response.body ? response.json() : response.body;
  return {
    status: response.statusCode,
    body: body as T,
    headers: response.headers,
    raw: response.rawPayload,
    error: (body as { error: Answer<T>['error'] })?.error,
  };
}

const exportJson = async (date = '2020-01-01') =>
  (await send<OrganisationFile>(employee, 'GET', `/api/organisation/export?date=${date}`)).body;

async function upload(body: Buffer | string, type: string, query = '', user = editor) {
  return send<ImportView>(user, 'POST', `/api/organisation/imports${query}`, { body, type });
}
const csv = (text: string, entity: string, query = '') =>
  upload(`\uFEFF${text}`, 'text/csv; charset=utf-8', `?entity=${entity}&fileName=test.csv${query}`);
const apply = (view: ImportView, revision = view.revision, user = editor) =>
  send<ImportView>(user, 'POST', `/api/organisation/imports/${view.id}/apply`, { json: { revision } });

const tree = async (date = '2030-01-01') => (await send<unknown>(employee, 'GET', `/api/organisation/tree?date=${date}`)).body;
async function changeCounter(): Promise<number> {
  const { rows } = await sql<{ revision: string }>`select revision from org_change_counter`.execute(db());
  return Number(rows[0]!.revision);
}

async function snapshot() {
  const { rows } = await sql<{ n: string }>`select count(*) as n from org_imports`.execute(db());
  return { audits: await t.auditCount(), tree: await tree(), counter: await changeCounter(), imports: Number(rows[0]!.n) };
}

/**
 * Uploads a file with a problem and proves that the dry run names it by row and column, that
 * applying it is refused, and that neither changed anything (the dry run is only stored).
 */
async function expectProblem(
  uploadFile: () => Promise<Answer<ImportView>>,
  where: { row: number | null; column: string | null; message: RegExp; sheet?: string | null },
) {
  const before = await snapshot();
  const answer = await uploadFile();
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const view = answer.body;
  expect(view.canApply).toBe(false);
  const found = view.plan.problems.find((p) => p.row === where.row && p.column === where.column);
  expect(found, JSON.stringify(view.plan.problems)).toBeDefined();
  expect(found!.message.nb).toMatch(where.message);
  if (where.sheet !== undefined) expect(found!.sheet).toBe(where.sheet);
  const refused = await apply(view);
  expect(refused.status).toBe(409);
  expect(refused.error.message).toMatch(/problem/);
  expect(await snapshot()).toEqual({ ...before, imports: before.imports + 1 });
  return view;
}

/** Refuses an upload outright: nothing is stored and nothing changes. */
async function expectRefused(uploadFile: () => Promise<Answer<ImportView>>, status: number, message: RegExp) {
  const before = await snapshot();
  const answer = await uploadFile();
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.error.message).toMatch(message);
  expect(await snapshot()).toEqual(before);
  return answer;
}

/** What a parsed sheet or CSV file holds, as records (the values the file gave). */
const valuesOf = (rows: ParsedRow[] | undefined) => (rows ?? []).map((r) => r.values);
/** A record as its spreadsheet row reads back: an empty cell leaves a value as it is, so it is not given. */
const givenOf = (records: object[]) =>
  records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))));

describe('[ORGANISATION_READER][EXPORT]', () => {
  it('exports the organisation on a date as the documented JSON format, with a Norwegian file name', async () => {
    const answer = await send<OrganisationFile>(employee, 'GET', '/api/organisation/export?date=2020-01-01');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-disposition']).toBe('attachment; filename="organisasjon-2020-01-01.json"');
    const file = answer.body;
    expect(Value.Check(OrganisationFile, file)).toBe(true);
    expect(file).toMatchObject({ format: 'knutepunkt-organisation', version: 1, asOf: '2020-01-01' });
    expect([file.units.length, file.positions.length, file.people.length, file.assignments.length, file.lines.length]).toEqual([
      168, 194, 1, 1, 219,
    ]);
    expect(file.assignments[0]).toEqual({
      personKey: 'elisabeth-enger',
      positionKey: 'radmann',
      fte: 1,
      validFrom: '2020-01-01',
      validTo: null,
      source: 'reference-facts.md',
    });
    expect(file.units.find((u) => u.key === 'dir-omsorg')).toMatchObject({ name: 'Omsorg', parentKey: 'radmannens-lederteam', level: 1 });
  });

  it('exports nothing before the merger', async () => {
    const file = await exportJson('2019-12-31');
    expect(file.units).toEqual([]);
  });

  it('exports XLSX (a sheet per entity) and CSV (one entity) that read back as the JSON', async () => {
    const json = await exportJson();
    const xlsx = await send<string>(employee, 'GET', '/api/organisation/export?date=2020-01-01&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="organisasjon-2020-01-01.xlsx"');
    const workbook = await readXlsxFile(xlsx.raw, 'export.xlsx');
    expect(workbook.problems).toEqual([]);
    for (const entity of ['units', 'positions', 'people', 'assignments', 'lines'] as const) {
      expect(valuesOf(workbook.sections[entity]), entity).toEqual(givenOf(json[entity]));
      const file = await send<string>(employee, 'GET', `/api/organisation/export?date=2020-01-01&format=csv&entity=${entity}`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(file.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const parsed = readCsvFile(file.raw, 'export.csv', entity);
      expect(parsed.problems).toEqual([]);
      expect(valuesOf(parsed.sections[entity]), entity).toEqual(givenOf(json[entity]));
    }
    const units = await send<string>(employee, 'GET', '/api/organisation/export?date=2020-01-01&format=csv&entity=units');
    expect(units.headers['content-disposition']).toBe('attachment; filename="organisasjon-2020-01-01-enheter.csv"');
  });

  it('needs an entity for CSV', async () => {
    const answer = await send<unknown>(employee, 'GET', '/api/organisation/export?format=csv');
    expect(answer.status).toBe(400);
    expect(answer.error.message).toMatch(/CSV-fil/);
  });

  it('may not export a scenario without organisation:write', async () => {
    const answer = await send<unknown>(employee, 'GET', '/api/organisation/export?scenario=00000000-0000-0000-0000-000000000000');
    expect(answer.status).toBe(403);
  });
});

describe('[ORGANISATION_EDITOR][EXPORT_SCENARIO]', () => {
  it('exports the organisation as a scenario makes it', async () => {
    const created = await send<{ id: string }>(editor, 'POST', '/api/organisation/scenarios', {
      json: {
        name: 'Omsorg får nytt navn',
        effectiveDate: '2024-01-01',
        changes: [{ type: 'rename_unit', unitKey: 'dir-omsorg', name: 'Omsorg og mestring' }],
      },
    });
    expect(created.status).toBe(201);
    const answer = await send<OrganisationFile>(editor, 'GET', `/api/organisation/export?scenario=${created.body.id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-disposition']).toBe('attachment; filename="organisasjon-scenario-omsorg-far-nytt-navn-2024-01-01.json"');
    expect(Value.Check(OrganisationFile, answer.body)).toBe(true);
    expect(answer.body.scenario).toMatchObject({ id: created.body.id, effectiveDate: '2024-01-01' });
    expect(answer.body.units.find((u) => u.key === 'dir-omsorg')).toMatchObject({
      name: 'Omsorg og mestring',
      source: 'reference-facts.md; 002 s. 24',
    });
    expect((await exportJson('2024-01-01')).units.find((u) => u.key === 'dir-omsorg')!.name).toBe('Omsorg');
    const missing = await send<unknown>(editor, 'GET', '/api/organisation/export?scenario=not-an-id');
    expect(missing.status).toBe(404);
  });
});

describe('[ORGANISATION_EDITOR][IMPORT_ROUND_TRIP]', () => {
  it('finds nothing to change when the export of a date is imported again (JSON, XLSX and CSV)', async () => {
    const json = await send<string>(employee, 'GET', '/api/organisation/export?date=2020-01-01');
    const fromJson = await upload(json.raw, 'application/json', '?fileName=organisasjon.json');
    expect(fromJson.status, JSON.stringify(fromJson.body)).toBe(201);
    expect(fromJson.body.plan.problems).toEqual([]);
    expect(fromJson.body.plan.changes).toEqual([]);
    expect(fromJson.body.validFrom).toBe('2020-01-01');
    expect(fromJson.body.plan.counts.units).toEqual({ rows: 168, create: 0, change: 0, unchanged: 168, withProblems: 0, notInFile: 0 });
    expect(fromJson.body.plan.counts.lines).toMatchObject({ rows: 219, unchanged: 219 });
    expect(fromJson.body.canApply).toBe(true);

    const xlsx = await send<string>(employee, 'GET', '/api/organisation/export?date=2020-01-01&format=xlsx');
    const fromXlsx = await upload(xlsx.raw, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '?validFrom=2020-01-01');
    expect(fromXlsx.body.plan.problems).toEqual([]);
    expect(fromXlsx.body.plan.changes).toEqual([]);
    expect(fromXlsx.body.plan.counts.positions.unchanged).toBe(194);

    const lines = await send<string>(employee, 'GET', '/api/organisation/export?date=2020-01-01&format=csv&entity=lines');
    const fromCsv = await upload(lines.raw, 'text/csv', '?entity=lines&validFrom=2020-01-01');
    expect(fromCsv.body.plan.changes).toEqual([]);
    expect(fromCsv.body.plan.counts.lines.unchanged).toBe(219);
  });
});

describe('[ORGANISATION_EDITOR][IMPORT_INTO_EMPTY]', () => {
  it('builds the whole organisation from an export in a database without one, and exports it again the same', async () => {
    const original = await exportJson();
    const fresh = await createTestDatabase();
    const importExport: KnutepunktModule = {
      name: 'organisation-import-export-test',
      status: 'available',
      registerRoutes: (target, { database }) => registerImportExportRoutes(target, database.db as unknown as OrganisationDb),
    };
    const other = (await buildApp({ config: testConfig(), database: fresh, modules: [importExport], logger: false })).app;
    try {
      // Everything that refers to the organisation (other modules' tables too) goes with it.
      await sql`truncate table org_level_exceptions, org_user_people, org_reporting_lines, org_assignments, org_people,
        org_position_versions, org_positions, org_unit_versions, org_units cascade`.execute(fresh.db);
      // The sessions of the other users live in the main test database: this one gets its own.
      const user = await insertUser(fresh.db, {
        username: 'importer',
        display_name: 'Importør',
        password_hash: 'x',
        roles: ['organisation_editor'],
        disabled_at: null,
      });
      const session = await createSession(fresh.db, user.id, 1);
      const headers = { cookie: `kp_session=${session.token}`, 'x-csrf-token': session.csrfToken };

      const started = performance.now();
      const uploaded = await other.inject({
        method: 'POST',
        url: '/api/organisation/imports?fileName=drammen.json',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify(original),
      });
      const dryRun = performance.now() - started;
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const view = uploaded.json() as ImportView;
      expect(view.plan.problems).toEqual([]);
      expect(view.plan.counts.units).toMatchObject({ create: 168, change: 0 });
      expect(view.plan.counts.lines).toMatchObject({ create: 219 });
      const appliedAt = performance.now();
      const applied = await other.inject({
        method: 'POST',
        url: `/api/organisation/imports/${view.id}/apply`,
        headers,
        payload: { revision: view.revision },
      });
      const applying = performance.now() - appliedAt;
      expect(applied.statusCode, applied.body).toBe(200);
      expect((applied.json() as ImportView).result).toEqual({ created: 168 + 194 + 1 + 1 + 219, changed: 0, ended: 0 });
      const again = await other.inject({ method: 'GET', url: '/api/organisation/export?date=2020-01-01', headers });
      expect(again.json()).toEqual(original);
      console.info(
        `import of ${168 + 194 + 1 + 1 + 219} records into an empty organisation: dry run ${Math.round(dryRun)} ms, apply ${Math.round(applying)} ms`,
      );
    } finally {
      await other.close();
      await fresh.close();
    }
  }, 180_000);
});

describe('[ORGANISATION_EDITOR][IMPORT_CSV]', () => {
  it('reads UTF-8 with a byte order mark and semicolons, and applies the dry run', async () => {
    const answer = await csv(
      'key;name;kind;level;parentKey;classification;hrUnitId\r\nvisma-4711;Ærfugl og Øvre Åsen barnehage;department;4;omrade-institusjons-og-hjemmetjenester;service;4711\r\n',
      'units',
      '&validFrom=2025-01-01',
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const view = answer.body;
    expect(view.plan.problems).toEqual([]);
    expect(view.plan.counts.units).toMatchObject({ rows: 1, create: 1, notInFile: 168 });
    expect(view.plan.changes[0]).toMatchObject({ entity: 'units', row: 2, action: 'create', label: 'visma-4711' });
    expect(view.plan.changes[0]!.fields).toContainEqual({ field: 'name', before: null, after: 'Ærfugl og Øvre Åsen barnehage' });
    expect(view.plan.changes[0]!.fields).toContainEqual({ field: 'source', before: null, after: 'Import «test.csv»' });

    const audits = await t.auditCount();
    const applied = await apply(view);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ status: 'applied', result: { created: 1, changed: 0, ended: 0 }, canApply: false });
    // One entry for the unit (the command's), one for the import.
    expect(await t.auditCount()).toBe(audits + 2);
    const unit = (await exportJson('2025-01-01')).units.find((u) => u.key === 'visma-4711');
    expect(unit).toMatchObject({
      name: 'Ærfugl og Øvre Åsen barnehage',
      hrUnitId: '4711',
      parentKey: 'omrade-institusjons-og-hjemmetjenester',
    });
    expect((await exportJson('2024-12-31')).units.some((u) => u.key === 'visma-4711')).toBe(false);

    const again = await apply(applied.body, applied.body.revision);
    expect(again.status).toBe(409);
    expect(again.error.message).toMatch(/allerede gjennomført/);
  });

  it('reads commas, and quoted fields with the separator, quotes and line breaks', async () => {
    const text = [
      'key,title,unitKey,roleType,personnelResponsibility,note',
      'visma-stilling-1,"Rådgiver, ""økonomi""",dir-omsorg,adviser,nei,"Første linje',
      'andre linje, med komma"',
      'visma-stilling-2,Controller,dir-omsorg,adviser,false,',
    ].join('\n');
    const answer = await csv(text, 'positions', '&validFrom=2025-01-01');
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.plan.problems).toEqual([]);
    const [first, second] = answer.body.plan.changes;
    expect(first).toMatchObject({ row: 2, label: 'visma-stilling-1' });
    expect(first!.fields).toContainEqual({ field: 'title', before: null, after: 'Rådgiver, "økonomi"' });
    expect(first!.fields).toContainEqual({ field: 'note', before: null, after: 'Første linje\nandre linje, med komma' });
    expect(first!.fields).toContainEqual({ field: 'personnelResponsibility', before: null, after: 'false' });
    // The quoted line break keeps the record on one spreadsheet row.
    expect(second).toMatchObject({ row: 3, label: 'visma-stilling-2' });
  });

  it('sets a position’s FTE and cost centre from their columns, and a file without them leaves them as they are', async () => {
    const first = await csv('key;fte;costCentre\nkommunalsjef-skole;1;2100\n', 'positions', '&validFrom=2026-02-01');
    expect(first.body.plan.problems).toEqual([]);
    expect(first.body.plan.changes[0]!.fields).toEqual([
      { field: 'fte', before: null, after: '1' },
      { field: 'costCentre', before: null, after: '2100' },
    ]);
    expect((await apply(first.body)).status).toBe(200);
    const exported = (await exportJson('2026-02-01')).positions.find((p) => p.key === 'kommunalsjef-skole')!;
    expect(exported).toMatchObject({ fte: 1, costCentre: '2100' });
    expect((await exportJson('2026-01-31')).positions.find((p) => p.key === 'kommunalsjef-skole')).toMatchObject({
      fte: null,
      costCentre: null,
    });

    // Only the note: FTE and cost centre stay.
    const second = await csv('key;note\nkommunalsjef-skole;Merknad\n', 'positions', '&validFrom=2026-03-01');
    expect(second.body.plan.changes[0]!.fields.map((f) => f.field)).toEqual(['note']);
    expect((await apply(second.body)).status).toBe(200);
    expect((await exportJson('2026-03-01')).positions.find((p) => p.key === 'kommunalsjef-skole')).toMatchObject({
      fte: 1,
      costCentre: '2100',
      note: 'Merknad',
    });
    // An empty cell leaves it; «(tøm)» clears it (one rule with places: kernel/import/empty-cells.ts).
    const third = await csv('key;costCentre\nkommunalsjef-skole;(tøm)\n', 'positions', '&validFrom=2026-04-01');
    expect(third.body.plan.changes[0]!.fields).toEqual([{ field: 'costCentre', before: '2100', after: null }]);
  });

  it('changes a unit from the import date as a new version, and a second apply of the same content changes nothing', async () => {
    const text = 'key;name\nomrade-institusjons-og-hjemmetjenester;Institusjon og hjemmetjenester\n';
    const first = await csv(text, 'units', '&validFrom=2026-01-01');
    expect(first.body.plan.changes).toEqual([
      {
        entity: 'units',
        sheet: null,
        row: 2,
        action: 'change',
        label: 'omrade-institusjons-og-hjemmetjenester',
        fields: [{ field: 'name', before: expect.any(String), after: 'Institusjon og hjemmetjenester' }],
      },
    ]);
    expect((await apply(first.body)).status).toBe(200);
    const renamed = (await exportJson('2026-01-01')).units.find((u) => u.key === 'omrade-institusjons-og-hjemmetjenester')!;
    expect(renamed.name).toBe('Institusjon og hjemmetjenester');
    expect((await exportJson('2025-12-31')).units.find((u) => u.key === 'omrade-institusjons-og-hjemmetjenester')!.name).not.toBe(
      'Institusjon og hjemmetjenester',
    );

    const second = await csv(text, 'units', '&validFrom=2026-01-01');
    expect(second.body.plan.changes).toEqual([]);
    expect(second.body.plan.counts.units).toMatchObject({ unchanged: 1, change: 0, create: 0 });
    const before = { tree: await tree(), counter: await changeCounter(), audits: await t.auditCount() };
    const applied = await apply(second.body);
    expect(applied.status).toBe(200);
    expect(applied.body.result).toEqual({ created: 0, changed: 0, ended: 0 });
    // Only the import's own audit entry; the organisation is as it was.
    expect({ tree: await tree(), counter: await changeCounter(), audits: await t.auditCount() }).toEqual({
      ...before,
      audits: before.audits + 1,
    });
  });

  it('replaces a position’s personnel line when the file gives it a new one, from the line’s first day', async () => {
    const positions = await csv(
      'key;title;unitKey;roleType;personnelResponsibility\nny-leder;Ny leder;dir-omsorg;unit_leader;ja\n',
      'positions',
      '&validFrom=2027-01-01',
    );
    expect((await apply(positions.body)).status).toBe(200);
    const lines = await csv(
      'type;fromPositionKey;toPositionKey;validFrom\npersonnel;ny-leder;direktor-omsorg;2027-01-01\n',
      'lines',
      '&validFrom=2027-01-01',
    );
    expect(lines.body.plan.problems).toEqual([]);
    expect((await apply(lines.body)).status).toBe(200);
    const moved = await csv(
      'type;fromPositionKey;toPositionKey;validFrom\npersonnel;ny-leder;radmann;2027-06-01\n',
      'lines',
      '&validFrom=2027-06-01',
    );
    expect(moved.body.plan.problems).toEqual([]);
    expect(moved.body.plan.changes).toEqual([
      expect.objectContaining({ action: 'create', row: 2, label: 'ny-leder → radmann (personnel)' }),
      expect.objectContaining({
        action: 'end',
        row: 2,
        label: 'ny-leder → direktor-omsorg (personnel)',
        fields: [{ field: 'validTo', before: null, after: '2027-06-01' }],
      }),
    ]);
    expect((await apply(moved.body)).status).toBe(200);
    const reportsTo = (date: string) =>
      exportJson(date).then((f) => f.lines.filter((l) => l.fromPositionKey === 'ny-leder').map((l) => l.toPositionKey));
    expect(await reportsTo('2027-05-31')).toEqual(['direktor-omsorg']);
    expect(await reportsTo('2027-06-01')).toEqual(['radmann']);
  });
});

describe('[ORGANISATION_EDITOR][IMPORT_BAD_INPUT]', () => {
  it('refuses malformed JSON with a clear message, and stores nothing', async () => {
    const answer = await expectRefused(() => upload('{"units": [', 'application/json'), 400, /ikke gyldig JSON/);
    expect(answer.error.code).toBe('invalid_json');
  });

  it('refuses a file that is no XLSX workbook with a clear message', async () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await expectRefused(() => upload(Buffer.from('PK this is not a workbook'), xlsx), 400, /ikke en gyldig Excel-arbeidsbok/);
  });

  it('refuses a CSV file with a quote that is never closed, naming the row', async () => {
    await expectRefused(() => csv('key;name\nx;"ikke lukket\n', 'units'), 400, /Rad 2: anførselstegnet/);
  });

  it('refuses a CSV file that is not UTF-8', async () => {
    await expectRefused(() => upload(Buffer.from([0x6b, 0x65, 0x79, 0x0a, 0xe6, 0x0a]), 'text/csv', '?entity=units'), 400, /UTF-8/);
  });

  it('refuses an upload over 10 MiB with 413, and a file of too many rows', async () => {
    await expectRefused(() => upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x61), 'text/csv', '?entity=units'), 413, /for stor/);
    const rows = `key\n${Array.from({ length: 50_001 }, (_, i) => `k${i}`).join('\n')}\n`;
    await expectRefused(() => csv(rows, 'units'), 413, /50001 rader/);
  });

  it('refuses a content type it cannot read with 415', async () => {
    await expectRefused(() => upload('hei', 'text/plain'), 415, /CSV/);
  });

  it('reports unknown references by row and column', async () => {
    await expectProblem(() => csv('key;title;unitKey;roleType\nny-stilling;Rådgiver;finnes-ikke;adviser\n', 'positions'), {
      row: 2,
      column: 'unitKey',
      message: /Fant ikke «finnes-ikke» \(unitKey\) blant enheter/,
      sheet: null,
    });
  });

  it('reports duplicate external keys on the second row', async () => {
    const view = await expectProblem(() => csv('key;name\ndir-omsorg;Omsorg\ndir-omsorg;Omsorg igjen\n', 'units'), {
      row: 3,
      column: 'key',
      message: /«dir-omsorg» står også i rad 2/,
    });
    expect(view.plan.counts.units.withProblems).toBe(1);
  });

  it('reports a unit placed under itself (a cycle)', async () => {
    await expectProblem(() => csv('key;parentKey\ndir-omsorg;omrade-institusjons-og-hjemmetjenester\n', 'units', '&validFrom=2025-01-01'), {
      row: 2,
      column: 'parentKey',
      message: /sirkel: «dir-omsorg» → «omrade-institusjons-og-hjemmetjenester» → «dir-omsorg»/,
    });
  });

  it('reports a second personnel line from one position', async () => {
    await expectProblem(
      () =>
        csv(
          'type;fromPositionKey;toPositionKey;validFrom\npersonnel;digital-agent-helsetjenester;direktor-omsorg;2025-01-01\npersonnel;digital-agent-helsetjenester;radmann;2025-01-01\n',
          'lines',
          '&validFrom=2025-01-01',
        ),
      { row: 3, column: 'fromPositionKey', message: /andre personalmessig linje/ },
    );
  });

  it('reports overlapping validity', async () => {
    await expectProblem(
      () => csv('personKey;positionKey;validFrom\nelisabeth-enger;radmann;2021-01-01\n', 'assignments', '&validFrom=2021-01-01'),
      {
        row: 2,
        column: 'validFrom',
        message: /overlappende perioder/,
      },
    );
  });

  it('reports an end before the start', async () => {
    await expectProblem(
      () => csv('personKey;positionKey;validFrom;validTo\nelisabeth-enger;direktor-omsorg;2021-01-01;2020-06-01\n', 'assignments'),
      {
        row: 2,
        column: 'validTo',
        message: /Sluttdatoen \(1\.6\.2020\) må være etter startdatoen \(1\.1\.2021\)/,
      },
    );
  });

  it('reports cells it cannot read by sheet, row and column in a workbook', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Veiledning').addRow(['Les meg']);
    const sheet = workbook.addWorksheet('enheter');
    sheet.addRow(['key', 'name', 'kind', 'level', 'classification']);
    sheet.addRow(['ny-enhet', 'Ny enhet', 'unit', 9, 'service']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const view = await expectProblem(() => upload(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), {
      row: 2,
      column: 'level',
      message: /fra 1 til 5, ikke 9/,
      sheet: 'enheter',
    });
    expect(view.plan.ignoredSheets).toEqual(['Veiledning']);
  });
});

describe('[ORGANISATION_EDITOR][IMPORT_STALE]', () => {
  it('refuses to apply after the organisation changed (409 stale), and applies after the dry run is run again', async () => {
    const answer = await csv('key;note\ndir-utdanning;Importert merknad\n', 'units', '&validFrom=2028-01-01');
    expect(answer.body.canApply).toBe(true);
    const wrongRevision = await apply(answer.body, answer.body.revision + 1);
    expect(wrongRevision.status).toBe(409);
    expect(wrongRevision.error.code).toBe('stale');

    const unit = await db().selectFrom('org_units').select(['id', 'revision']).where('key', '=', 'dir-omsorg').executeTakeFirstOrThrow();
    const edit = await send<unknown>(editor, 'PATCH', `/api/organisation/units/${unit.id}`, {
      json: { revision: unit.revision, validFrom: '2028-01-01', note: 'Endret av en annen' },
    });
    expect(edit.status).toBe(200);
    expect((await send<ImportView>(editor, 'GET', `/api/organisation/imports/${answer.body.id}`)).body).toMatchObject({
      baseChanged: true,
      canApply: false,
    });

    const before = { audits: await t.auditCount(), tree: await tree() };
    const stale = await apply(answer.body);
    expect(stale.status).toBe(409);
    expect(stale.error.code).toBe('stale');
    expect(stale.error.message).toMatch(/Kjør prøveimporten på nytt/);
    expect({ audits: await t.auditCount(), tree: await tree() }).toEqual(before);

    const replanned = await send<ImportView>(editor, 'POST', `/api/organisation/imports/${answer.body.id}/plan`, {
      json: { revision: answer.body.revision },
    });
    expect(replanned.status).toBe(200);
    expect(replanned.body).toMatchObject({ canApply: true, baseChanged: false, revision: answer.body.revision + 1 });
    expect((await apply(replanned.body)).status).toBe(200);
  });
});

describe('[EMPLOYEE][IMPORT]', () => {
  it('may not upload, read or apply an import (403)', async () => {
    const answer = await csv('key;name\ndir-omsorg;Omsorg\n', 'units');
    expect(answer.status).toBe(201);
    expect((await upload('key;name\n', 'text/csv', '?entity=units', employee)).status).toBe(403);
    expect((await send<unknown>(employee, 'GET', `/api/organisation/imports/${answer.body.id}`)).status).toBe(403);
    expect((await apply(answer.body, answer.body.revision, employee)).status).toBe(403);
    expect((await send<unknown>(editor, 'GET', '/api/organisation/imports/finnes-ikke')).status).toBe(404);
  });
});
