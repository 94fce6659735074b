import { CsvError, decodeUtf8, parseCsv, readXlsxUpload, restoreFormulaText, XlsxUploadError } from '../../../../kernel/index.js';
import {
  placesEntities,
  placesFormatName,
  placesFormatVersion,
  placesImportMaxRows,
  type PlacesEntity,
  type PlacesFileFormat,
} from '../../import-export.schemas.js';
import {
  assertRowLimit,
  checkDuplicates,
  entityOfSheet,
  ImportFileError,
  isRealDate,
  message,
  problem,
  readJsonRecords,
  readTable,
  type ParsedImport,
} from './places-format.js';

// Reading an uploaded file: CSV (UTF-8 with or without a byte order mark, `;` or `,`), an XLSX
// workbook (a sheet per entity) or the JSON document. The CSV reader and the workbook reader (in a
// worker thread, with its unpacked-size cap) are the kernel's (kernel/import/), shared with the
// organisation's import. A CSV cell the export neutralised against formulas (`'=…`) reads back as it was.

/** The kernel's readers (kernel/import/csv.ts), their refusals in this module's error type. */
function asImportError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CsvError) throw new ImportFileError(error.userMessage, false, error.row);
    throw error;
  }
}
const csvRecords = (bytes: Uint8Array) => asImportError(() => parseCsv(decodeUtf8(bytes)));
const utf8 = (bytes: Uint8Array) => asImportError(() => decodeUtf8(bytes));

function readCsvFile(bytes: Uint8Array, fileName: string, entity: PlacesEntity): ParsedImport {
  const records = csvRecords(bytes);
  assertRowLimit(Math.max(0, records.length - 1), placesImportMaxRows);
  const [header, ...rows] = records;
  if (!header || header.fields.every((f) => f.trim() === '')) {
    throw new ImportFileError(message('Filen er tom: den har ingen overskriftsrad.', 'The file is empty: it has no header row.'));
  }
  const problems: ParsedImport['problems'] = [];
  const parsed = readTable(
    {
      entity,
      header: header.fields,
      headerRow: header.row,
      rows: rows.map((r) => ({ row: r.row, cells: r.fields.map(restoreFormulaText) })),
    },
    problems,
  );
  return { format: 'csv', fileName, asOf: null, sections: { [entity]: parsed }, problems };
}

async function readXlsxFile(bytes: Uint8Array, fileName: string, entity: PlacesEntity | undefined): Promise<ParsedImport> {
  let sheets;
  try {
    sheets = await readXlsxUpload(bytes);
  } catch (error) {
    if (error instanceof XlsxUploadError) throw new ImportFileError(error.userMessage, error.tooLarge);
    throw error;
  }
  const wanted = sheets.map((sheet, index) => ({
    sheet,
    entity: entity ? (index === 0 ? entity : null) : entityOfSheet(sheet.name),
  }));
  assertRowLimit(
    wanted.reduce((sum, w) => sum + (w.entity ? Math.max(0, w.sheet.rows.length - 1) : 0), 0),
    placesImportMaxRows,
  );
  const problems: ParsedImport['problems'] = [];
  const sections: ParsedImport['sections'] = {};
  for (const { sheet, entity: sheetEntity } of wanted) {
    if (!sheetEntity) continue;
    if (sections[sheetEntity]) {
      problems.push(
        problem(
          sheetEntity,
          null,
          null,
          message(`Arbeidsboken har to ark for ${sheetEntity}.`, `The workbook has two sheets for ${sheetEntity}.`),
        ),
      );
      continue;
    }
    const [header, ...data] = sheet.rows;
    (sections as Record<string, unknown>)[sheetEntity] = header
      ? readTable({ entity: sheetEntity, header: header.cells, headerRow: header.row, rows: data }, problems)
      : [];
  }
  if (Object.keys(sections).length === 0) {
    const names = sheets.map((s) => s.name).join(', ') || '–';
    throw new ImportFileError(
      message(
        `Arbeidsboken har ingen ark som heter districts, hubs, sites, services eller coverage (eller kommunedeler, knutepunkter, bygg, tjenester, dekning). Arkene heter: ${names}.`,
        `The workbook has no sheet named districts, hubs, sites, services or coverage. Its sheets are: ${names}.`,
      ),
    );
  }
  return { format: 'xlsx', fileName, asOf: null, sections, problems };
}

