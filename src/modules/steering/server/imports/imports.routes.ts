import type { Readable } from 'node:stream';
import {
  AppError,
  compareNorwegian,
  sendTableExport,
  sortByNorwegian,
  uploadedFile,
  withRawBody,
  writeContext,
  type App,
  type ExportColumn,
  type ModuleContext,
} from '../../../../kernel/index.js';
import {
  ComparisonQuery,
  ComparisonView,
  CsvImportQuery,
  ImportIdParams,
  ImportIndicatorList,
  ImportList,
  ImportView,
  JsonStatImportQuery,
  RegionList,
  csvMaxBytes,
  jsonStatMaxBytes,
} from '../../imports.schemas.js';
import { comparePeriods } from '../indicators/periods.js';
import { importCsv } from './import-csv.js';
import { importJsonStat, tooLarge, unknownIndicator } from './import-jsonstat.js';
import { isOwnCode } from './jsonstat-rows.js';
import {
  findIndicator,
  listImports,
  listIndicatorsForImport,
  listRegions,
  readImport,
  selectComparisonValues,
  type ImportsDb,
} from './imports.queries.js';

const tags = ['steering'];
/** The own municipality's name in comparisons (reference facts: Drammen kommune). */
const ownLabel = 'Drammen';

const splitCodes = (text: string | undefined): string[] =>
  [
    ...new Set(
      (text ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].filter((code) => {
    if (!/^[A-Za-z0-9_.-]{1,40}$/.test(code)) {
      throw new AppError('invalid', {
        message: { nb: `«${code}» er ikke en regionkode.`, en: `“${code}” is not a region code.` },
        details: [{ in: 'querystring', path: 'regions', problem: 'not a region code' }],
      });
    }
    return true;
  });

const notFound = () => new AppError('not_found', { message: { nb: 'Fant ikke importen.', en: 'The import was not found.' } });

/** Imports of indicator values (JSON-stat 2, CSV) and the comparison view — routes under /api/steering. */
export function registerImportRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as ImportsDb;

  // The JSON-stat upload reads the raw request body as a stream: its parser hands the stream on
  // untouched, in its own plugin scope so the rest of the API keeps its usual JSON parsing.
  void app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.post(
      '/api/steering/imports/jsonstat',
      {
        config: { access: 'steering:write' },
        bodyLimit: jsonStatMaxBytes,
        schema: {
          tags,
          summary: 'Import an indicator’s values from a JSON-stat 2 file (SSB’s statistics API), read as a stream, all or nothing',
          description: `The file is the raw body (application/json), at most ${jsonStatMaxBytes / 1024 / 1024} MiB. Region → region (Drammen's own number → the municipality's own value), Tid → period, ContentsCode → the indicator's (or \`contents\`). Pass a new \`id\` to follow the progress with GET /api/steering/imports/:id while the upload runs.`,
          querystring: JsonStatImportQuery,
          response: { 201: ImportView },
        },
      },
      async (request, reply) => {
        const length = Number(request.headers['content-length'] ?? 0);
        const body = (
          request.body && typeof (request.body as Readable).pipe === 'function' ? request.body : request.raw
        ) as AsyncIterable<Buffer>;
        try {
          const id = await importJsonStat(db, writeContext(request), {
            indicatorKey: request.query.indicator,
            contentsCode: request.query.contents,
            regions: request.query.regions !== undefined ? splitCodes(request.query.regions) : undefined,
            fileName: request.query.fileName?.trim() || 'jsonstat.json',
            bytesTotal: Number.isFinite(length) ? length : 0,
            body,
            id: request.query.id,
          });
          return reply.code(201).send((await readImport(db, id))!);
        } catch (error) {
          // The rest of a refused upload is not read: close the connection after the answer.
          if (!request.raw.readableEnded) reply.header('connection', 'close');
          throw error;
        }
      },
    );
  });

  withRawBody(app, csvMaxBytes, (scope) => {
    scope.post(
      '/api/steering/imports/csv',
      {
        config: { access: 'steering:write' },
        bodyLimit: csvMaxBytes,
        schema: {
          tags,
          summary: 'Import an indicator’s values from CSV (period;value and optionally unit, district or region), all or nothing',
          description: `The file is the raw body (text/csv, UTF-8, \`;\` or \`,\`), at most ${csvMaxBytes / 1024 / 1024} MiB. A refusal lists every problem by row and column in error.details.problems.`,
          querystring: CsvImportQuery,
          response: { 201: ImportView },
        },
      },
      async (request, reply) => {
        const body = uploadedFile(request.body);
        const id = await importCsv(db, writeContext(request), {
          indicatorKey: request.query.indicator,
          fileName: request.query.fileName?.trim() || 'verdier.csv',
          bytes: body,
          id: request.query.id,
        });
        return reply.code(201).send((await readImport(db, id))!);
      },
    );
  });

  app.get(
    '/api/steering/imports',
    {
      config: { access: 'steering:write' },
      schema: { tags, summary: 'The most recent imports of indicator values', response: { 200: ImportList } },
    },
    async () => ({ items: await listImports(db) }),
  );

  app.get(
    '/api/steering/imports/indicators',
    {
      config: { access: 'steering:read' },
      schema: {
        tags,
        summary: 'Indicators values can be imported into or compared for, with their SSB table and content code',
        response: { 200: ImportIndicatorList },
      },
    },
    async () => {
      const rows = await listIndicatorsForImport(db);
      return {
        items: sortByNorwegian(rows, (r) => r.name).map((r) => ({
          key: r.key,
          name: r.name,
          frequency: r.frequency,
          unitOfMeasure: r.unit_of_measure,
          ssbTable: r.ssb_table,
          ssbContentsCode: r.ssb_contents_code,
        })),
      };
    },
  );

  app.get(
    '/api/steering/imports/:id',
    {
      config: { access: 'steering:write' },
      schema: {
        tags,
        summary: 'An import’s progress (bytes read), status, rows written, summary or problems',
        params: ImportIdParams,
        response: { 200: ImportView },
      },
    },
    async (request) => (await readImport(db, request.params.id)) ?? Promise.reject(notFound()),
  );

  app.get(
    '/api/steering/regions',
    {
      config: { access: 'steering:read' },
      schema: {
        tags,
        summary: 'Regions known from imported files (municipalities, KOSTRA groups), with SSB’s labels',
        response: { 200: RegionList },
      },
    },
    async () => {
      const regions = await listRegions(db);
      const items = regions.map((r) => ({ code: r.code, label: r.label, own: isOwnCode(r.code) }));
      items.sort((a, b) => Number(b.own) - Number(a.own) || compareNorwegian(a.label, b.label) || a.code.localeCompare(b.code));
      return { items };
    },
  );

  app.get(
    '/api/steering/comparison',
    {
      config: { access: 'steering:read' },
      schema: {
        tags,
        summary:
          'An indicator over periods for the municipality and chosen regions (municipalities, KOSTRA groups); format=csv|xlsx exports the table',
        querystring: ComparisonQuery,
        response: { 200: ComparisonView },
      },
    },
    async (request, reply) => {
      const { indicator: key, from, to, format } = request.query;
      if (from !== undefined && to !== undefined && from > to) {
        throw new AppError('invalid', {
          message: { nb: 'Fra-året kan ikke være etter til-året.', en: 'The first year cannot be after the last year.' },
          details: [{ in: 'querystring', path: 'from', problem: 'after to' }],
        });
      }
      const indicator = await findIndicator(db, key);
      if (!indicator) throw unknownIndicator(key);
      const regions = splitCodes(request.query.regions);
      const values = await selectComparisonValues(db, indicator.id, regions, from ?? null, to ?? null);
      const labels = new Map((await listRegions(db)).map((r) => [r.code, r.label]));
      const periods = [...new Set(values.map((v) => v.period))].sort(comparePeriods);
      const series = [
        {
          region: null,
          label: ownLabel,
          own: true,
          values: values.filter((v) => v.region === null).map((v) => ({ period: v.period, value: Number(v.value) })),
        },
        ...regions.map((code) => ({
          region: code,
          label: labels.get(code) ?? code,
          own: false,
          values: values.filter((v) => v.region === code).map((v) => ({ period: v.period, value: Number(v.value) })),
        })),
      ];
      if (format) {
        type Row = { period: string };
        const byKey = new Map(series.map((s) => [s.region ?? '', new Map(s.values.map((v) => [v.period, v.value]))]));
        const columns: ExportColumn<Row>[] = [
          { header: 'Periode', value: (row) => row.period },
          ...series.map((s) => ({
            header: s.region ? `${s.label} (${s.region})` : s.label,
            value: (row: Row) => byKey.get(s.region ?? '')?.get(row.period) ?? null,
          })),
        ];
        return sendTableExport(
          reply,
          format,
          `sammenligning-${indicator.key}`,
          columns,
          periods.map((period) => ({ period })),
        );
      }
      return {
        indicator: {
          key: indicator.key,
          name: indicator.name,
          unitOfMeasure: indicator.unit_of_measure,
          direction: indicator.direction,
          frequency: indicator.frequency,
        },
        periods,
        series,
      };
    },
  );
}

export { tooLarge };
