import { describe, expect, it } from 'vitest';
import { indicatorStatus, thresholdsContradict } from './status.js';

const higher = { direction: 'higher' as const, greenAt: 70, redAt: 60 };
const lower = { direction: 'lower' as const, greenAt: 10, redAt: 15 };
const none = { direction: 'higher' as const, greenAt: null, redAt: null };

describe('indicator status', () => {
  it('higher is better: green from green_at, red below red_at, yellow between', () => {
    expect(indicatorStatus(70, higher)).toBe('green');
    expect(indicatorStatus(95, higher)).toBe('green');
    expect(indicatorStatus(69.9, higher)).toBe('yellow');
    expect(indicatorStatus(60, higher)).toBe('yellow');
    expect(indicatorStatus(59.9, higher)).toBe('red');
  });

  it('lower is better is mirrored', () => {
    expect(indicatorStatus(10, lower)).toBe('green');
    expect(indicatorStatus(3, lower)).toBe('green');
    expect(indicatorStatus(12, lower)).toBe('yellow');
    expect(indicatorStatus(15, lower)).toBe('yellow');
    expect(indicatorStatus(15.1, lower)).toBe('red');
  });

  it('equal thresholds leave no yellow', () => {
    const rule = { direction: 'higher' as const, greenAt: 70, redAt: 70 };
    expect(indicatorStatus(70, rule)).toBe('green');
    expect(indicatorStatus(69.99, rule)).toBe('red');
  });

  it('thresholds win over the target; without thresholds the target decides', () => {
    expect(indicatorStatus(65, higher, 50)).toBe('yellow');
    expect(indicatorStatus(50, none, 50)).toBe('green');
    expect(indicatorStatus(49, none, 50)).toBe('red');
    expect(indicatorStatus(9, { direction: 'lower', greenAt: null, redAt: null }, 10)).toBe('green');
    expect(indicatorStatus(11, { direction: 'lower', greenAt: null, redAt: null }, 10)).toBe('red');
  });

  it('no value, or nothing to judge by, gives none', () => {
    expect(indicatorStatus(null, higher)).toBe('none');
    expect(indicatorStatus(undefined, higher)).toBe('none');
    expect(indicatorStatus(Number.NaN, higher)).toBe('none');
    expect(indicatorStatus(50, none)).toBe('none');
    expect(indicatorStatus(50, none, null)).toBe('none');
  });

  it('finds contradicting thresholds', () => {
    expect(thresholdsContradict(higher)).toBe(false);
    expect(thresholdsContradict(lower)).toBe(false);
    expect(thresholdsContradict(none)).toBe(false);
    expect(thresholdsContradict({ direction: 'higher', greenAt: 60, redAt: 70 })).toBe(true);
    expect(thresholdsContradict({ direction: 'lower', greenAt: 15, redAt: 10 })).toBe(true);
    expect(thresholdsContradict({ direction: 'higher', greenAt: 60, redAt: null })).toBe(true);
    expect(thresholdsContradict({ direction: 'lower', greenAt: null, redAt: 4 })).toBe(true);
    expect(thresholdsContradict({ direction: 'lower', greenAt: 5, redAt: 5 })).toBe(false);
  });
});
