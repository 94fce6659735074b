import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { maxUnpackedBytes, readXlsxFile, unpackedZipSize, XlsxFileError } from './parse-xlsx.js';

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('[XLSX][READ]', () => {
  it('reads sheets named after the entities (English or Norwegian), listing the others as ignored', async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet('Om filen').addRow(['Eksport fra HR']);
      const people = book.addWorksheet('Personer');
      people.addRow(['key', 'name', 'synthetic']);
      people.addRow(['4711', { richText: [{ text: 'Kari ' }, { text: 'Nordmann' }] }, false]);
      people.addRow([]);
      people.addRow([{ formula: '"47"&"12"', result: '4712' }, 'Ola', 'nei']);
      const assignments = book.addWorksheet('assignments');
      assignments.addRow(['personKey', 'positionKey', 'fte', 'validFrom']);
      assignments.addRow(['4711', 'radmann', 0.5, new Date(Date.UTC(2020, 0, 1))]);
    });
    const file = await readXlsxFile(bytes, 'hr.xlsx');
    expect(file.problems).toEqual([]);
    expect(file.ignoredSheets).toEqual(['Om filen']);
    expect(file.sections.people).toEqual([
      { row: 2, sheet: 'Personer', values: { key: '4711', name: 'Kari Nordmann', synthetic: false }, invalid: false },
      { row: 4, sheet: 'Personer', values: { key: '4712', name: 'Ola', synthetic: false }, invalid: false },
    ]);
    expect(file.sections.assignments![0]!.values).toEqual({ personKey: '4711', positionKey: 'radmann', fte: 0.5, validFrom: '2020-01-01' });
  });

  it('reads the first sheet as the entity asked for, whatever its name', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Ark1');
      sheet.addRow(['key', 'title']);
      sheet.addRow(['s1', 'Rådgiver']);
    });
    const file = await readXlsxFile(bytes, 'stillinger.xlsx', 'positions');
    expect(file.sections.positions!.map((r) => r.values)).toEqual([{ key: 's1', title: 'Rådgiver' }]);
  });

  it('refuses a workbook without any sheet it knows, naming the sheets it has', async () => {
    const bytes = await workbook((book) => book.addWorksheet('Ark1').addRow(['key']));
    await expect(readXlsxFile(bytes, 'x.xlsx')).rejects.toThrow(/Its sheets are: Ark1/);
  });

  it('refuses what is no zip file, and a workbook that would unpack to more than the limit, before unpacking it', async () => {
    await expect(readXlsxFile(Buffer.from('not a zip'), 'x.xlsx')).rejects.toBeInstanceOf(XlsxFileError);
    const bytes = await workbook((book) => book.addWorksheet('units').addRow(['key']));
    expect(unpackedZipSize(bytes)).toBeGreaterThan(0);
    // Claim a huge unpacked size in the central directory, as a zip bomb would.
    const bomb = Buffer.from(bytes);
    const directory = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(maxUnpackedBytes + 1, directory + 24);
    const refused = await readXlsxFile(bomb, 'bomb.xlsx').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(XlsxFileError);
    expect((refused as XlsxFileError).tooLarge).toBe(true);
    expect((refused as XlsxFileError).userMessage.nb).toMatch(/for stor når den pakkes ut/);
  });
});
