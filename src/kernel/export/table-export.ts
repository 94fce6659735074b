// Lists as files, for every module's exports: CSV the way Excel opens it in Norway (UTF-8 with a
// byte order mark, `;` between fields) and XLSX with one sheet. A column has a header and a value
// per row; numbers stay numbers in XLSX, so sums work there.
import type { FastifyReply } from 'fastify';
import { startsAsFormula } from '../import/csv.js';

export type Cell = string | number | boolean | null | undefined;

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => Cell;
}

export type ExportFormat = 'csv' | 'xlsx';

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A text a spreadsheet would run as a formula (`startsAsFormula`: =, +, -, @, a tab, a carriage
 * return or a NUL first, or full-width ＝ ＋ － ＠) gets a leading apostrophe, so Excel and LibreOffice
 * show it as text (OWASP «CSV injection»). A text that already starts with apostrophes before such a
 * character gets one more, so that `restoreFormulaText` (kernel/import/csv.ts) gives back exactly
 * what was written. Numbers are never touched: -5 is written as a number, the text "-5" as '-5
 * (the type says which, not the look; docs/decisions/0016-csv.md).
 */
function csvField(value: Cell, separator: string): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value).replace('.', ',') : String(value);
  const safe = typeof value !== 'number' && startsAsFormula(text) ? `'${text}` : text;
  // Quoted also when it starts or ends with a space: some readers trim unquoted fields.
  return /["\r\n]/.test(safe) || safe.includes(separator) || /^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A table of cells as CSV, the first row its header: a BOM, `;` between fields, CRLF line ends,
 * decimal comma, formulas neutralised. The one CSV writer: every CSV Knutepunkt sends is made here
 * (eslint.config.js refuses a hand-made one).
 */
export function cellsToCsv(rows: readonly (readonly Cell[])[], separator: ';' | ',' = ';'): string {
  return `\uFEFF${rows.map((row) => row.map((value) => csvField(value, separator)).join(separator)).join('\r\n')}\r\n`;
}

/** The rows as CSV: a header line from the columns, then one line per row (see `cellsToCsv`). */
export function toCsv<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[], separator: ';' | ',' = ';'): string {
  return cellsToCsv([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.value(row)))], separator);
}

/** The rows as an XLSX workbook with one sheet (name cut to Excel's 31 characters). */
export async function toXlsx<Row>(sheetName: string, columns: readonly ExportColumn<Row>[], rows: readonly Row[]): Promise<Buffer> {
  // exceljs takes a third of a second to load: loaded on the first spreadsheet, not at start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Ark1');
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends the list as a download in the asked format; the file name gets the right extension. */
export async function sendTableExport<Row>(
  reply: FastifyReply,
  format: ExportFormat,
  baseName: string,
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
): Promise<FastifyReply> {
  const body = format === 'csv' ? toCsv(columns, rows) : await toXlsx(baseName, columns, rows);
  return reply
    .header('content-type', exportContentTypes[format])
    .header('content-disposition', `attachment; filename="${baseName.replace(/[^a-zA-Z0-9._-]/g, '-')}.${format}"`)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
