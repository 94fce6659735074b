import { describe, expect, it } from 'vitest';
import { validateDecisionsSearch } from './decisions-search';
import { validateIndicatorsSearch } from './indicators-search';

describe("the steering pages' search parameters", () => {
  it('keeps the valid decision filters and drops the rest', () => {
    expect(
      validateDecisionsSearch({
        status: 'delayed',
        body: 'senate',
        overdue: true,
        unit: '0b6f9f0e-7c2a-4c57-9a43-1d2b3c4d5e6f',
        q: ' skole ',
      }),
    ).toEqual({ status: 'delayed', overdue: true, unit: '0b6f9f0e-7c2a-4c57-9a43-1d2b3c4d5e6f', q: 'skole' });
    expect(validateDecisionsSearch({ overdue: 'false', unit: 'abc', q: '' })).toEqual({});
  });

  it('reads the indicator filters: area code, period and status', () => {
    expect(validateIndicatorsSearch({ omrade: 'P14', periode: 2024, status: 'red' })).toEqual({
      omrade: 'P14',
      periode: '2024',
      status: 'red',
    });
    expect(validateIndicatorsSearch({ omrade: 'p14', periode: '2024-T4', status: 'blue' })).toEqual({});
  });
});
