import type { FastifyReply } from 'fastify';
import { AppError, exportContentTypes, uploadedFile, uploadFormat, withRawBody, writeContext, type App } from '../../../kernel/index.js';
import {
  ExportQuery,
  ImportIdParams,
  ImportQuery,
  ImportRevisionBody,
  ImportView,
  importContentTypes,
  importMaxBytes,
  type ImportFormat,
  type LocalisedMessage,
} from '../import-export.schemas.js';
import { slugify } from './commands/shared.js';
import { applyImport, dryRunImport, findImport, replanImport } from './import-export/apply-import.js';
import { exportOrganisation, exportScenario } from './import-export/export-organisation.js';
import { deleteOldDryRuns, insertImport, withImports, type ImportRow } from './import-export/import-export.queries.js';
import { OrganisationFile, type ParsedImport } from './import-export/organisation-format.js';
import { CsvError, readCsvFile } from './import-export/parse-csv.js';
import { JsonFileError, readJsonFile } from './import-export/parse-json.js';
import { readXlsxFile, XlsxFileError } from './import-export/parse-xlsx.js';
import { exportCsv } from './import-export/write-csv.js';
import { exportXlsx } from './import-export/write-xlsx.js';
import { todayInNorway } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';
import { selectChangeCounter, withScenarios } from './scenarios.queries.js';

const tags = ['organisation'];

const entityFileNames = {
  units: 'enheter',
  positions: 'stillinger',
  people: 'personer',
  assignments: 'tilknytninger',
  lines: 'linjer',
} as const;

/** The content types an upload may be sent as, and the format each means. */
const uploadTypes: Record<string, ImportFormat> = {
  [importContentTypes.csv]: 'csv',
  'application/csv': 'csv',
  [importContentTypes.xlsx]: 'xlsx',
  [importContentTypes.json]: 'json',
};

function invalid(msg: LocalisedMessage, details?: unknown): AppError {
  return new AppError('invalid', { message: msg, details });
}

function attachment(reply: FastifyReply, fileName: string, contentType: string): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store');
}

async function present(db: OrganisationDb, row: ImportRow): Promise<ImportView> {
  const counter = await selectChangeCounter(withScenarios(db));
  const baseChanged = row.status === 'planned' && row.baseRevision !== counter;
  return {
    id: row.id,
    revision: row.revision,
    status: row.status,
    fileName: row.fileName,
    format: row.format,
    entity: row.entity,
    validFrom: row.validFrom,
    createdAt: row.createdAt.toISOString(),
    appliedAt: row.appliedAt ? row.appliedAt.toISOString() : null,
    canApply: row.status === 'planned' && !baseChanged && row.plan.problems.length === 0,
    baseChanged,
    plan: row.plan,
    result: row.result,
  };
}

