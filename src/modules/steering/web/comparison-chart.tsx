import { useId } from 'react';
import type { ComparisonSeries } from '../imports.schemas';

// A line chart hand-written in SVG: one line per region over the periods, a legend, the series'
// names at the ends of the lines, and a <title>/<desc>; the figures themselves are in the table
// the page shows beside it.

/** Colours with at least 3:1 contrast against white, each line also with its own marker shape. */
export const seriesColours = ['#1f5fa8', '#b3261e', '#1b7a3e', '#7a3db8', '#a35200', '#00707a', '#5c5c5c', '#a3195b'];

const width = 760;
const height = 340;
const margin = { top: 16, right: 150, bottom: 36, left: 56 };

function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= max + step * 0.5; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function Marker({ shape, x, y, colour }: { shape: number; x: number; y: number; colour: string }) {
  switch (shape % 4) {
    case 0:
      return <circle cx={x} cy={y} r={4} fill={colour} />;
    case 1:
      return <rect x={x - 4} y={y - 4} width={8} height={8} fill={colour} />;
    case 2:
      return <path d={`M${x},${y - 5} L${x + 5},${y + 4} L${x - 5},${y + 4} Z`} fill={colour} />;
    default:
      return <path d={`M${x},${y - 5} L${x + 5},${y} L${x},${y + 5} L${x - 5},${y} Z`} fill={colour} />;
  }
}

export function ComparisonChart({
  title,
  description,
  periods,
  series,
  format,
}: {
  title: string;
  description: string;
  periods: string[];
  series: ComparisonSeries[];
  format: (value: number) => string;
}) {
  const ids = useId();
  const values = series.flatMap((s) => s.values.map((v) => v.value));
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const yMin = ticks[0]!;
  const yMax = ticks[ticks.length - 1]!;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (period: string) =>
    margin.left + (periods.length === 1 ? plotWidth / 2 : (periods.indexOf(period) / (periods.length - 1)) * plotWidth);
  const y = (value: number) => margin.top + plotHeight - ((value - yMin) / (yMax - yMin || 1)) * plotHeight;
  const every = Math.max(1, Math.ceil(periods.length / 10));
  // End labels, nudged apart so they do not overlap.
  const ends = series
    .map((s, k) => ({ k, label: s.label, last: s.values[s.values.length - 1] }))
    .filter((e) => e.last)
    .map((e) => ({ ...e, y: y(e.last!.value) }))
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i += 1) if (ends[i]!.y - ends[i - 1]!.y < 14) ends[i]!.y = ends[i - 1]!.y + 14;

  return (
    <figure className="kp-st-chart">
      <figcaption id={`${ids}-caption`}>{title}</figcaption>
      <ul className="kp-st-legend" aria-hidden="true">
        {series.map((s, k) => (
          <li key={s.region ?? 'own'}>
            <span className="kp-st-swatch" style={{ background: seriesColours[k % seriesColours.length] }} />
            {s.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${ids}-title ${ids}-desc`}>
        <title id={`${ids}-title`}>{title}</title>
        <desc id={`${ids}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="kp-st-grid" x1={margin.left} x2={margin.left + plotWidth} y1={y(tick)} y2={y(tick)} />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        <line
          className="kp-st-axis"
          x1={margin.left}
          x2={margin.left + plotWidth}
          y1={margin.top + plotHeight}
          y2={margin.top + plotHeight}
        />
        {periods.map((period, i) =>
          i % every === 0 || i === periods.length - 1 ? (
            <text key={period} x={x(period)} y={height - 12} textAnchor="middle">
              {period}
            </text>
          ) : null,
        )}
        {series.map((s, k) => {
          const colour = seriesColours[k % seriesColours.length]!;
          const points = s.values.filter((v) => periods.includes(v.period));
          return (
            <g key={s.region ?? 'own'}>
              {points.length > 1 && (
                <polyline
                  fill="none"
                  stroke={colour}
                  strokeWidth={s.own ? 3 : 2}
                  points={points.map((v) => `${x(v.period)},${y(v.value)}`).join(' ')}
                />
              )}
              {points.map((v) => (
                <Marker key={v.period} shape={k} x={x(v.period)} y={y(v.value)} colour={colour} />
              ))}
            </g>
          );
        })}
        {ends.map((e) => (
          <text key={e.k} x={margin.left + plotWidth + 8} y={e.y + 4}>
            {e.label.length > 20 ? `${e.label.slice(0, 19)}…` : e.label}
          </text>
        ))}
      </svg>
    </figure>
  );
}
