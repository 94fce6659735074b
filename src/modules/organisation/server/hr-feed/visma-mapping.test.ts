import { describe, expect, it } from 'vitest';
import { mapVismaRow, vismaHeader } from './visma-mapping.js';

const row = {
  employeeNumber: '10042',
  name: 'Kari Nordmann',
  positionKey: 'st-rektor-aronslokka',
  unitKey: 'aronslokka-skole',
  percent: '100,00',
  from: '01.08.2019',
  to: '',
};

describe('the Visma mapping', () => {
  it('reads an employment: percent as a share, Norwegian dates, an open end', () => {
    expect(mapVismaRow(row)).toEqual({
      personKey: '10042',
      name: 'Kari Nordmann',
      positionKey: 'st-rektor-aronslokka',
      unitKey: 'aronslokka-skole',
      fte: 1,
      validFrom: '2019-08-01',
      validTo: null,
    });
  });

  it('reads «Til dato» as the last day worked, so the assignment ends the day after', () => {
    expect(mapVismaRow({ ...row, percent: '50', to: '31.12.2024' })).toMatchObject({ fte: 0.5, validTo: '2025-01-01' });
    expect(mapVismaRow({ ...row, to: '2024-02-29' })).toMatchObject({ validTo: '2024-03-01' });
  });

  it('names the column of every cell it cannot read', () => {
    const problems = mapVismaRow({ ...row, employeeNumber: '', percent: '120', from: '31.02.2020', positionKey: 'ø 1' });
    expect(Array.isArray(problems)).toBe(true);
    expect((problems as { column: string }[]).map((p) => p.column).sort()).toEqual([
      'Ansattnummer',
      'Fra dato',
      'Stillingsnummer',
      'Stillingsprosent',
    ]);
  });

  it('refuses an end before the start', () => {
    const problems = mapVismaRow({ ...row, to: '01.01.2019' }) as { column: string }[];
    expect(problems.map((p) => p.column)).toEqual(['Til dato']);
  });

  it('finds the columns whatever their case and order, and says which are missing', () => {
    const { index, missing } = vismaHeader([
      'navn',
      ' ANSATTNUMMER ',
      'Stillingsnummer',
      'Organisasjonsenhet',
      'Stillingsprosent',
      'Fra dato',
    ]);
    expect(index).toMatchObject({ name: 0, employeeNumber: 1, positionKey: 2 });
    expect(missing).toEqual(['Til dato']);
  });
});
