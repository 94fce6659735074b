import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../kernel/index.js';
import type { PlacesFile } from '../../import-export.schemas.js';
import { readImportFile } from './read-file.js';
import { exportCsv } from './write-file.js';

const formulas = ['=HYPERLINK("https://example.com/x";"klikk")', '+1', '-1+1', '@SUM(1)', '\t=1', '\r=1'];

describe('[PLACES_EXPORT][CSV_FORMULAS]', () => {
  it('neutralises every cell a spreadsheet would run as a formula, and the import reads it back as it was', async () => {
    const services = formulas.map((text, i) => ({
      key: `tjeneste-${i}`,
      name: text,
      description: text,
      unitKey: 'bibliotek-og-moteplass',
      proximityClass: 'central',
      latitude: -1.5,
    }));
    const text = exportCsv({ services } as unknown as PlacesFile, 'services');
    const [header, ...rows] = parseCsv(text.slice(1), ';').map((r) => r.fields);
    for (const row of rows) {
      expect(row[header!.indexOf('name')]).toMatch(/^'[=+\-@\t\r]/);
      expect(row[header!.indexOf('description')]).toMatch(/^'[=+\-@\t\r]/);
    }
    const read = await readImportFile('csv', new TextEncoder().encode(text), 'tjenester.csv', 'services');
    expect(read.problems).toEqual([]);
    // An import trims every cell (the tab or line break before «=1» goes), as it always has.
    expect(read.sections.services!.map((s) => [s.record.name, s.record.description])).toEqual(formulas.map((f) => [f.trim(), f.trim()]));
  });
});
