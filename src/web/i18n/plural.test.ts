import { describe, expect, it } from 'vitest';
import { fillText } from './plural';

describe('fillText', () => {
  const levels = '{count, plural, one {# nivå} other {# nivåer}} under {unit}';

  it('chooses the singular for one and the plural otherwise, in both languages', () => {
    expect(fillText(levels, { count: 1, unit: 'Skole' }, 'nb-NO')).toBe('1 nivå under Skole');
    expect(fillText(levels, { count: 3, unit: 'Skole' }, 'nb-NO')).toBe('3 nivåer under Skole');
    expect(fillText(levels, { count: 0, unit: 'Skole' }, 'nb-NO')).toBe('0 nivåer under Skole');
    expect(fillText('{n, plural, one {# change} other {# changes}}', { n: 1 }, 'en-GB')).toBe('1 change');
    expect(fillText('{n, plural, one {# change} other {# changes}}', { n: 1.5 }, 'en-GB')).toBe('1.5 changes');
  });

  it('prefers an exact form and formats the number for the language', () => {
    const text = '{n, plural, =0 {ingen endringer} one {# endring} other {# endringer}}';
    expect(fillText(text, { n: 0 }, 'nb-NO')).toBe('ingen endringer');
    expect(fillText(text, { n: 1234 }, 'nb-NO')).toBe('1\u00a0234 endringer');
  });

  it('leaves a text without the variable as it is', () => {
    expect(fillText(levels, {}, 'nb-NO')).toBe(levels);
    expect(fillText('Hei {name}', undefined, 'nb-NO')).toBe('Hei {name}');
  });
});
