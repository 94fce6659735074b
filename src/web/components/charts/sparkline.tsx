import { Marker } from './marks';
import { linearScale, pointScale } from './scales';
import './charts.css';

/**
 * A small line in a table cell, the last value marked: an image named by `label`, which says the
 * values in words.
 *
 * @example <Sparkline points={row.sparkline} label={t('x.sparkline', { values: '2023: 62, 2024: 55' })} />
 */
export function Sparkline({
  points,
  label,
  width = 96,
  height = 24,
}: {
  points: { period: string; value: number }[];
  label: string;
  width?: number;
  height?: number;
}) {
  if (points.length === 0) return null;
  const x = pointScale(points.length, [2, width - 4]);
  const values = points.map((p) => p.value);
  const y = linearScale([Math.min(...values), Math.max(...values)], [height - 2, 2]);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg className="kp-chart-sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <path d={d} className="kp-chart-sparkline__line" />
      <Marker shape="circle" x={x(points.length - 1)} y={y(points.at(-1)!.value)} size={2.5} className="kp-chart-sparkline__end" />
    </svg>
  );
}
