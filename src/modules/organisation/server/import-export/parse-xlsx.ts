import { readXlsxUpload, unpackedZipSize, XlsxUploadError, xlsxMaxUnpackedBytes } from '../../../../kernel/index.js';
import type { ImportEntity, LocalisedMessage } from '../../import-export.schemas.js';
import { assertRowLimit, entityOfSheet, message, readTable, type ParsedImport } from './organisation-format.js';

// The workbook is unpacked and parsed by the kernel in a worker thread (kernel/import/xlsx.ts), with
// its unpacked-size cap and time and memory limits; here its sheets become the organisation's rows.

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

/** What a workbook may unpack to: the kernel's cap for every XLSX upload. */
export const maxUnpackedBytes = xlsxMaxUnpackedBytes;

/**
 * A workbook as parsed rows: each worksheet named after an entity (units or enheter, positions or
 * stillinger, …) is read, others are listed as ignored. With `entity`, the first sheet is that entity
 * whatever its name (a workbook with one sheet of, say, positions).
 */
export async function readXlsxFile(bytes: Uint8Array, fileName: string, entity?: ImportEntity): Promise<ParsedImport> {
  let sheets;
  try {
    sheets = await readXlsxUpload(bytes);
  } catch (error) {
    if (error instanceof XlsxUploadError) throw new XlsxFileError(error.userMessage, error.tooLarge);
    throw error;
  }
  const problems: ParsedImport['problems'] = [];
  const sections: ParsedImport['sections'] = {};
  const ignoredSheets: string[] = [];
  const wanted = sheets.map((sheet, index) => ({ sheet, entity: entity ? (index === 0 ? entity : null) : entityOfSheet(sheet.name) }));
  const total = wanted.reduce((sum, w) => sum + (w.entity ? Math.max(0, w.sheet.rows.length - 1) : 0), 0);
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
    const [header, ...data] = sheet.rows;
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
