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

describe('[EXPORT][CSV] the file', () => {
  it('starts with a byte order mark and ends every line, the last too, with CRLF', () => {
    expect(
      cellsToCsv([
        ['navn', 'by'],
        ['Åse', 'Drøbak'],
      ]),
    ).toBe('\uFEFFnavn;by\r\nÅse;Drøbak\r\n');
    expect(toCsv([{ header: 'a', value: (row: number) => row }], [1, 2])).toBe('\uFEFFa\r\n1\r\n2\r\n');
  });

  it('quotes a field only when it must (RFC 4180): the separator, a quote, a line break, or space at either end', () => {
    expect(cellsToCsv([['a;b', 'Si "hei"', 'to\nlinjer', ' inn', 'ut ', 'a,b', 'vanlig']])).toBe(
      '\uFEFF"a;b";"Si ""hei""";"to\nlinjer";" inn";"ut ";a,b;vanlig\r\n',
    );
    expect(cellsToCsv([['a;b', 'a,b']], ',')).toBe('\uFEFFa;b,"a,b"\r\n');
  });

  it('writes an empty cell for null and undefined, and true/false as words', () => {
    expect(cellsToCsv([[null, undefined, '', true, false]])).toBe('\uFEFF;;;true;false\r\n');
  });

  it('neutralises a NUL and the full-width ＝ ＋ － ＠ first too; a text "-5" is neutralised, the number -5 is not', () => {
    expect(cellsToCsv([['\0=1', '\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF20A1']])).toBe(
      "\uFEFF'\0=1;'\uFF1D1+1;'\uFF0B1;'\uFF0D1;'\uFF20A1\r\n",
    );
    expect(cellsToCsv([['-5', -5, '−5']])).toBe("\uFEFF'-5;-5;−5\r\n");
  });
});
