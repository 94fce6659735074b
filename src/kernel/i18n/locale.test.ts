import { describe, expect, it } from 'vitest';
import { compareNorwegian, pickLocale, sortByNorwegian } from './locale.js';

describe('pickLocale', () => {
  it('defaults to bokmål without a header or with an unknown language', () => {
    expect(pickLocale(undefined)).toBe('nb');
    expect(pickLocale('de-DE,fr;q=0.8')).toBe('nb');
  });
  it('honours English when it ranks first', () => {
    expect(pickLocale('en-GB,en;q=0.9,nb;q=0.5')).toBe('en');
    expect(pickLocale('nb-NO,nb;q=0.9,en;q=0.8')).toBe('nb');
    expect(pickLocale('nn;q=0.2, en;q=0.7')).toBe('en');
    expect(pickLocale('en;q=0, no')).toBe('nb');
  });
});

describe('Norwegian sorting', () => {
  it('puts æ, ø and å after z, in that order', () => {
    const names = ['Åssiden', 'Zink', 'Øren', 'Ærfugl', 'Bragernes', 'Austad'];
    expect(sortByNorwegian(names, (n) => n)).toEqual(['Austad', 'Bragernes', 'Zink', 'Ærfugl', 'Øren', 'Åssiden']);
    expect(compareNorwegian('å', 'z')).toBeGreaterThan(0);
  });
});
