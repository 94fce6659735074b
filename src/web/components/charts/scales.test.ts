import { describe, expect, it } from 'vitest';
import { stackSegments } from './layout';
import { markerPath, seriesClass, seriesMarker, seriesPattern } from './palette';
import { bandScale, linearScale, pointScale, valueScale } from './scales';
import { extremes, firstAndLast } from './summary';

describe('valueScale', () => {
  it('starts bars at zero and rounds the top to a nice tick', () => {
    const x = valueScale([3, 17, 42], [0, 400], { zero: true });
    expect(x.domain).toEqual([0, 50]);
    expect(x.ticks).toEqual([0, 10, 20, 30, 40, 50]);
    expect(x(0)).toBe(0);
    expect(x(50)).toBe(400);
  });

  it('leaves zero out for lines, and takes in the extra values (thresholds)', () => {
    const y = valueScale([62, 55, 58], [200, 0], { extra: [50, 70] });
    expect(y.domain).toEqual([50, 70]);
    expect(y(50)).toBe(200);
    expect(y(70)).toBe(0);
  });

  it('gives a flat line a band around it, and no values an axis from 0 to 1', () => {
    expect(valueScale([5, 5], [0, 100]).domain[0]).toBeLessThan(5);
    expect(valueScale([5, 5], [0, 100]).domain[1]).toBeGreaterThan(5);
    expect(valueScale([], [0, 100], { zero: true }).domain).toEqual([0, 1]);
    expect(valueScale([null, 0], [0, 100], { zero: true }).domain).toEqual([0, 1]);
  });

  it('rounds ticks so decimals print cleanly', () => {
    for (const tick of valueScale([0.1, 0.7], [0, 100]).ticks) expect(String(tick).length).toBeLessThanOrEqual(4);
  });
});

describe('band, point and linear scales', () => {
  it('spaces slots evenly with room between the bars', () => {
    const band = bandScale(4, [0, 400], 0.3);
    expect(band.step).toBeCloseTo(100, 0);
    expect(band.width).toBeLessThan(band.step);
    expect(band.start(1) - band.start(0)).toBeCloseTo(band.step);
    expect(band.centre(0)).toBeCloseTo(band.start(0) + band.width / 2);
  });

  it('puts the first and last period at the ends, one period in the middle', () => {
    const x = pointScale(5, [50, 450]);
    expect([x(0), x(4)]).toEqual([50, 450]);
    expect(pointScale(1, [50, 450])(0)).toBe(250);
  });

  it('maps a domain without widening it, and survives an empty one', () => {
    expect(linearScale([10, 20], [0, 100])(15)).toBe(50);
    expect(Number.isFinite(linearScale([3, 3], [0, 100])(3))).toBe(true);
  });
});

describe('summary figures', () => {
  it('finds the highest and lowest known value', () => {
    expect(extremes([3, null, 9, 1, 9])).toEqual({ max: { index: 2, value: 9 }, min: { index: 3, value: 1 } });
    expect(extremes([null, undefined])).toBeNull();
  });

  it('finds the first and last known value', () => {
    expect(firstAndLast([null, 4, 5, null])).toEqual({ first: { index: 1, value: 4 }, last: { index: 2, value: 5 } });
  });
});

describe('stacked segments', () => {
  it('stacks each series on the ones before, treating missing and negative values as 0', () => {
    const segments = stackSegments([{ values: [2, null] }, { values: [3, 4] }, { values: [-1, 1] }], 2);
    expect(segments.map((s) => s.map((seg) => [seg.from, seg.to]))).toEqual([
      [
        [0, 2],
        [0, 0],
      ],
      [
        [2, 5],
        [0, 4],
      ],
      [
        [5, 5],
        [4, 5],
      ],
    ]);
  });
});

describe('palette', () => {
  it('gives neighbouring series different marker shapes and bar patterns, not only colours', () => {
    for (let i = 0; i < 4; i += 1) {
      expect(seriesMarker(i)).not.toBe(seriesMarker(i + 1));
      expect(seriesPattern(i)).not.toBe(seriesPattern(i + 1));
      expect(seriesClass(i)).not.toBe(seriesClass(i + 1));
    }
  });

  it('draws every marker shape as a closed path', () => {
    for (const shape of ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'cross'] as const)
      expect(markerPath(shape, 10, 10)).toMatch(/^M.*Z$/);
  });
});
