import { describe, expect, it } from 'vitest';
import { editDistance, foldForMatch, matchScore, matchesQuery, typosAllowed } from './match';

describe('combobox matching', () => {
  it('ignores case, accents and extra spaces, but keeps æ, ø and å', () => {
    expect(foldForMatch('  Rådmannens  LEDERTEAM ')).toBe('rådmannens lederteam');
    expect(foldForMatch('Café Müller')).toBe('cafe muller');
    expect(matchesQuery('cafe', 'Café')).toBe(true);
    expect(matchesQuery('ØREN', 'Bragernes og Øren')).toBe(true);
    expect(matchesQuery('radmann', 'Rådmannens lederteam', '', { typos: false })).toBe(false);
  });

  it('finds every word typed, in any order, in the label or the description', () => {
    expect(matchesQuery('skole aron', 'Aronsløkka skole')).toBe(true);
    expect(matchesQuery('legevakt helse', 'Legevakt', 'Helsetjenester · nivå 3')).toBe(true);
    expect(matchesQuery('legevakt omsorg', 'Legevakt', 'Helsetjenester · nivå 3')).toBe(false);
    expect(matchesQuery('', 'Hva som helst')).toBe(true);
  });
});

describe('typo tolerance', () => {
  it('counts a missing, extra or wrong letter and two swapped letters as one edit', () => {
    expect(editDistance('legevakt', 'legevakt')).toBe(0);
    expect(editDistance('legevkt', 'legevakt')).toBe(1);
    expect(editDistance('legevaakt', 'legevakt')).toBe(1);
    expect(editDistance('legevokt', 'legevakt')).toBe(1);
    expect(editDistance('lgeevakt', 'legevakt')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    // Stops early once past the limit.
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('a', 'abcd', 1)).toBe(2);
  });

  it('allows more slips in longer words and none in short ones', () => {
    expect(typosAllowed(4)).toBe(0);
    expect(typosAllowed(5)).toBe(1);
    expect(typosAllowed(9)).toBe(2);
  });

  it('finds units typed with a slip, as the service search does', () => {
    expect(matchesQuery('legevkt', 'Legevakt')).toBe(true);
    expect(matchesQuery('lgeevakt', 'Legevakt')).toBe(true);
    expect(matchesQuery('helsetjenster', 'Helsetjenester')).toBe(true);
    expect(matchesQuery('helstejnester', 'Helsetjenester')).toBe(true);
    expect(matchesQuery('helsetj', 'Helsetjenester')).toBe(true);
    expect(matchesQuery('skloe aronsløka', 'Aronsløkka skole')).toBe(true);
    expect(matchesQuery('radmannens', 'Rådmannens lederteam')).toBe(true);
    // Short words must be exact, and a word too far off is no match.
    expect(matchesQuery('nav', 'Nova')).toBe(false);
    expect(matchesQuery('barnehage', 'Legevakt')).toBe(false);
    expect(matchesQuery('legevkt', 'Legevakt', '', { typos: false })).toBe(false);
  });

  it('ranks the start of the name above a word in it, and both above a typo', () => {
    expect(matchScore('lege', 'Legevakt')).toBe(3);
    expect(matchScore('vakt', 'Legevakt')).toBe(2);
    expect(matchScore('legevkt', 'Legevakt')).toBe(1);
    expect(matchScore('tannlege', 'Legevakt')).toBe(0);
  });
});
