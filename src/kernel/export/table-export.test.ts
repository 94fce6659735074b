import { describe, expect, it } from 'vitest';
import { parseCsv, restoreFormulaText } from '../import/csv.js';
import { cellsToCsv, toCsv } from './table-export.js';

const formulas = ['=HYPERLINK("https://example.com/x";"klikk")', '+1', '-1+1', '@SUM(1)', '\t=1', '\r=1'];
const read = (text: string) => parseCsv(text.slice(1), ';').map((r) => r.fields);

describe('[EXPORT][CSV]', () => {
  it('writes a cell a spreadsheet would run as a formula with a leading apostrophe, as text', () => {
    const text = toCsv([{ header: 'tekst', value: (row: string) => row }], formulas);
    expect(read(text).slice(1)).toEqual(formulas.map((f) => [`'${f}`]));
    expect(
      read(cellsToCsv([formulas]))
        .flat()
        .filter((cell) => /^[=+\-@\t\r]/.test(cell)),
    ).toEqual([]);
  });

  it('keeps numbers as numbers (a negative number is no formula) with a decimal comma', () => {
    expect(cellsToCsv([[-1.5, 2, 'a b']])).toBe('\uFEFF-1,5;2;a b\r\n');
  });

  it('gives back exactly what was written once the reader restores the apostrophe', () => {
    const texts = [...formulas, "'=1", "''+2", "'vanlig", "rock 'n' roll", '', 'a;b', ' mellomrom '];
    for (const separator of [';', ','] as const) {
      const records = parseCsv(cellsToCsv([texts], separator).slice(1), separator);
      expect(records[0]!.fields.map(restoreFormulaText)).toEqual(texts);
    }
  });
});
