import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal } from './decimal';

describe('parseDecimal', () => {
  it('reads a decimal comma or point and spaces between thousands', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal(' 12.5 ')).toBe(12.5);
    expect(parseDecimal('1 000')).toBe(1000);
    expect(formatDecimal(0.8)).toBe('0,8');
  });

  it('refuses what is not a plain number', () => {
    for (const text of ['', 'abc', '-1', '1,2,3', '1e3', '12,']) expect(parseDecimal(text)).toBeNaN();
  });
});
