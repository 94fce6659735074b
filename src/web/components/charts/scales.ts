import { scaleBand, scaleLinear } from 'd3-scale';

// The charts' scales and ticks: d3-scale's linear and band scales (the maths), our own SVG (the
// drawing), so every chart rounds its axis the same way.

export type Scale = ((value: number) => number) & { ticks: number[]; domain: [number, number] };

/**
 * A linear scale over the values, widened to nice round ticks. `zero` keeps 0 in the domain (bars
 * start at 0); `extra` adds values that must show (a target, a threshold). One value, or none, still
 * gives a usable axis.
 *
 * @example const y = valueScale(values, [plotBottom, plotTop], { zero: true }); y(42); y.ticks
 */
export function valueScale(
  values: (number | null | undefined)[],
  range: [number, number],
  { zero = false, extra = [], count = 5 }: { zero?: boolean; extra?: number[]; count?: number } = {},
): Scale {
  const known = [...values, ...extra].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (zero) known.push(0);
  let min = known.length ? Math.min(...known) : 0;
  let max = known.length ? Math.max(...known) : 1;
  if (min === max) {
    // A flat line: a band around it, so it sits mid-chart (or on 0 up to 1 when it is 0).
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    if (zero && min === 0) max = 1;
    else {
      min -= pad;
      max += pad;
    }
  }
  const scale = scaleLinear().domain([min, max]).range(range).nice(count);
  const [d0, d1] = scale.domain() as [number, number];
  // The ticks are d3's, rounded so 0.1 + 0.2 is shown as 0.3.
  const ticks = scale.ticks(count).map((tick) => Number(tick.toPrecision(12)));
  return Object.assign((value: number) => scale(value), { ticks, domain: [d0, d1] as [number, number] });
}

/** A plain linear mapping without nice rounding (dates as day numbers, for example). */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain[0] === domain[1] ? [domain[0], domain[0] + 1] : domain;
  const scale = scaleLinear().domain([d0, d1]).range(range);
  return (value) => scale(value);
}

export type Band = { start: (index: number) => number; width: number; step: number; centre: (index: number) => number };

/**
 * Evenly spaced slots for categories (bars, periods): the start and centre of slot `index`.
 * `padding` is the share of each step left empty between bars.
 */
export function bandScale(count: number, range: [number, number], padding = 0.3): Band {
  const indices = Array.from({ length: Math.max(1, count) }, (_, i) => i);
  const scale = scaleBand<number>()
    .domain(indices)
    .range(range)
    .paddingInner(padding)
    .paddingOuter(padding / 2);
  const width = scale.bandwidth();
  const start = (index: number) => scale(index) ?? range[0];
  return { start, width, step: scale.step(), centre: (index) => start(index) + width / 2 };
}

/** Points spread over the range, first and last at its ends (one point sits mid-range): a line chart's periods. */
export function pointScale(count: number, range: [number, number]): (index: number) => number {
  if (count <= 1) return () => (range[0] + range[1]) / 2;
  const scale = scaleLinear()
    .domain([0, count - 1])
    .range(range);
  return (index) => scale(index);
}
