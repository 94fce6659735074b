import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../kernel/index.js';
import {
  addDays,
  assertEndAfterStart,
  changedColumns,
  coversPeriod,
  describePeriod,
  findCycle,
  holdsOn,
  overlaps,
  type DatedEdge,
} from './dated-versions.js';

const p = (validFrom: string, validTo: string | null) => ({ validFrom, validTo });

describe('[DATED_VERSIONS][PERIODS]', () => {
  it('holds from the first day up to, not including, the end', () => {
    expect(holdsOn(p('2020-01-01', '2021-01-01'), '2020-01-01')).toBe(true);
    expect(holdsOn(p('2020-01-01', '2021-01-01'), '2020-12-31')).toBe(true);
    expect(holdsOn(p('2020-01-01', '2021-01-01'), '2021-01-01')).toBe(false);
    expect(holdsOn(p('2020-01-01', '2021-01-01'), '2019-12-31')).toBe(false);
    expect(holdsOn(p('2020-01-01', null), '2999-01-01')).toBe(true);
  });

  it('overlaps when the periods share a day; touching end to start does not', () => {
    expect(overlaps(p('2020-01-01', '2020-06-01'), p('2020-06-01', null))).toBe(false);
    expect(overlaps(p('2020-01-01', '2020-06-02'), p('2020-06-01', null))).toBe(true);
    expect(overlaps(p('2020-01-01', null), p('2030-01-01', '2031-01-01'))).toBe(true);
    expect(overlaps(p('2021-01-01', null), p('2020-01-01', '2021-01-01'))).toBe(false);
  });

  it('covers a period only without gaps', () => {
    const versions = [p('2020-01-01', '2020-06-01'), p('2020-06-01', '2021-01-01')];
    expect(coversPeriod(versions, p('2020-03-01', '2020-12-01'))).toBe(true);
    expect(coversPeriod(versions, p('2020-03-01', '2021-01-01'))).toBe(true);
    expect(coversPeriod(versions, p('2020-03-01', '2021-01-02'))).toBe(false);
    expect(coversPeriod(versions, p('2020-03-01', null))).toBe(false);
    expect(coversPeriod(versions, p('2019-12-31', '2020-02-01'))).toBe(false);
    expect(coversPeriod([p('2020-01-01', '2020-05-01'), p('2020-06-01', null)], p('2020-02-01', '2020-07-01'))).toBe(false);
    expect(coversPeriod([p('2020-06-01', null), p('2020-01-01', '2020-06-01')], p('2020-02-01', null))).toBe(true);
  });

  it('counts calendar days across months and leap years', () => {
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
  });

  it('describes the last day a person reads, not the exclusive end', () => {
    expect(describePeriod(p('2020-01-01', '2021-01-01'))).toBe('fra 1.1.2020 til og med 31.12.2020');
    expect(describePeriod(p('2020-01-01', null))).toBe('fra 1.1.2020');
  });

  it('refuses an end on or before the start, with a Norwegian message', () => {
    expect(() => assertEndAfterStart(p('2020-01-01', null))).not.toThrow();
    expect(() => assertEndAfterStart(p('2020-01-01', '2020-01-02'))).not.toThrow();
    for (const end of ['2020-01-01', '2019-12-31']) {
      try {
        assertEndAfterStart(p('2020-01-01', end));
        expect.unreachable();
      } catch (error) {
        expect(isAppError(error) && error.code).toBe('invalid');
        expect((error as Error & { messageFor(l: string): string }).messageFor('nb')).toContain('må være etter startdatoen');
      }
    }
  });

  it('keeps only the fields that really change', () => {
    const version = { name: 'Skole', level: 3, districts: [1, 2], fte: '0.50', note: null };
    expect(changedColumns(version, { name: 'Skole', level: undefined, districts: [1, 2], fte: 0.5, note: null })).toEqual({});
    expect(changedColumns(version, { name: 'Ny skole', districts: [2], fte: 1, note: 'x' })).toEqual({
      name: 'Ny skole',
      districts: [2],
      fte: 1,
      note: 'x',
    });
  });
});

describe('[DATED_VERSIONS][CYCLES]', () => {
  const e = (from: string, to: string, validFrom = '2020-01-01', validTo: string | null = null): DatedEdge => ({
    from,
    to,
    validFrom,
    validTo,
  });

  it('finds the loop a new edge would close, in order', () => {
    const edges = [e('b', 'c'), e('c', 'a')];
    expect(findCycle(edges, e('a', 'b'))).toEqual({ date: '2020-01-01', path: ['a', 'b', 'c', 'a'] });
    expect(findCycle([e('b', 'a')], e('a', 'b'))).toEqual({ date: '2020-01-01', path: ['a', 'b', 'a'] });
    expect(findCycle([], e('a', 'a'))).not.toBeNull();
  });

  it('accepts a tree', () => {
    expect(findCycle([e('b', 'root'), e('c', 'b')], e('a', 'c'))).toBeNull();
  });

  it('looks on every day of the new edge, not only the first', () => {
    const later = [e('b', 'a', '2021-01-01')];
    expect(findCycle(later, e('a', 'b', '2020-01-01'))).toEqual({ date: '2021-01-01', path: ['a', 'b', 'a'] });
    expect(findCycle(later, e('a', 'b', '2020-01-01', '2021-01-01'))).toBeNull();
  });

  it('ignores edges that have ended before the new one starts', () => {
    expect(findCycle([e('b', 'a', '2019-01-01', '2020-01-01')], e('a', 'b', '2020-01-01'))).toBeNull();
  });
});
