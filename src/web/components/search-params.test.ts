import { describe, expect, it } from 'vitest';
import { dateParam, flagParam, idParam, oneOf, pageParam, textParam } from './search-params';

describe('search params', () => {
  it('textParam trims, caps and drops the empty', () => {
    expect(textParam('  skole  ')).toBe('skole');
    expect(textParam('x'.repeat(300))).toHaveLength(200);
    expect(textParam('abcdef', 3)).toBe('abc');
    expect(textParam('   ')).toBeUndefined();
    expect(textParam('')).toBeUndefined();
    expect(textParam(42)).toBeUndefined();
    expect(textParam(['a'])).toBeUndefined();
  });

  it('dateParam takes only a real calendar day', () => {
    expect(dateParam('2026-02-28')).toBe('2026-02-28');
    expect(dateParam('2024-02-29')).toBe('2024-02-29');
    expect(dateParam('2026-02-30')).toBeUndefined();
    expect(dateParam('2025-02-29')).toBeUndefined();
    expect(dateParam('2026-13-01')).toBeUndefined();
    expect(dateParam('2026-1-5')).toBeUndefined();
    expect(dateParam('2026-01-05T00:00')).toBeUndefined();
    expect(dateParam(20260105)).toBeUndefined();
  });

  it('pageParam takes a whole page number above 1, from a number or a string', () => {
    expect(pageParam(2)).toBe(2);
    expect(pageParam('3')).toBe(3);
    for (const refused of [1, 0, -1, 1.5, '1.5', 'to', '', null, undefined, 1_000_000, Number.NaN, Infinity]) {
      expect(pageParam(refused), String(refused)).toBeUndefined();
    }
  });

  it('oneOf takes only an allowed value', () => {
    const statuses = ['open', 'closed'] as const;
    expect(oneOf('open', statuses)).toBe('open');
    expect(oneOf('Open', statuses)).toBeUndefined();
    expect(oneOf('deleted', statuses)).toBeUndefined();
    expect(oneOf(undefined, statuses)).toBeUndefined();
    expect(oneOf(['open'], statuses)).toBeUndefined();
  });

  it('idParam takes a UUID in either case', () => {
    expect(idParam('0b6f2c1e-9a4d-4f3b-8c2e-1d2e3f4a5b6c')).toBe('0b6f2c1e-9a4d-4f3b-8c2e-1d2e3f4a5b6c');
    expect(idParam('0B6F2C1E-9A4D-4F3B-8C2E-1D2E3F4A5B6C')).toBe('0B6F2C1E-9A4D-4F3B-8C2E-1D2E3F4A5B6C');
    expect(idParam('0b6f2c1e-9a4d-4f3b-8c2e-1d2e3f4a5b6')).toBeUndefined();
    expect(idParam(' 0b6f2c1e-9a4d-4f3b-8c2e-1d2e3f4a5b6c')).toBeUndefined();
    expect(idParam('42')).toBeUndefined();
    expect(idParam(42)).toBeUndefined();
  });

  it('flagParam is true from a link or the router, otherwise absent', () => {
    expect(flagParam(true)).toBe(true);
    expect(flagParam('true')).toBe(true);
    expect(flagParam(false)).toBeUndefined();
    expect(flagParam('false')).toBeUndefined();
    expect(flagParam('1')).toBeUndefined();
    expect(flagParam(undefined)).toBeUndefined();
  });
});