/** The uploaded file read in its format; a file that cannot be read at all is a 400 (or 413) that says why. */
async function readUpload(format: ImportFormat, body: Buffer, fileName: string, entity: ImportQuery['entity']): Promise<ParsedImport> {
  try {
    if (format === 'csv') {
      if (!entity) {
        throw invalid(
          {
            nb: 'Si hva CSV-filen inneholder: enheter, stillinger, personer, tilknytninger eller linjer (entity).',
            en: 'Say what the CSV file holds: units, positions, people, assignments or lines (entity).',
          },
          [{ in: 'querystring', path: 'entity', problem: 'is required for CSV' }],
        );
      }
      return readCsvFile(body, fileName, entity);
    }
    if (format === 'xlsx') return await readXlsxFile(body, fileName, entity);
    return readJsonFile(body, fileName);
  } catch (error) {
    if (error instanceof XlsxFileError)
      throw new AppError(error.tooLarge ? 'payload_too_large' : 'invalid', { message: error.userMessage, cause: error });
    if (error instanceof JsonFileError)
      throw new AppError(error.tooLarge ? 'payload_too_large' : 'invalid_json', { message: error.userMessage, cause: error });
    if (error instanceof CsvError) {
      throw new AppError(error.tooLarge ? 'payload_too_large' : 'invalid', {
        message: error.userMessage,
        details: error.row === null ? null : { row: error.row },
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Import and export of the organisation (docs/formats/organisation.md): an export of any date or
 * scenario as JSON, CSV or XLSX; an upload that is read and dry-run at once; and applying it.
 */
export function registerImportExportRoutes(app: App, db: OrganisationDb): void {
  app.get(
    '/api/organisation/export',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'The organisation on a date (default today), or as a scenario makes it, as JSON, CSV (one entity) or XLSX',
        description: 'JSON answers the format of docs/formats/organisation.md. CSV needs `entity`. A scenario needs organisation:write.',
        querystring: ExportQuery,
        response: { 200: OrganisationFile },
      },
    },
    async (request, reply) => {
      const { scenario, entity } = request.query;
      const format = request.query.format ?? 'json';
      if (scenario && !request.actor?.permissions.has('organisation:write')) throw new AppError('forbidden');
      if (format === 'csv' && !entity) {
        throw invalid(
          {
            nb: 'En CSV-fil har én type innhold: velg enheter, stillinger, personer, tilknytninger eller linjer (entity).',
            en: 'A CSV file holds one kind of record: choose units, positions, people, assignments or lines (entity).',
          },
          [{ in: 'querystring', path: 'entity', problem: 'is required for CSV' }],
        );
      }
      const file = scenario ? await exportScenario(db, scenario) : await exportOrganisation(db, request.query.date ?? todayInNorway());
      const base = file.scenario ? `organisasjon-scenario-${slugify(file.scenario.name)}-${file.asOf}` : `organisasjon-${file.asOf}`;
      if (format === 'csv')
        return attachment(reply, `${base}-${entityFileNames[entity!]}.csv`, exportContentTypes.csv).send(exportCsv(file, entity!));
      if (format === 'xlsx') return attachment(reply, `${base}.xlsx`, importContentTypes.xlsx).send(await exportXlsx(file));
      return attachment(reply, `${base}.json`, 'application/json; charset=utf-8').send(file);
    },
  );

  // The upload takes the file as the request body. Its content-type parsers live in their own
  // plugin scope, so the rest of the API still only reads JSON bodies of the usual size.
  withRawBody(app, importMaxBytes, (scope) => {
    scope.post(
      '/api/organisation/imports',
      {
        config: { access: 'organisation:write' },
        bodyLimit: importMaxBytes,
        schema: {
          tags,
          summary:
            'Upload a file (CSV, XLSX or JSON as the raw body) and dry-run it: what would change, and every problem by row and column',
          description: `Content-Type: text/csv (with entity), ${importContentTypes.xlsx} or application/json. At most ${importMaxBytes / 1024 / 1024} MiB.`,
          querystring: ImportQuery,
          response: { 201: ImportView },
        },
      },
      async (request, reply) => {
        const format = uploadFormat(request.headers['content-type'], uploadTypes);
        const body = uploadedFile(request.body);
        const fileName = request.query.fileName?.trim() || `import.${format}`;
        const parsed = await readUpload(format, body, fileName, request.query.entity);
        const validFrom = request.query.validFrom ?? parsed.asOf ?? todayInNorway();
        const context = writeContext(request);
        const { plan, baseRevision } = await dryRunImport(db, context, parsed, validFrom);
        const imports = withImports(db);
        await deleteOldDryRuns(imports);
        const row = await insertImport(imports, {
          createdBy: context.actor?.userId ?? null,
          content: parsed,
          entity: format === 'csv' ? (request.query.entity ?? null) : null,
          validFrom,
          plan,
          baseRevision,
        });
        return reply.code(201).send(await present(db, row));
      },
    );
  });

  app.get(
    '/api/organisation/imports/:id',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'An import: its dry run (counts, changes, problems), whether it can be applied, and its result',
        params: ImportIdParams,
        response: { 200: ImportView },
      },
    },
    async (request) => present(db, await findImport(db, request.params.id)),
  );

  app.post(
    '/api/organisation/imports/:id/plan',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Run the dry run again on the organisation as it is now (when it changed after the upload)',
        params: ImportIdParams,
        body: ImportRevisionBody,
        response: { 200: ImportView },
      },
    },
    async (request) => present(db, await replanImport(db, writeContext(request), request.params.id, request.body.revision)),
  );

  app.post(
    '/api/organisation/imports/:id/apply',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary:
          'Apply an import all or nothing, in one transaction; refused if it has problems or the organisation changed since the dry run',
        params: ImportIdParams,
        body: ImportRevisionBody,
        response: { 200: ImportView },
      },
    },
    async (request) => present(db, await applyImport(db, writeContext(request), request.params.id, request.body.revision)),
  );
}
