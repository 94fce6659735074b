import { describe, expect, it } from 'vitest';
import { cellsToCsv, type Cell } from '../export/table-export.js';
import { CsvError, decodeUtf8, detectSeparator, parseCsv, restoreFormulaText, startsAsFormula } from './csv.js';

// The one CSV reader, measured against csv-parse in docs/decisions/0016-csv.md.

const utf8 = (text: string) => new TextEncoder().encode(text);
const fields = (text: string, separator?: ';' | ',') => parseCsv(text, separator).map((r) => r.fields);

describe('[IMPORT][CSV] reading', () => {
  it('drops a byte order mark and refuses text that is not UTF-8', () => {
    expect(decodeUtf8(utf8('\uFEFFnavn;by\r\nÅse;Drøbak\r\n'))).toBe('navn;by\r\nÅse;Drøbak\r\n');
    expect(decodeUtf8(utf8('navn'))).toBe('navn');
    // «Å» in Windows-1252, as an old Excel saves it
    expect(() => decodeUtf8(new Uint8Array([0x4e, 0xc5, 0x3b]))).toThrow(CsvError);
  });

  it('reads `;` (Norwegian Excel) and `,`, whichever the header line has more of', () => {
    expect(detectSeparator('a;b;c\r\n1,5;2,5;3\r\n')).toBe(';');
    expect(fields('a;b\r\n1,5;-2\r\n')).toEqual([
      ['a', 'b'],
      ['1,5', '-2'],
    ]);
    expect(fields('a,b\r\n"1,5",2\r\n')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  it('reads RFC 4180 quoting: separators, doubled quotes and CRLF inside quotes, an empty last field', () => {
    const records = parseCsv('"a;b";"Si ""hei""";"to\r\nlinjer";\r\nx;;"";y\r\n', ';');
    expect(records).toEqual([
      { row: 1, fields: ['a;b', 'Si "hei"', 'to\r\nlinjer', ''] },
      { row: 2, fields: ['x', '', '', 'y'] },
    ]);
  });

  it('names the spreadsheet row of a broken record, in both languages', () => {
    const refusal = (text: string) => {
      try {
        parseCsv(text, ';');
      } catch (error) {
        return error as CsvError;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal('a;b\r\n1;"x"y\r\n')).toMatchObject({ row: 2, userMessage: { en: 'Row 2: text after a closing quote.' } });
    expect(refusal('a;b\r\n1;"åpen\r\n').userMessage.nb).toBe('Rad 2: anførselstegnet som begynner på linje 2 blir aldri avsluttet.');
  });

  it('takes off exactly the apostrophe the writer put before a formula, and no other', () => {
    expect(['=1', '+1', '-1', '@A1', '\t=1', '\r=1', '\0=1', '\uFF1D1', '\uFF0B1', '\uFF0D1', '\uFF20A1'].every(startsAsFormula)).toBe(
      true,
    );
    expect(['1', ' =1', "'tekst", "rock 'n' roll", '', '−1'].some(startsAsFormula)).toBe(false);
    expect(restoreFormulaText("'=1")).toBe('=1');
    expect(restoreFormulaText("''-1")).toBe("'-1");
    expect(restoreFormulaText("'tekst")).toBe("'tekst");
    expect(restoreFormulaText('-1')).toBe('-1');
  });

  it('gives back what the writer wrote, for any text, with `;` and with `,`', () => {
    // A fixed pseudo-random walk over the characters that matter to CSV, to formulas and to Norwegian.
    const alphabet = ['a', 'Ø', 'å', ' ', ';', ',', '"', "'", '\r', '\n', '\r\n', '\t', '=', '+', '-', '@', '\uFF1D', '1', '\u00a0', '😀'];
    let seed = 14;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const rows: string[][] = Array.from({ length: 200 }, () =>
      Array.from({ length: 1 + (next() % 5) }, () => Array.from({ length: next() % 8 }, () => alphabet[next() % alphabet.length]).join('')),
    );
    for (const separator of [';', ','] as const) {
      const text = decodeUtf8(utf8(cellsToCsv(rows, separator)));
      expect(fields(text, separator).map((r) => r.map(restoreFormulaText))).toEqual(rows);
    }
  });

  it('reads numbers back as the text the writer gave them (decimal comma, minus kept)', () => {
    const cells: Cell[] = [-5, 1.25, 0, -0.5, 1_000_000];
    expect(fields(decodeUtf8(utf8(cellsToCsv([cells]))), ';')).toEqual([['-5', '1,25', '0', '-0,5', '1000000']]);
  });
});
