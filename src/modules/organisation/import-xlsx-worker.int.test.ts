import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import { xlsxMaxUnpackedBytes } from '../../kernel/index.js';

// An XLSX upload is unpacked and parsed in a worker thread (kernel/import/xlsx.ts, whose unit test
// shows the event loop stays free), and a workbook over the unpacked cap is refused before any of it
// is unpacked.

const t = useTestApp();
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let editor: SignedIn;

beforeAll(async () => {
  editor = await t.signInAs(['organisation_editor']);
});

function upload(body: Buffer) {
  return t.knutepunkt.app.inject({
    method: 'POST',
    url: '/api/organisation/imports?validFrom=2024-01-01',
    headers: { ...editor.headers, 'content-type': xlsxType, 'accept-language': 'nb' },
    payload: body,
  });
}

describe('[EDITOR][IMPORT_XLSX] a workbook that unpacks to too much', () => {
  it('refuses at once, with 413, a workbook that claims to unpack to more than the cap', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('units').addRow(['key']);
    const bomb = Buffer.from(await book.xlsx.writeBuffer());
    // Claim a huge unpacked size in the central directory, as a zip bomb does.
    const directory = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(xlsxMaxUnpackedBytes + 1, directory + 24);
    const response = await upload(bomb);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toMatch(/for stor når den pakkes ut \(\d+ MiB, høyst 32 MiB\)/);
  });
});
