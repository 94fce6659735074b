import type { FastifyReply } from 'fastify';
import { AppError, exportContentTypes, uploadedFile, uploadFormat, withRawBody, writeContext, type App } from '../../../kernel/index.js';
import {
  ImportReport,
  PlacesExportQuery,
  PlacesFile,
  PlacesImportQuery,
  placesContentTypes,
  placesImportMaxBytes,
  type PlacesFileFormat,
} from '../import-export.schemas.js';
import { todayInNorway } from './dated.js';
import { runImport } from './import-export/apply-import.js';
import { selectPlacesFile } from './import-export/import-export.queries.js';
import { ImportFileError } from './import-export/places-format.js';
import { readImportFile } from './import-export/read-file.js';
import { exportCsv, exportXlsx } from './import-export/write-file.js';
import type { PlacesDb } from './places.tables.js';

const tags = ['places'];

/** The content types an upload may be sent as, and the format each means. */
const uploadTypes: Record<string, PlacesFileFormat> = {
  [placesContentTypes.csv]: 'csv',
  'application/csv': 'csv',
  [placesContentTypes.xlsx]: 'xlsx',
  [placesContentTypes.json]: 'json',
};

function attachment(reply: FastifyReply, fileName: string, contentType: string): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store');
}

/**
 * Import and export of places (docs/formats/places.md). Export: everything that holds on a date as
 * JSON, CSV (one entity) or XLSX (a sheet per entity). Import in two steps with the same request:
 * `POST /api/places/imports?dryRun=true` checks the file and reports what would change and every
 * problem by entity, row and column, changing nothing; without dryRun it is applied all or nothing,
 * or refused (400, the same report in details) when it has any problem.
 */
export function registerPlacesImportExportRoutes(app: App, db: PlacesDb): void {
  app.get(
    '/api/places/export',
    {
      config: { access: 'places:read' },
      schema: {
        tags,
        summary: 'Districts, hubs, sites, services and coverage on a date (default today) as JSON, CSV (one entity) or XLSX',
        description:
          'JSON answers the format of docs/formats/places.md. CSV needs `entity` (districts, hubs, sites, services or coverage).',
        querystring: PlacesExportQuery,
        response: { 200: PlacesFile },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'json';
      const { entity } = request.query;
      if (format === 'csv' && !entity) {
        throw new AppError('invalid', {
          message: {
            nb: 'En CSV-fil har én type innhold: velg entity = districts, hubs, sites, services eller coverage.',
            en: 'A CSV file holds one kind of record: choose entity = districts, hubs, sites, services or coverage.',
          },
          details: [{ in: 'querystring', path: 'entity', problem: 'is required for CSV' }],
        });
      }
      const file = await selectPlacesFile(db, request.query.date ?? todayInNorway());
      const base = `steder-${file.asOf}`;
      if (format === 'csv') return attachment(reply, `${base}-${entity!}.csv`, exportContentTypes.csv).send(exportCsv(file, entity!));
      if (format === 'xlsx') return attachment(reply, `${base}.xlsx`, placesContentTypes.xlsx).send(await exportXlsx(file));
      return attachment(reply, `${base}.json`, 'application/json; charset=utf-8').send(file);
    },
  );

  // The upload takes the file as the raw request body; its parsers live in their own plugin scope,
  // so the rest of the API still reads only JSON bodies of the usual size.
  withRawBody(app, placesImportMaxBytes, (scope) => {
    scope.post(
      '/api/places/imports',
      {
        config: { access: 'places:write' },
        bodyLimit: placesImportMaxBytes,
        schema: {
          tags,
          summary: 'Import a file (CSV, XLSX or JSON as the raw body): with dryRun=true only check it; without, apply it all or nothing',
          description: `Content-Type: text/csv (with entity), ${placesContentTypes.xlsx} or application/json. At most ${placesImportMaxBytes / 1024 / 1024} MiB. An import with any problem is refused whole (400, the report in error.details).`,
          querystring: PlacesImportQuery,
          response: { 200: ImportReport },
        },
      },
      async (request) => {
        const format = uploadFormat(request.headers['content-type'], uploadTypes);
        const body = uploadedFile(request.body);
        const fileName = request.query.fileName?.trim() || `import.${format}`;
        let parsed;
        try {
          parsed = await readImportFile(format, body, fileName, request.query.entity);
        } catch (error) {
          if (!(error instanceof ImportFileError)) throw error;
          throw new AppError(error.tooLarge ? 'payload_too_large' : format === 'json' ? 'invalid_json' : 'invalid', {
            message: error.userMessage,
            details: error.row === null ? null : { row: error.row },
            cause: error,
          });
        }
        const validFrom = request.query.validFrom ?? parsed.asOf ?? todayInNorway();
        const dryRun = request.query.dryRun ?? false;
        const report = await runImport(db, writeContext(request), parsed, validFrom, dryRun);
        if (!dryRun && !report.applied) {
          const n = report.problems.length;
          throw new AppError('invalid', {
            message: {
              nb: `Importen ble ikke gjort: filen har ${n} ${n === 1 ? 'problem' : 'problemer'}. Ingenting er endret. Rett dem og prøv igjen.`,
              en: `The import was not applied: the file has ${n} ${n === 1 ? 'problem' : 'problems'}. Nothing was changed. Fix them and try again.`,
            },
            details: report,
          });
        }
        return report;
      },
    );
  });
}
