import { cellsToCsv } from '../../../../kernel/index.js';
import { placesEntities, type PlacesEntity, type PlacesFile } from '../../import-export.schemas.js';
import { columns, recordCells } from './places-format.js';

// CSV through the kernel's one CSV writer (kernel/export/table-export.ts): BOM, `;`, CRLF, decimal
// comma, formulas neutralised (read-file.ts undoes that). XLSX: one sheet per entity.

/** One entity of an export as a CSV file: the header row, then one row per record. */
export function exportCsv(file: PlacesFile, entity: PlacesEntity, separator: ';' | ',' = ';'): string {
  const records = file[entity] as unknown as Record<string, unknown>[];
  return cellsToCsv([columns[entity].map((c) => c.name), ...records.map((record) => recordCells(entity, record))], separator);
}

/** The export as one workbook with a sheet per entity, named as the format names them. */
export async function exportXlsx(file: PlacesFile): Promise<Buffer> {
  // exceljs takes a third of a second to load: loaded on the first spreadsheet, not at start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Knutepunkt';
  workbook.created = new Date(`${file.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  for (const entity of placesEntities) {
    const sheet = workbook.addWorksheet(entity, { views: [{ state: 'frozen', ySplit: 1 }] });
    const names = columns[entity].map((c) => c.name);
    sheet.addRow(names).font = { bold: true };
    for (const record of file[entity] as unknown as Record<string, unknown>[]) sheet.addRow(recordCells(entity, record));
    names.forEach((name, index) => {
      sheet.getColumn(index + 1).width = Math.min(50, Math.max(10, name.length + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
