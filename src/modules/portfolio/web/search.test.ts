import { describe, expect, it } from 'vitest';
import { validateBenefitsSearch } from './benefits-search';
import { validatePortfolioSearch } from './overview-search';
import { validateRoadmapSearch } from './roadmap-search';

const id = '0b6f9f0e-7c2a-4c57-9a43-1d2b3c4d5e6f';

describe("the portfolio's search parameters", () => {
  it('keeps what is valid and drops the rest', () => {
    expect(
      validatePortfolioSearch({ area: id, phase: 'idea', state: 'gone', owner: 'x', q: '  skole ', page: '3', category: 'nope' }),
    ).toEqual({
      area: id,
      phase: 'idea',
      q: 'skole',
      page: 3,
    });
    expect(validatePortfolioSearch({ page: '1', q: '   ' })).toEqual({});
  });

  it('reads a search for a number (the router parses «?q=2024» as one)', () => {
    expect(validatePortfolioSearch({ q: 2024 })).toEqual({ q: '2024' });
  });

  it('reads the benefits filters and the roadmap area', () => {
    expect(validateBenefitsSearch({ overdue: 'true', owner: id, type: 'bad' })).toEqual({ overdue: true, owner: id });
    expect(validateRoadmapSearch({ area: id })).toEqual({ area: id });
    expect(validateRoadmapSearch({ area: 'P14' })).toEqual({});
  });
});
