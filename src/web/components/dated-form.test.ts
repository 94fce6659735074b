import { describe, expect, it } from 'vitest';
import { changedFields, todayInNorway } from './dated-form';
import { todayInNorway as fromFormat } from './format';

describe('changedFields', () => {
  it('keeps only the fields whose new value differs from the one read', () => {
    expect(changedFields({ name: ['Fjell skole', 'Fjell skole'], code: ['FJ2', 'FJ'], note: ['', null] })).toEqual({
      code: 'FJ2',
      note: '',
    });
    expect(changedFields({ name: ['A', 'A'] })).toEqual({});
  });

  it('compares lists as sets', () => {
    expect(
      changedFields({
        services: [
          ['b', 'a'],
          ['a', 'b'],
        ],
      }),
    ).toEqual({});
    expect(changedFields({ services: [['a'], ['a', 'b']] })).toEqual({ services: ['a'] });
    expect(
      changedFields({
        services: [
          ['a', 'c'],
          ['a', 'b'],
        ],
      }),
    ).toEqual({ services: ['a', 'c'] });
  });
});

it('todayInNorway is the one in format.ts', () => {
  expect(todayInNorway).toBe(fromFormat);
});
