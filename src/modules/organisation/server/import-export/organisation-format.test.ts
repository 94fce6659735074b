import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEntities } from '../../import-export.schemas.js';
import {
  AssignmentRecord,
  columns,
  convertCell,
  LineRecord,
  PersonRecord,
  PositionRecord,
  readJsonRecords,
  readTable,
  UnitRecord,
  type Column,
} from './organisation-format.js';

const column = (entity: keyof typeof columns, name: string): Column => columns[entity].find((c) => c.name === name)!;
const text = (entity: keyof typeof columns, name: string, raw: unknown) => convertCell(column(entity, name), raw, 'text');
const json = (entity: keyof typeof columns, name: string, raw: unknown) => convertCell(column(entity, name), raw, 'json');

describe('[FORMAT][COLUMNS]', () => {
  it('has one column per field of the JSON format, in the same order, for every entity', () => {
    const schemas = {
      units: UnitRecord,
      positions: PositionRecord,
      people: PersonRecord,
      assignments: AssignmentRecord,
      lines: LineRecord,
    };
    for (const entity of importEntities) {
      expect(
        columns[entity].map((c) => c.name),
        entity,
      ).toEqual(Object.keys(schemas[entity].properties));
    }
  });
});

describe('[FORMAT][DOCS]', () => {
  it('documents every column of every entity in docs/formats/organisation.md, in order', () => {
    const docs = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../docs/formats/organisation.md'), 'utf8');
    for (const entity of importEntities) {
      const section = docs.split(`### ${entity} (`)[1]?.split('\n### ')[0] ?? '';
      const documented = [...section.matchAll(/^\|\s*`(\w+)`\s*\|/gm)].map((m) => m[1]);
      expect(documented, entity).toEqual(columns[entity].map((c) => c.name));
    }
  });
});

describe('[FORMAT][CELLS]', () => {
  it('reads cells as a person writes them', () => {
    expect(text('positions', 'personnelResponsibility', 'Ja')).toEqual({ value: true });
    expect(text('positions', 'personnelResponsibility', 'false')).toEqual({ value: false });
    expect(text('positions', 'fte', '0,5')).toEqual({ value: 0.5 });
    expect(text('positions', 'fte', 12)).toEqual({ value: 12 });
    expect(text('assignments', 'validFrom', '1.2.2020')).toEqual({ value: '2020-02-01' });
    expect(text('assignments', 'validFrom', new Date(Date.UTC(2020, 1, 1)))).toEqual({ value: '2020-02-01' });
    expect(text('assignments', 'validFrom', 43_862)).toEqual({ value: '2020-02-01' });
    expect(text('units', 'kind', 'Department')).toEqual({ value: 'department' });
    expect(text('units', 'districts', '3, 1 2')).toEqual({ value: [1, 2, 3] });
    expect(text('units', 'key', 4711)).toEqual({ value: '4711' });
  });

  it('tells an empty cell that clears a value from one that leaves it as it is', () => {
    expect(text('units', 'note', '')).toEqual({ value: undefined });
    expect(text('units', 'note', '(tøm)')).toEqual({ value: null });
    expect(text('units', 'districts', ' ')).toEqual({ value: undefined });
    expect(text('units', 'districts', '(tøm)')).toEqual({ value: [] });
    expect(text('units', 'nameKnown', '')).toEqual({ value: undefined });
    expect(text('units', 'name', '')).toMatchObject({ problem: { nb: '«name» kan ikke være tom.' } });
    expect(text('units', 'key', '')).toMatchObject({ problem: { nb: '«key» må fylles ut.' } });
  });

  it('refuses what it cannot read, saying what it expected', () => {
    expect(text('positions', 'fte', '0,333')).toMatchObject({ problem: { nb: '«fte» kan ha høyst to desimaler (0.333).' } });
    expect(text('assignments', 'fte', '1,5')).toMatchObject({ problem: { nb: '«fte» skal være fra 0,01 til 1, ikke 1,5.' } });
    expect(text('assignments', 'validTo', '2020-02-30')).toMatchObject({
      problem: { en: '"2020-02-30" in "validTo" is not a valid date. Write YYYY-MM-DD or DD.MM.YYYY.' },
    });
    expect(text('units', 'kind', 'avdeling')).toMatchObject({
      problem: { nb: expect.stringMatching(/^«avdeling» er ikke en gyldig verdi for «kind»\. Gyldige verdier: leadership_team,/) },
    });
    expect(text('units', 'key', 'Avd. Åsen')).toMatchObject({ problem: { nb: expect.stringMatching(/ikke en gyldig nøkkel/) } });
    expect(text('positions', 'personnelResponsibility', 'kanskje')).toMatchObject({
      problem: { nb: '«personnelResponsibility» skal være true/false eller ja/nei, ikke «kanskje».' },
    });
    expect(text('units', 'districts', '0 100')).toMatchObject({ problem: { nb: '«districts» skal være kommunedelsnumre fra 1 til 99.' } });
  });

  it('takes JSON types exactly', () => {
    expect(json('positions', 'personnelResponsibility', true)).toEqual({ value: true });
    expect(json('positions', 'personnelResponsibility', 'ja')).toMatchObject({
      problem: { en: '"personnelResponsibility" must be true or false, not «ja».' },
    });
    expect(json('units', 'level', '3')).toMatchObject({ problem: { en: expect.stringMatching(/must be a whole number/) } });
    expect(json('units', 'kind', 'Department')).toMatchObject({ problem: {} });
    expect(json('assignments', 'validFrom', '1.2.2020')).toMatchObject({ problem: {} });
    expect(json('units', 'districts', [2, 1])).toEqual({ value: [1, 2] });
  });
});

describe('[FORMAT][TABLES]', () => {
  it('matches headers whatever their case and reports repeated columns and extra values', () => {
    const problems: Parameters<typeof readTable>[1] = [];
    const rows = readTable(
      {
        file: 'f.xlsx',
        entity: 'people',
        sheet: 'personer',
        header: ['KEY', 'name', 'Name'],
        headerRow: 1,
        rows: [{ row: 2, cells: ['p1', 'Per', 'x', 'ekstra'] }],
      },
      problems,
    );
    expect(problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['personer', 1, 'name'],
      ['personer', 2, null],
    ]);
    expect(rows).toEqual([{ row: 2, sheet: 'personer', values: { key: 'p1', name: 'Per' }, invalid: true }]);
  });

  it('reads JSON records, refusing unknown fields and rows that are not objects', () => {
    const problems: Parameters<typeof readTable>[1] = [];
    const rows = readJsonRecords('f.json', 'people', [{ key: 'p1', name: 'Per', alder: 40 }, 'p2', { name: 'Uten nøkkel' }], problems);
    expect(problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['people', 1, 'alder'],
      ['people', 2, null],
      ['people', 3, 'key'],
    ]);
    expect(rows.map((r) => r.invalid)).toEqual([true, true]);
  });
});
