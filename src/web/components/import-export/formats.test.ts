import { describe, expect, it } from 'vitest';
import { acceptedFiles, contentTypes, fileFormats, formatOfFileName } from './formats';

describe('import file formats', () => {
  it('reads the format from the file name, whatever its case, and nothing from an unknown one', () => {
    expect(formatOfFileName('Enheter.CSV')).toBe('csv');
    expect(formatOfFileName('steder.2026.xlsx')).toBe('xlsx');
    expect(formatOfFileName('org.json')).toBe('json');
    expect(formatOfFileName('notat.txt')).toBeNull();
    expect(formatOfFileName('uten-endelse')).toBeNull();
  });

  it('accepts each format by extension and by content type', () => {
    for (const format of fileFormats) {
      expect(acceptedFiles.split(',')).toContain(`.${format}`);
      expect(acceptedFiles.split(',')).toContain(contentTypes[format]);
    }
  });
});
