import { describe, expect, it } from 'vitest';
import { isUuid, todayInNorway } from './values.js';

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
