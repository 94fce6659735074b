import type { FastifyReply } from 'fastify';
import { AppError, exportContentTypes, uploadedFile, uploadFormat, withRawBody, writeContext, type App } from '../../../kernel/index.js';
import {
  PlacesExportQuery,
  PlacesFile,
  PlacesImportApplyBody,
  PlacesImportIdParams,
  PlacesImportQuery,
  PlacesImportView,
  placesContentTypes,
  placesImportMaxBytes,
  type PlacesFileFormat,
} from '../import-export.schemas.js';
import { assertMayEditPlace, municipalityWide } from './commands/shared.js';
import { todayInNorway } from './dated.js';
import { selectPlacesFile } from './import-export/import-export.queries.js';
import { applyPlacesImport, dryRunAndStore, fileHashOf, findPlacesImport, presentImport } from './import-export/import-store.js';
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
 * JSON, CSV (one entity) or XLSX (a sheet per entity). Import in two steps, as the organisation's:
 * `POST /api/places/imports` runs the dry run (what would change, old → new, and every problem by
 * entity, row and column), changing nothing, and stores it; `POST /api/places/imports/:id/apply`
 * carries out that dry run all or nothing, refused when places changed since.
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
          summary: 'Upload a file (CSV, XLSX or JSON as the raw body) and run the dry run: what would change, old → new, and every problem',
          description: `Content-Type: text/csv (with entity), ${placesContentTypes.xlsx} or application/json. At most ${placesImportMaxBytes / 1024 / 1024} MiB. Changes no place: the dry run is stored, and applied with POST /api/places/imports/{id}/apply.`,
          querystring: PlacesImportQuery,
          response: { 201: PlacesImportView },
        },
      },
      async (request, reply) => {
        if (request.query.dryRun === false) {
          throw new AppError('invalid', {
            message: {
              nb: 'En import av steder gjøres alltid i to steg: last opp filen for prøveimporten, se over endringene, og gjennomfør den med POST /api/places/imports/{id}/apply. Ingenting er endret.',
              en: 'An import of places always takes two steps: upload the file for the dry run, review the changes, and carry it out with POST /api/places/imports/{id}/apply. Nothing was changed.',
            },
            details: [{ in: 'querystring', path: 'dryRun', problem: 'must be true or left out' }],
          });
        }
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
        const row = await dryRunAndStore(db, writeContext(request), parsed, validFrom, {
          hash: fileHashOf(body),
          entity: format === 'csv' ? (request.query.entity ?? null) : null,
        });
        return reply.code(201).send(await presentImport(db, row));
      },
    );
  });

  app.get(
    '/api/places/imports/:id',
    {
      config: { access: 'places:write' },
      schema: {
        tags,
        summary: 'A stored dry run (counts, changes old → new, problems), whether it can be applied, and once applied what was done',
        params: PlacesImportIdParams,
        response: { 200: PlacesImportView },
      },
    },
    async (request) => presentImport(db, await findPlacesImport(db, request.params.id)),
  );

  app.post(
    '/api/places/imports/:id/apply',
    {
      config: { access: 'places:write' },
      schema: {
        tags,
        summary:
          'Carry out a dry run all or nothing, in one transaction; refused if it has problems, or places changed since the dry run (409)',
        params: PlacesImportIdParams,
        body: PlacesImportApplyBody,
        response: { 200: PlacesImportView },
      },
    },
    async (request) => {
      const context = writeContext(request);
      // As the upload: only an editor of the whole municipality imports, whichever dry run is named.
      await assertMayEditPlace(db, context, municipalityWide({ nb: 'en import av steder', en: 'an import of places' }), todayInNorway());
      const row = await applyPlacesImport(db, context, request.params.id, request.body.revision);
      return presentImport(db, row);
    },
  );
}
