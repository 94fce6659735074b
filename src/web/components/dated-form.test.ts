import { afterEach, describe, expect, it, vi } from 'vitest';
import { changedFields, todayInNorway } from './dated-form';

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

describe('todayInNorway', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the day in Oslo, not in UTC', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-12-31T23:30:00Z'));
    expect(todayInNorway()).toBe('2026-01-01');
    vi.setSystemTime(new Date('2026-06-30T21:59:00Z'));
    expect(todayInNorway()).toBe('2026-06-30');
    vi.setSystemTime(new Date('2026-06-30T22:00:00Z'));
    expect(todayInNorway()).toBe('2026-07-01');
  });
});