const ignoredJsonParts = new Set(['format', 'version', 'asOf', 'notes']);

function readJsonFile(bytes: Uint8Array, fileName: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(utf8(bytes));
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const detail = error instanceof SyntaxError ? error.message : '';
    throw new ImportFileError(message(`Filen er ikke gyldig JSON (${detail}).`, `The file is not valid JSON (${detail}).`));
  }
  const shape = message(
    'JSON-filen skal være ett objekt med listene districts, hubs, sites, services og/eller coverage.',
    'The JSON file must be one object with the lists districts, hubs, sites, services and/or coverage.',
  );
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ImportFileError(shape);
  const file = data as Record<string, unknown>;
  const problems: ParsedImport['problems'] = [];
  if (file.format !== undefined && file.format !== placesFormatName) {
    problems.push(
      problem(null, null, 'format', message(`«format» skal være «${placesFormatName}».`, `"format" must be "${placesFormatName}".`)),
    );
  }
  if (file.version !== undefined && file.version !== placesFormatVersion) {
    problems.push(
      problem(
        null,
        null,
        'version',
        message(`Formatversjonen skal være ${placesFormatVersion}.`, `The format version must be ${placesFormatVersion}.`),
      ),
    );
  }
  let asOf: string | null = null;
  if (file.asOf !== undefined) {
    if (typeof file.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(file.asOf) && isRealDate(file.asOf)) asOf = file.asOf;
    else problems.push(problem(null, null, 'asOf', message('«asOf» skal være en dato ÅÅÅÅ-MM-DD.', '"asOf" must be a date YYYY-MM-DD.')));
  }
  for (const name of Object.keys(file)) {
    if (!ignoredJsonParts.has(name) && !(placesEntities as readonly string[]).includes(name)) {
      problems.push(problem(null, null, name, message(`Ukjent del av filen: «${name}».`, `Unknown part of the file: "${name}".`)));
    }
  }
  assertRowLimit(
    placesEntities.reduce((sum, e) => sum + (Array.isArray(file[e]) ? (file[e] as unknown[]).length : 0), 0),
    placesImportMaxRows,
  );
  const sections: ParsedImport['sections'] = {};
  let found = false;
  for (const entity of placesEntities) {
    const items = file[entity];
    if (items === undefined) continue;
    found = true;
    if (!Array.isArray(items)) {
      problems.push(problem(entity, null, null, message(`«${entity}» skal være en liste.`, `"${entity}" must be a list.`)));
      continue;
    }
    (sections as Record<string, unknown>)[entity] = readJsonRecords(entity, items, problems);
  }
  if (!found) throw new ImportFileError(shape);
  return { format: 'json', fileName, asOf, sections, problems };
}

/** The uploaded file as checked records; a file that cannot be read at all throws ImportFileError. */
export async function readImportFile(
  format: PlacesFileFormat,
  bytes: Uint8Array,
  fileName: string,
  entity: PlacesEntity | undefined,
): Promise<ParsedImport> {
  let parsed: ParsedImport;
  if (format === 'csv') {
    if (!entity) {
      throw new ImportFileError(
        message(
          'Si hva CSV-filen inneholder med entity: districts, hubs, sites, services eller coverage.',
          'Say what the CSV file holds with entity: districts, hubs, sites, services or coverage.',
        ),
      );
    }
    parsed = readCsvFile(bytes, fileName, entity);
  } else if (format === 'xlsx') parsed = await readXlsxFile(bytes, fileName, entity);
  else parsed = readJsonFile(bytes, fileName);
  checkDuplicates(parsed);
  return parsed;
}
