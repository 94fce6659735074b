import { describe, expect, it } from 'vitest';
import { isUuid, todayInNorway } from './values.js';
import { counted } from './text.js';

describe('isUuid', () => {
  it('accepts a uuid in either case and refuses anything else', () => {
    expect(isUuid('0b6f3c1e-8a2d-4f5b-9c7e-1d2a3b4c5d6e')).toBe(true);
    expect(isUuid('0B6F3C1E-8A2D-4F5B-9C7E-1D2A3B4C5D6E')).toBe(true);
    expect(isUuid('0b6f3c1e-8a2d-4f5b-9c7e-1d2a3b4c5d6')).toBe(false);
    expect(isUuid("1' or '1'='1")).toBe(false);
  });
});

describe('todayInNorway', () => {
  it('is the date in Oslo, not on the server: late evening UTC is already tomorrow in summer and winter', () => {
    expect(todayInNorway(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInNorway(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInNorway(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12-31');
  });
});

describe('counted', () => {
  it('puts the noun in the singular for one and the plural otherwise, with the number formatted', () => {
    expect(counted('nb', 1, 'nivå', 'nivåer')).toBe('1 nivå');
    expect(counted('nb', 2, 'nivå', 'nivåer')).toBe('2 nivåer');
    expect(counted('nb', 0, 'endring', 'endringer')).toBe('0 endringer');
    expect(counted('nb', 1600, 'årsverk', 'årsverk')).toBe('1\u00a0600 årsverk');
    expect(counted('en', 1, 'level', 'levels')).toBe('1 level');
    expect(counted('en', 1.6, 'post', 'posts')).toBe('1.6 posts');
  });
});
