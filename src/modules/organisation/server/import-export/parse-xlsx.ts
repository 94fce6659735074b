// exceljs takes a third of a second to load: loaded on the first spreadsheet, not at start-up.
import type ExcelJS from 'exceljs';
import type { ImportEntity, LocalisedMessage } from '../../import-export.schemas.js';
import { assertRowLimit, entityOfSheet, message, readTable, type Cell, type ParsedImport } from './organisation-format.js';
import { unpackedZipSize } from '../../../../kernel/index.js';

export { unpackedZipSize };

export class XlsxFileError extends Error {
  constructor(
    readonly userMessage: LocalisedMessage,
    readonly tooLarge = false,
  ) {
    super(userMessage.en);
    this.name = 'XlsxFileError';
  }
}

/** What a workbook may unpack to. An XLSX file is a zip: a small file can hold a very large sheet. */
export const maxUnpackedBytes = 200 * 1024 * 1024;

/**
 * A workbook as parsed rows: each worksheet named after an entity (units or enheter, positions or
 * stillinger, …) is read, others are listed as ignored. With `entity`, the first sheet is that entity
 * whatever its name (a workbook with one sheet of, say, positions).
 */
export async function readXlsxFile(bytes: Uint8Array, fileName: string, entity?: ImportEntity): Promise<ParsedImport> {
  const notXlsx = message(
    'Filen er ikke en gyldig Excel-arbeidsbok (XLSX). Lagre den som «Excel-arbeidsbok (*.xlsx)» og prøv igjen; eldre .xls-filer kan ikke leses.',
    'The file is not a valid Excel workbook (XLSX). Save it as "Excel Workbook (*.xlsx)" and try again; older .xls files cannot be read.',
  );
  const unpacked = unpackedZipSize(bytes);
  if (unpacked === null) throw new XlsxFileError(notXlsx);
  if (unpacked > maxUnpackedBytes) {
    throw new XlsxFileError(
      message(
        `Arbeidsboken er for stor når den pakkes ut (${Math.round(unpacked / 1024 / 1024)} MiB, høyst ${maxUnpackedBytes / 1024 / 1024} MiB).`,
        `The workbook is too large when unpacked (${Math.round(unpacked / 1024 / 1024)} MiB, at most ${maxUnpackedBytes / 1024 / 1024} MiB).`,
      ),
      true,
    );
  }
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new XlsxFileError(notXlsx);
  }

  const problems: ParsedImport['problems'] = [];
  const sections: ParsedImport['sections'] = {};
  const ignoredSheets: string[] = [];
  const sheets = workbook.worksheets;
  const wanted = sheets.map((sheet, index) => ({ sheet, entity: entity ? (index === 0 ? entity : null) : entityOfSheet(sheet.name) }));
  const total = wanted.reduce((sum, w) => sum + (w.entity ? Math.max(0, w.sheet.actualRowCount - 1) : 0), 0);
  assertRowLimit(total, (msg) => {
    throw new XlsxFileError(msg, true);
  });
  for (const { sheet, entity: sheetEntity } of wanted) {
    if (!sheetEntity) {
      ignoredSheets.push(sheet.name);
      continue;
    }
    if (sections[sheetEntity]) {
      problems.push({
        file: fileName,
        sheet: sheet.name,
        entity: sheetEntity,
        row: null,
        column: null,
        message: message(
          `Arbeidsboken har to ark for ${sheetEntity}; bare ett kan leses.`,
          `The workbook has two sheets for ${sheetEntity}; only one can be read.`,
        ),
      });
      continue;
    }
    const rows: { row: number; cells: Cell[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values = row.values as unknown[];
      // exceljs counts columns from 1: values[0] is always empty.
      rows.push({ row: number, cells: values.slice(1).map(cellValue) });
    });
    const [header, ...data] = rows;
    if (!header) {
      sections[sheetEntity] = [];
      continue;
    }
    sections[sheetEntity] = readTable(
      { file: fileName, entity: sheetEntity, sheet: sheet.name, header: header.cells, headerRow: header.row, rows: data },
      problems,
    );
  }
  if (Object.keys(sections).length === 0) {
    throw new XlsxFileError(
      message(
        `Arbeidsboken har ingen ark som heter units, positions, people, assignments eller lines (eller enheter, stillinger, personer, tilknytninger, linjer). Arkene heter: ${sheets.map((s) => s.name).join(', ') || 'ingen'}.`,
        `The workbook has no sheet named units, positions, people, assignments or lines. Its sheets are: ${sheets.map((s) => s.name).join(', ') || 'none'}.`,
      ),
    );
  }
  return { format: 'xlsx', fileName, asOf: null, sections, problems, ignoredSheets };
}

/** A cell as text, number, boolean or date: formulas give their result, rich text and links their text. */
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
