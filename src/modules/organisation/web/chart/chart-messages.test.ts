import { describe, expect, it } from 'vitest';
import { fill } from '../../../../web/i18n/module-i18n';
import { overviewEn, overviewNb } from '../messages/overview.messages';

describe('the chart and overview count in words', () => {
  it('says «1 nivå», «1 enhet» and «1 underenhet», never «1 nivåer»', () => {
    expect(fill(overviewNb['chart.levelsN'], { count: 1 })).toBe('1 nivå');
    expect(fill(overviewNb['chart.levelsN'], { count: 3 })).toBe('3 nivåer');
    expect(fill(overviewNb['chart.levelsAll'], { count: 1 })).toBe('Alle (1 nivå)');
    expect(fill(overviewNb['chart.shown'], { shown: 1, total: 1 })).toBe('Viser 1 av 1 enhet.');
    expect(fill(overviewNb['chart.expand'], { count: 1, name: 'Legevakt' })).toBe('Vis 1 underenhet til Legevakt');
    expect(fill(overviewEn['chart.levelsN'], { count: 1 }, 'en-GB')).toBe('1 level');
    expect(fill(overviewEn['chart.shown'], { shown: 1, total: 1 }, 'en-GB')).toBe('Showing 1 of 1 unit.');
  });

  it('leaves no counted noun without a plural form', () => {
    for (const dictionary of [overviewNb, overviewEn]) {
      for (const [key, text] of Object.entries(dictionary)) {
        // A number placeholder right before a noun must be a plural.
        expect(text, key).not.toMatch(/\{\w+\} (nivå|enhet|underenhet|side|stilling|andre|level|unit|sub-unit|page|position|other)/i);
      }
    }
  });
});
