import { cellsToCsv } from '../../../../kernel/index.js';
import type { ImportEntity } from '../../import-export.schemas.js';
import { columns, recordCells, type OrganisationFile } from './organisation-format.js';

// CSV as a Norwegian Excel opens it with a double click, through the kernel's one CSV writer
// (kernel/export/table-export.ts): BOM, `;`, CRLF, formulas neutralised (parse-csv.ts undoes that).

/** One entity of an export as a CSV file: the header row, then one row per record. */
export function exportCsv(file: OrganisationFile, entity: ImportEntity, separator: ';' | ',' = ';'): string {
  const records = file[entity] as unknown as Record<string, unknown>[];
  return cellsToCsv([columns[entity].map((c) => c.name), ...records.map((record) => recordCells(entity, record, 'csv'))], separator);
}
