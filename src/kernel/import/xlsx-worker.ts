// The worker side of readXlsxUpload (xlsx.ts): unpacks and parses the workbook with exceljs and
// sends back each sheet's rows as plain cells. Imports nothing heavier than exceljs, so it starts
// in a fraction of a second.
import type ExcelJS from 'exceljs';
import { answerFromWorker } from './worker.js';
import type { XlsxCell, XlsxWorkbookRows } from './xlsx.js';

/** A cell as text, number, boolean or date: formulas give their result, rich text and links their text. */
function cellValue(value: unknown): XlsxCell {
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

await answerFromWorker<{ bytes: Uint8Array }, XlsxWorkbookRows | null>(async ({ bytes }) => {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  return workbook.worksheets.map((sheet) => {
    const rows: XlsxWorkbookRows[number]['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      // exceljs counts columns from 1: values[0] is always empty.
      rows.push({ row: number, cells: (row.values as unknown[]).slice(1).map(cellValue) });
    });
    return { name: sheet.name, rows };
  });
});
