import { describe, expect, it } from 'vitest';
import { checkFile, cleanFileName } from './add-attachment.js';
import { requestNumber } from './shared.js';

describe('attachments: what may be attached', () => {
  it('takes files whose content matches their name', () => {
    expect(checkFile('faktura.PDF', Buffer.from('%PDF-1.7\n'))).toEqual({ mediaType: 'application/pdf' });
    expect(checkFile('bilde.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({ mediaType: 'image/png' });
    expect(checkFile('liste.csv', Buffer.from('navn;enhet\nÅse;Skole\n'))).toEqual({ mediaType: 'text/csv' });
    expect(checkFile('notat.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('refuses programs, pages and scripts, whatever they contain', () => {
    for (const name of ['oppdatering.exe', 'side.html', 'tegning.svg', 'skript.js', 'kjør.bat', 'uten-endelse']) {
      expect(checkFile(name, Buffer.from('hei')), name).toEqual({ refused: 'type' });
    }
  });

  it('refuses a disguised file: a program or binary under an allowed name', () => {
    expect(checkFile('faktura.pdf', Buffer.from('MZ\x90\x00'))).toEqual({ refused: 'disguised' });
    expect(checkFile('bilde.jpg', Buffer.from('%PDF-1.4'))).toEqual({ refused: 'disguised' });
    expect(checkFile('tekst.txt', Buffer.from([0x48, 0x00, 0x49]))).toEqual({ refused: 'disguised' });
  });

  it('keeps only the name of a file: no folders, no control characters, no quotes', () => {
    expect(cleanFileName('C:\\Users\\ola\\faktura.pdf')).toBe('faktura.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a"b\r\nc.txt')).toBe('abc.txt');
  });
});

describe('request numbers', () => {
  it('reads «LS-12», «ls12» and «12», and nothing else', () => {
    expect(requestNumber('LS-12')).toBe(12);
    expect(requestNumber('ls12')).toBe(12);
    expect(requestNumber(' 12 ')).toBe(12);
    expect(requestNumber('12a')).toBeNull();
    expect(requestNumber('6f1c2f0e-0000-4000-8000-000000000000')).toBeNull();
  });
});
