import type { SeriesPoint } from '../indicators.schemas';
import { useSteeringI18n } from './i18n';

// The indicators' charts: a small sparkline for the dashboard and a trend line with the thresholds
// for the indicator page. Both are SVG with a text alternative (a summary, or a table beside).

export function Sparkline({ points, label }: { points: { period: string; value: number }[]; label: string }) {
  if (points.length === 0) return null;
  const width = 96;
  const height = 24;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (points.length === 1 ? width / 2 : (i / (points.length - 1)) * (width - 4) + 2);
  const y = (v: number) => height - 2 - ((v - min) / span) * (height - 4);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg className="kp-st-sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={x(points.length - 1)} cy={y(values.at(-1)!)} r="2.5" fill="currentColor" />
    </svg>
  );
}

export function TrendChart({
  series,
  greenAt,
  redAt,
  unit,
  titleId,
}: {
  series: SeriesPoint[];
  greenAt: number | null;
  redAt: number | null;
  unit: string;
  titleId: string;
}) {
  const { t, number } = useSteeringI18n();
  const points = series.filter((p) => p.value !== null) as (SeriesPoint & { value: number })[];
  if (points.length === 0) return null;
  const width = 640;
  const height = 240;
  const pad = { left: 56, right: 16, top: 16, bottom: 36 };
  const candidates = [...points.map((p) => p.value), ...series.flatMap((p) => (p.target === null ? [] : [p.target]))];
  if (greenAt !== null) candidates.push(greenAt);
  if (redAt !== null) candidates.push(redAt);
  let min = Math.min(...candidates);
  let max = Math.max(...candidates);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => pad.top + innerH - ((v - min) / (max - min)) * innerH;
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const every = Math.max(1, Math.ceil(points.length / 8));
  const suffix = unit ? ` ${unit}` : '';
  return (
    <svg className="kp-st-trend" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
      <line x1={pad.left} x2={pad.left} y1={pad.top} y2={pad.top + innerH} stroke="currentColor" strokeOpacity="0.4" />
      <line x1={pad.left} x2={width - pad.right} y1={pad.top + innerH} y2={pad.top + innerH} stroke="currentColor" strokeOpacity="0.4" />
      {[min, (min + max) / 2, max].map((v) => (
        <text key={v} x={pad.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="currentColor">
          {number(v)}
        </text>
      ))}
      {greenAt !== null && (
        <g className="kp-st-threshold kp-st-threshold--green">
          <line x1={pad.left} x2={width - pad.right} y1={y(greenAt)} y2={y(greenAt)} strokeDasharray="6 4" />
          <text x={width - pad.right} y={y(greenAt) - 4} textAnchor="end" fontSize="11">
            {t('indicators.chart.green', { value: `${number(greenAt)}${suffix}` })}
          </text>
        </g>
      )}
      {redAt !== null && redAt !== greenAt && (
        <g className="kp-st-threshold kp-st-threshold--red">
          <line x1={pad.left} x2={width - pad.right} y1={y(redAt)} y2={y(redAt)} strokeDasharray="2 4" />
          <text x={width - pad.right} y={y(redAt) + 14} textAnchor="end" fontSize="11">
            {t('indicators.chart.red', { value: `${number(redAt)}${suffix}` })}
          </text>
        </g>
      )}
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" />
      {points.map((p, i) => (
        <g key={p.period}>
          <circle cx={x(i)} cy={y(p.value)} r="3.5" className={`kp-st-dot kp-st-dot--${p.status}`} />
          {i % every === 0 && (
            <text x={x(i)} y={height - 12} textAnchor="middle" fontSize="11" fill="currentColor">
              {p.period}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
