import { describe, expect, it } from 'vitest';
import { anyWordQuery, keyFromTitle, prefixQuery, searchWords } from './article-text.js';

describe('knowledge-base search words', () => {
  it('keeps letters and digits only, so user text never becomes to_tsquery syntax', () => {
    expect(searchWords("Glemt PASSORDET! ' & | ! :* (drop table)")).toEqual(['glemt', 'passordet', 'drop', 'table']);
    expect(prefixQuery(searchWords("x' | 'y"))).toBe("'x' & 'y':*");
    expect(prefixQuery([])).toBe('');
  });

  it('keeps æøå and caps a long sentence at 30 words', () => {
    expect(searchWords('Lønn og ferie for ansatte på skolen')).toEqual(['lønn', 'og', 'ferie', 'for', 'ansatte', 'på', 'skolen']);
    expect(searchWords('ord '.repeat(100))).toHaveLength(30);
  });

  it('builds an AND query with the last word as prefix, and an OR query for sentences', () => {
    expect(prefixQuery(['glemt', 'passo'])).toBe("'glemt' & 'passo':*");
    expect(anyWordQuery(['jeg', 'har', 'glemt', 'passordet'])).toBe("'jeg' | 'har' | 'glemt' | 'passordet':*");
  });
});

describe('article keys', () => {
  it('makes a readable address from a Norwegian title', () => {
    expect(keyFromTitle('Glemt passord – slik får du nytt')).toBe('glemt-passord-slik-far-du-nytt');
    expect(keyFromTitle('Lønn, refusjon og ferie/fravær')).toBe('lonn-refusjon-og-ferie-fravaer');
    expect(keyFromTitle('Café Zürich')).toBe('cafe-zurich');
  });

  it('never gives an empty key or an address taken by a page or route (ny, suggest)', () => {
    expect(keyFromTitle('???')).toBe('artikkel');
    expect(keyFromTitle('Ny')).toBe('artikkel-ny');
    expect(keyFromTitle('Suggest')).toBe('artikkel-suggest');
    expect(keyFromTitle('a'.repeat(200))).toHaveLength(80);
  });
});
