// exceljs takes a third of a second to load: loaded on the first spreadsheet, not at start-up.
import type ExcelJS from 'exceljs';
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
  type Cell,
  type ParsedImport,
} from './places-format.js';

// Reading an uploaded file: CSV (UTF-8 with or without a byte order mark, `;` or `,`), an XLSX
// workbook (a sheet per entity) or the JSON document. The CSV reader is the organisation's
// (server/import-export/parse-csv.ts), copied: a module uses another only through its index.

/** Text decoded from UTF-8, without a byte order mark; anything else would garble æ, ø and å. */
export function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError(
      message(
        'Filen er ikke lagret som UTF-8, så æ, ø og å ville blitt feil. Lagre den på nytt som «CSV UTF-8» i Excel.',
        'The file is not saved as UTF-8, so æ, ø and å would come out wrong. Save it again as "CSV UTF-8" in Excel.',
      ),
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `;` or `,`: the one the header line has more of outside quotes. */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** The records of a CSV text with the row each starts on; an unclosed quote or text after a closing quote is refused. */
export function parseCsv(text: string, separator: ';' | ',' = detectSeparator(text)): { row: number; fields: string[] }[] {
  const records: { row: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let row = 1;
  let quoteRow = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ row, fields });
    fields = [];
    row += 1;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
          wasQuoted = true;
        }
      } else field += char;
      continue;
    }
    if (char === separator) endField();
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else if (char === '"' && field.trim() === '' && !wasQuoted) {
      field = '';
      quoted = true;
      quoteRow = row;
    } else if (wasQuoted && (char === ' ' || char === '\t')) {
      continue;
    } else {
      if (wasQuoted) {
        throw new ImportFileError(
          message(`Rad ${row}: tekst etter et avsluttende anførselstegn.`, `Row ${row}: text after a closing quote.`),
          false,
          row,
        );
      }
      field += char;
    }
  }
  if (quoted) {
    throw new ImportFileError(
      message(
        `Rad ${quoteRow}: anførselstegnet som begynner her blir aldri avsluttet.`,
        `Row ${quoteRow}: the quote that opens here is never closed.`,
      ),
      false,
      quoteRow,
    );
  }
  if (field !== '' || wasQuoted || fields.length > 0) endRecord();
  return records;
}

function readCsvFile(bytes: Uint8Array, fileName: string, entity: PlacesEntity): ParsedImport {
  const records = parseCsv(decodeUtf8(bytes));
  assertRowLimit(Math.max(0, records.length - 1), placesImportMaxRows);
  const [header, ...rows] = records;
  if (!header || header.fields.every((f) => f.trim() === '')) {
    throw new ImportFileError(message('Filen er tom: den har ingen overskriftsrad.', 'The file is empty: it has no header row.'));
  }
  const problems: ParsedImport['problems'] = [];
  const parsed = readTable(
    { entity, header: header.fields, headerRow: header.row, rows: rows.map((r) => ({ row: r.row, cells: r.fields })) },
    problems,
  );
  return { format: 'csv', fileName, asOf: null, sections: { [entity]: parsed }, problems };
}

/** An XLSX file is a zip: its unpacked size, from the central directory, before anything is unpacked (null: not a zip). */
function unpackedZipSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Number.MAX_SAFE_INTEGER;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

const maxUnpackedBytes = 100 * 1024 * 1024;

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v || 'formula' in v) return cellValue(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}

async function readXlsxFile(bytes: Uint8Array, fileName: string, entity: PlacesEntity | undefined): Promise<ParsedImport> {
  const notXlsx = message(
    'Filen er ikke en gyldig Excel-arbeidsbok (XLSX). Lagre den som «Excel-arbeidsbok (*.xlsx)»; eldre .xls-filer kan ikke leses.',
    'The file is not a valid Excel workbook (XLSX). Save it as "Excel Workbook (*.xlsx)"; older .xls files cannot be read.',
  );
  const unpacked = unpackedZipSize(bytes);
  if (unpacked === null) throw new ImportFileError(notXlsx);
  if (unpacked > maxUnpackedBytes) {
    throw new ImportFileError(
      message(
        `Arbeidsboken er for stor når den pakkes ut (høyst ${maxUnpackedBytes / 1024 / 1024} MiB).`,
        `The workbook is too large when unpacked (at most ${maxUnpackedBytes / 1024 / 1024} MiB).`,
      ),
      true,
    );
  }
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportFileError(notXlsx);
  }
  const wanted = workbook.worksheets.map((sheet, index) => ({
    sheet,
    entity: entity ? (index === 0 ? entity : null) : entityOfSheet(sheet.name),
  }));
  assertRowLimit(
    wanted.reduce((sum, w) => sum + (w.entity ? Math.max(0, w.sheet.actualRowCount - 1) : 0), 0),
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
    const rows: { row: number; cells: Cell[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      rows.push({ row: number, cells: (row.values as unknown[]).slice(1).map(cellValue) });
    });
    const [header, ...data] = rows;
    (sections as Record<string, unknown>)[sheetEntity] = header
      ? readTable({ entity: sheetEntity, header: header.cells, headerRow: header.row, rows: data }, problems)
      : [];
  }
  if (Object.keys(sections).length === 0) {
    const names = workbook.worksheets.map((s) => s.name).join(', ') || '–';
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
    data = JSON.parse(decodeUtf8(bytes));
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
