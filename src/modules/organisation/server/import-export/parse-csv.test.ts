import { describe, expect, it } from 'vitest';
import { CsvError, decodeUtf8, detectSeparator, parseCsv, readCsvFile } from './parse-csv.js';
import { cellsToCsv, restoreFormulaText } from '../../../../kernel/index.js';
import { exportCsv } from './write-csv.js';
import type { OrganisationFile } from './organisation-format.js';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('[CSV][PARSE]', () => {
  it('detects the separator from the header line, outside quotes', () => {
    expect(detectSeparator('key;name;level\n1,2,3,4')).toBe(';');
    expect(detectSeparator('key,name,level\n1;2;3;4')).toBe(',');
    expect(detectSeparator('"a;b;c",name\n')).toBe(',');
    expect(detectSeparator('key\n')).toBe(',');
  });

  it('reads semicolons, commas, CRLF and a missing final line end', () => {
    expect(fields('a;b;c\r\n1;2;3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(fields('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fields('a;b\n;\n')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });

  it('reads quoted fields with the separator, doubled quotes and line breaks, keeping each record on its spreadsheet row', () => {
    const records = parseCsv('key,note\n1,"A, B"\n2,"Si ""hei"""\n3,"første\r\nandre"\n4,x\n');
    expect(records).toEqual([
      { row: 1, fields: ['key', 'note'] },
      { row: 2, fields: ['1', 'A, B'] },
      { row: 3, fields: ['2', 'Si "hei"'] },
      { row: 4, fields: ['3', 'første\r\nandre'] },
      { row: 5, fields: ['4', 'x'] },
    ]);
  });

  it('keeps a quote inside an unquoted field, as spreadsheets do, and allows spaces after a closing quote', () => {
    expect(fields('a;b\n15" skjerm;"x" \n')).toEqual([
      ['a', 'b'],
      ['15" skjerm', 'x'],
    ]);
  });

  it('refuses a quote that is never closed, and text after a closing quote, naming the row', () => {
    expect(() => parseCsv('a;b\n1;"åpen\n2;3\n')).toThrow(CsvError);
    try {
      parseCsv('a;b\n1;2\n3;"x"y\n');
    } catch (error) {
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).row).toBe(3);
      expect((error as CsvError).userMessage.nb).toMatch(/Rad 3: tekst etter et avsluttende anførselstegn/);
    }
    expect.assertions(4);
  });

  it('strips the byte order mark and refuses text that is not UTF-8', () => {
    expect(decodeUtf8(new TextEncoder().encode('\uFEFFkey;navn'))).toBe('key;navn');
    expect(() => decodeUtf8(new Uint8Array([0x6b, 0xe6, 0x0a]))).toThrow(/UTF-8/);
  });

  it('writes what it reads: the writer and the reader agree on every awkward value', () => {
    const rows = [
      ['key', 'text'],
      ['a', 'semi;kolon'],
      ['b', 'komma, og "sitat"'],
      ['c', 'linje 1\r\nlinje 2'],
      ['d', ' mellomrom '],
      ['e', ''],
      ['f', '=HYPERLINK("https://example.com";"klikk")'],
      ['g', "'=1"],
      ['h', "'vanlig apostrof"],
    ];
    for (const separator of [';', ','] as const) {
      const text = cellsToCsv(rows, separator);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(fields(decodeUtf8(new TextEncoder().encode(text))).map((r) => r.map(restoreFormulaText))).toEqual(rows);
    }
  });
});

const formulas = ['=HYPERLINK("https://example.com/x";"klikk")', '+1', '-1+1', '@SUM(1)', '\t=1', '\r=1'];

describe('[CSV][FORMULAS]', () => {
  it('an export neutralises every cell a spreadsheet would run as a formula, and the import reads it back as it was', () => {
    const units = formulas.map((name, i) => ({ key: `enhet-${i}`, name, kind: 'unit', level: 3, note: name }));
    const text = exportCsv({ units } as unknown as OrganisationFile, 'units');
    const records = parseCsv(text.slice(1));
    for (const record of records.slice(1)) {
      for (const column of [1, records[0]!.fields.indexOf('note')]) {
        expect(record.fields[column]).toMatch(/^'[=+\-@\t\r]/);
      }
    }
    const read = readCsvFile(new TextEncoder().encode(text), 'enheter.csv', 'units');
    expect(read.sections.units!.map((u) => u.values.key)).toEqual(units.map((u) => u.key));
    // readTable trims a cell (a tab or a line break before the = goes), as for any import.
    expect(read.sections.units!.map((u) => [u.values.name, u.values.note])).toEqual(formulas.map((f) => [f.trim(), f.trim()]));
  });
});

describe('[CSV][READ_FILE]', () => {
  it('reads a file of one entity into rows by spreadsheet row, with problems by row and column', () => {
    const file = readCsvFile(new TextEncoder().encode('\uFEFFKey;Name;level\nenhet-1;Første;3\n\nenhet-2;;nivå\n'), 'enheter.csv', 'units');
    expect(file.sections.units).toEqual([
      { row: 2, sheet: null, values: { key: 'enhet-1', name: 'Første', level: 3 }, invalid: false },
      { row: 4, sheet: null, values: { key: 'enhet-2' }, invalid: true },
    ]);
    expect(file.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'name'],
      [4, 'level'],
    ]);
    expect(file.problems[1]!.message.nb).toBe('«level» skal være et heltall, ikke «nivå».');
  });

  it('reports an unknown column and a missing key column on the header row', () => {
    const file = readCsvFile(new TextEncoder().encode('navn;level\nX;3\n'), 'enheter.csv', 'units');
    expect(file.sections.units).toEqual([]);
    expect(file.problems.map((p) => [p.row, p.column, p.message.en])).toEqual([
      [1, 'navn', expect.stringMatching(/^Unknown column "navn"\. The columns for units are: key, name,/)],
      [1, 'key', 'The column "key" is missing. It is required.'],
    ]);
  });
});
