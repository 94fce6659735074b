import { importEntities } from '../../import-export.schemas.js';
import { columns, recordCells, type OrganisationFile } from './organisation-format.js';

/** An export as one workbook with a sheet per entity, named as the format names them. */
export async function exportXlsx(file: OrganisationFile): Promise<Buffer> {
  // exceljs takes a third of a second to load: loaded on the first spreadsheet, not at start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Knutepunkt';
  // A fixed date keeps the same export byte for byte the same.
  workbook.created = new Date(`${file.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  for (const entity of importEntities) {
    const sheet = workbook.addWorksheet(entity, { views: [{ state: 'frozen', ySplit: 1 }] });
    const names = columns[entity].map((c) => c.name);
    sheet.addRow(names).font = { bold: true };
    for (const record of file[entity] as unknown as Record<string, unknown>[]) sheet.addRow(recordCells(entity, record, 'xlsx'));
    names.forEach((name, index) => {
      const widest = Math.max(name.length, ...sheet.getColumn(index + 1).values.map((v) => String(v ?? '').length));
      sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
