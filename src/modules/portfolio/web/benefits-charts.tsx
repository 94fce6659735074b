import { useId } from 'react';
import { plannedValueOn, type Benefit } from '../benefits.schemas';
import { usePortfolioI18n } from './i18n';

// The benefits part's charts, hand-written SVG: each is an image with <title> and <desc>, and the
// figures are also in a table beside it (the measurements table, the realisation table).

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Baseline, the plan line to the target (flat after the expected date), and the measurements. */
export function TrendChart({ benefit }: { benefit: Benefit }) {
  const { t, number, shortDate } = usePortfolioI18n();
  const ids = useId();
  const width = 560;
  const height = 200;
  const pad = { left: 64, right: 16, top: 16, bottom: 32 };
  const lastMeasured = benefit.measurements.at(-1)?.measuredOn;
  const endDate = lastMeasured && lastMeasured > benefit.expectedDate ? lastMeasured : benefit.expectedDate;
  const x0 = day(benefit.baselineDate);
  const x1 = Math.max(day(endDate), x0 + 1);
  const values = [benefit.baselineValue, benefit.targetValue, ...benefit.measurements.map((m) => m.value)];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) max = min + 1;
  const margin = (max - min) * 0.08;
  min -= margin;
  max += margin;
  const x = (date: string) => pad.left + ((day(date) - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const y = (value: number) => pad.top + (1 - (value - min) / (max - min)) * (height - pad.top - pad.bottom);
  const plan = [benefit.baselineDate, benefit.expectedDate, endDate].map((d) => `${x(d)},${y(plannedValueOn(benefit, d))}`).join(' ');
  const measured = benefit.measurements.map((m) => `${x(m.measuredOn)},${y(m.value)}`).join(' ');
  const latest = benefit.latest ? `${number(benefit.latest.value)} (${shortDate(benefit.latest.measuredOn)})` : t('benefits.trendNone');
  const description = t('benefits.trendDesc', {
    baseline: number(benefit.baselineValue),
    baselineDate: shortDate(benefit.baselineDate),
    target: number(benefit.targetValue),
    expectedDate: shortDate(benefit.expectedDate),
    count: benefit.measurements.length,
    latest,
  });

  return (
    <figure className="kp-pf-trend">
      <svg
        role="img"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        className="kp-pf-trend__svg"
      >
        <title id={`${ids}-title`}>{t('benefits.trend', { title: benefit.title })}</title>
        <desc id={`${ids}-desc`}>{description}</desc>
        <line x1={pad.left} x2={pad.left} y1={pad.top} y2={height - pad.bottom} className="kp-pf-chart__axis" />
        <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} className="kp-pf-chart__axis" />
        {[benefit.baselineValue, benefit.targetValue].map((v, i) => (
          <text key={i} x={pad.left - 6} y={y(v) + 4} textAnchor="end" className="kp-pf-chart__label">
            {number(v)}
          </text>
        ))}
        <text x={pad.left} y={height - 10} className="kp-pf-chart__label">
          {shortDate(benefit.baselineDate)}
        </text>
        <text x={x(benefit.expectedDate)} y={height - 10} textAnchor="middle" className="kp-pf-chart__label">
          {shortDate(benefit.expectedDate)}
        </text>
        <polyline points={plan} className="kp-pf-trend__plan" />
        {benefit.measurements.length > 1 && <polyline points={measured} className="kp-pf-trend__measured" />}
        {benefit.measurements.map((m) => (
          <circle
            key={m.id}
            cx={x(m.measuredOn)}
            cy={y(m.value)}
            r={m.deviates ? 6 : 4}
            className={m.deviates ? 'kp-pf-trend__point kp-pf-trend__point--deviates' : 'kp-pf-trend__point'}
          />
        ))}
      </svg>
      <figcaption className="kp-pf-trend__legend">
        <span className="kp-pf-legend kp-pf-legend--plan">{t('benefits.legend.plan')}</span>
        <span className="kp-pf-legend kp-pf-legend--measured">{t('benefits.legend.measured')}</span>
        <span className="kp-pf-legend kp-pf-legend--deviation">{t('benefits.legend.deviation')}</span>
      </figcaption>
    </figure>
  );
}

/** Planned and realised kroner per category, as pairs of horizontal bars; the table beside it holds the figures. */
export function PlannedRealisedChart({
  title,
  description,
  rows,
}: {
  title: string;
  description: string;
  rows: { label: string; planned: number; realised: number }[];
}) {
  const { t, kroner } = usePortfolioI18n();
  const ids = useId();
  const labelWidth = 200;
  const valueWidth = 130;
  const width = 720;
  const bar = 16;
  const group = bar * 2 + 14;
  const legend = 28;
  const height = legend + rows.length * group + 8;
  const max = Math.max(1, ...rows.flatMap((r) => [r.planned, r.realised]));
  const scale = (v: number) => (v / max) * (width - labelWidth - valueWidth);
  return (
    <figure className="kp-pf-bars">
      <svg
        role="img"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        className="kp-pf-bars__svg"
      >
        <title id={`${ids}-title`}>{title}</title>
        <desc id={`${ids}-desc`}>{description}</desc>
        <g transform="translate(0 6)">
          <rect x={labelWidth} width={14} height={14} className="kp-pf-bars__planned" />
          <text x={labelWidth + 20} y={12} className="kp-pf-chart__label">
            {t('benefits.series.planned')}
          </text>
          <rect x={labelWidth + 160} width={14} height={14} className="kp-pf-bars__realised" />
          <text x={labelWidth + 180} y={12} className="kp-pf-chart__label">
            {t('benefits.series.realised')}
          </text>
        </g>
        {rows.map((r, i) => {
          const top = legend + i * group;
          return (
            <g key={`${r.label}-${i}`} transform={`translate(0 ${top})`}>
              <text x={labelWidth - 8} y={bar + 4} textAnchor="end" className="kp-pf-chart__label">
                {r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label}
              </text>
              <rect
                x={labelWidth}
                y={0}
                width={Math.max(scale(r.planned), r.planned > 0 ? 1 : 0)}
                height={bar}
                className="kp-pf-bars__planned"
              />
              <text x={labelWidth + scale(r.planned) + 6} y={bar - 3} className="kp-pf-chart__value">
                {kroner(r.planned)}
              </text>
              <rect
                x={labelWidth}
                y={bar + 2}
                width={Math.max(scale(r.realised), r.realised > 0 ? 1 : 0)}
                height={bar}
                className="kp-pf-bars__realised"
              />
              <text x={labelWidth + scale(r.realised) + 6} y={bar * 2 - 1} className="kp-pf-chart__value">
                {kroner(r.realised)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
