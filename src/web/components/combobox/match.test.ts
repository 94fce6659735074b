import { describe, expect, it } from 'vitest';
import { foldForMatch, matchesQuery } from './match';

describe('combobox matching', () => {
  it('ignores case, accents and extra spaces, but keeps æ, ø and å', () => {
    expect(foldForMatch('  Rådmannens  LEDERTEAM ')).toBe('rådmannens lederteam');
    expect(foldForMatch('Café Müller')).toBe('cafe muller');
    expect(matchesQuery('cafe', 'Café')).toBe(true);
    expect(matchesQuery('ØREN', 'Bragernes og Øren')).toBe(true);
    expect(matchesQuery('radmann', 'Rådmannens lederteam')).toBe(false);
  });

  it('finds every word typed, in any order, in the label or the description', () => {
    expect(matchesQuery('skole aron', 'Aronsløkka skole')).toBe(true);
    expect(matchesQuery('legevakt helse', 'Legevakt', 'Helsetjenester · nivå 3')).toBe(true);
    expect(matchesQuery('legevakt omsorg', 'Legevakt', 'Helsetjenester · nivå 3')).toBe(false);
    expect(matchesQuery('', 'Hva som helst')).toBe(true);
  });
});
