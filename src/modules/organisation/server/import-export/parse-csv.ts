import { CsvError, decodeUtf8, detectSeparator, parseCsv, restoreFormulaText } from '../../../../kernel/index.js';
import type { ImportEntity } from '../../import-export.schemas.js';
import { assertRowLimit, message, readTable, type ParsedImport } from './organisation-format.js';

// The CSV reader itself is the kernel's (kernel/import/csv.ts), shared with the other modules'
// imports; here a CSV file becomes the organisation's rows. A cell the export neutralised against
// formulas (`'=…`) is read back as it was (docs/formats/organisation.md), so an export imports again
// unchanged.

export { CsvError, decodeUtf8, detectSeparator, parseCsv };

/** A CSV file of one entity as parsed rows; problems by row and column. */
export function readCsvFile(bytes: Uint8Array, fileName: string, entity: ImportEntity): ParsedImport {
  const text = decodeUtf8(bytes);
  const records = parseCsv(text);
  assertRowLimit(Math.max(0, records.length - 1), (msg) => {
    throw new CsvError(msg, null, true);
  });
  const [header, ...rows] = records;
  const problems: ParsedImport['problems'] = [];
  if (!header || header.fields.every((f) => f.trim() === '')) {
    throw new CsvError(message('Filen er tom: den har ingen overskriftsrad.', 'The file is empty: it has no header row.'), null);
  }
  const parsed = readTable(
    {
      file: fileName,
      entity,
      sheet: null,
      header: header!.fields,
      headerRow: header!.row,
      rows: rows.map((r) => ({ row: r.row, cells: r.fields.map(restoreFormulaText) })),
    },
    problems,
  );
  return { format: 'csv', fileName, asOf: null, sections: { [entity]: parsed }, problems, ignoredSheets: [] };
}
