import type { ImportEntity } from '../../import-export.schemas.js';
import { columns, recordCells, type OrganisationFile } from './organisation-format.js';

// CSV as a Norwegian Excel opens it with a double click: UTF-8 with a byte order mark (or Excel
// guesses the wrong encoding), `;` between fields (Excel in Norway reads `,` as the decimal sign),
// CRLF line ends, and quotes only where a field needs them.

export function csvField(value: string | number | boolean | null, separator: string): string {
  if (value === null) return '';
  const text = String(value);
  return text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function writeCsv(rows: (string | number | boolean | null)[][], separator: ';' | ',' = ';'): string {
  return `\uFEFF${rows.map((row) => row.map((value) => csvField(value, separator)).join(separator)).join('\r\n')}\r\n`;
}

/** One entity of an export as a CSV file: the header row, then one row per record. */
export function exportCsv(file: OrganisationFile, entity: ImportEntity, separator: ';' | ',' = ';'): string {
  const records = file[entity] as unknown as Record<string, unknown>[];
  return writeCsv([columns[entity].map((c) => c.name), ...records.map((record) => recordCells(entity, record, 'csv'))], separator);
}
