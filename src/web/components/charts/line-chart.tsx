import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ChartFigure, type FrameProps } from './chart-figure';
import { labelSize, lineHeight, planAxisLabels, reserveWidth, spreadLabels, textWidth, truncate } from './labels';
import { Marker, ShortLabel, YAxis, type LegendItem } from './marks';
import { seriesClass, seriesDash, seriesMarker, toneClass, type MarkerShape, type Tone } from './palette';
import { linearScale, pointScale, valueScale } from './scales';
import { firstAndLast } from './summary';

export type LinePoint = {
  /** The category's index, or a number on a numeric x axis (a date as a day number, say). */
  x: number;
  y: number;
  /** A point that stands out (a status, a deviation): its own colour and shape, so not by colour alone. */
  tone?: Tone;
  marker?: MarkerShape;
  size?: number;
  /** Said when the pointer rests on the point. */
  title?: string;
};

export type LineSeries = {
  name: string;
  points: LinePoint[];
  /** Drawn thicker (one's own municipality among others). */
  emphasis?: boolean;
  /** A planned or expected line: dashed. */
  dashed?: boolean;
  /** Draw a marker at each point (default); the marker shape is the series' own. */
  markers?: boolean;
  tone?: Tone;
};

/** A horizontal line at a value: a threshold or a target, labelled at the plot's right end. */
export type Reference = { value: number; label: string; tone: Tone; dash?: string };

type XAxis =
  { categories: string[] } | { domain: [number, number]; ticks: { value: number; label: string }[]; format: (x: number) => string };

/**
 * Lines over periods (or over a numeric x such as dates): one per series, each with its own marker
 * shape and dash, an optional target band and reference lines, and the series' names at the lines'
 * ends, pushed apart so they never overlap.
 *
 * @example
 * <LineChart title={t('x.title')} description={t('x.desc')} x={{ categories: periods }} format={number}
 *   series={regions.map((r) => ({ name: r.label, points: r.values.map((v) => ({ x: periods.indexOf(v.period), y: v.value })) }))}
 *   band={{ from: redAt, to: greenAt, tone: 'warning' }} endLabels />
 */
export function LineChart({
  x: xAxis,
  series,
  format,
  yTicks,
  references = [],
  band,
  endLabels = false,
  legend,
  width = 720,
  plotHeight = 200,
  table,
  ...frame
}: FrameProps & {
  x: XAxis;
  series: LineSeries[];
  format: (value: number) => string;
  /** Tick labels of one's own on the y axis (e.g. only the baseline and the target); else nice round ticks. */
  yTicks?: { value: number; label: string }[];
  references?: Reference[];
  /** A shaded band between two values (a target range). */
  band?: { from: number; to: number; tone: Tone };
  /** The series' names at the right end of their lines. */
  endLabels?: boolean;
  /** The legend; by default one entry per series when there are several. */
  legend?: LegendItem[];
  width?: number;
  plotHeight?: number;
  /** The table alternative (periods as rows), when the page does not show one beside. */
  table?: { heading: string };
}) {
  const { t } = useI18n();
  const ids = useId();
  const top = 16;
  const base = top + plotHeight;
  const y = valueScale(
    series.flatMap((s) => s.points.map((p) => p.y)),
    [base, top],
    { extra: [...references.map((r) => r.value), ...(band ? [band.from, band.to] : []), ...(yTicks ?? []).map((tick) => tick.value)] },
  );
  const ticks = yTicks ?? y.ticks.map((value) => ({ value, label: format(value) }));
  const left = Math.max(40, reserveWidth(ticks.map((tick) => tick.label)) + 10);
  const endMax = 20;
  const right = width - (endLabels ? reserveWidth(series.map((s) => truncate(s.name, endMax))) + 14 : 16);
  const categories = 'categories' in xAxis ? xAxis.categories : null;
  const numeric = 'categories' in xAxis ? null : xAxis;
  const x = numeric ? linearScale(numeric.domain, [left, right]) : pointScale(categories?.length ?? 0, [left, right]);
  const xLabel = (value: number) => (numeric ? numeric.format(value) : (categories?.[value] ?? ''));

  // Category labels under the axis: every n-th, counted back from the last period so the latest always shows.
  let xTicks: { x: number; label: string }[] = [];
  let xTickChars = 24;
  if (numeric) {
    const widest = Math.max(0, ...numeric.ticks.map((tick) => textWidth(tick.label)));
    const spread = spreadLabels(
      numeric.ticks.map((tick) => x(tick.value)),
      widest + 8,
      widest / 2,
      width - widest / 2,
    );
    xTicks = numeric.ticks.map((tick, i) => ({ x: spread[i]!, label: tick.label }));
  } else if (categories) {
    const step = categories.length > 1 ? (right - left) / (categories.length - 1) : right - left;
    const plan = planAxisLabels(categories, step, { ordered: true });
    xTickChars = plan.maxChars;
    xTicks = categories.flatMap((label, i) => ((categories.length - 1 - i) % plan.every === 0 ? [{ x: x(i), label }] : []));
  }

  const referenceY = spreadLabels(
    references.map((r) => y(r.value) - 4),
    lineHeight,
    top + labelSize,
    base - 2,
  );
  const ends = series.flatMap((s, k) => {
    const last = s.points.at(-1);
    return endLabels && last ? [{ k, name: s.name, wanted: y(last.y) + labelSize / 3 }] : [];
  });
  const endY = spreadLabels(
    ends.map((e) => e.wanted),
    lineHeight,
    top + labelSize / 3,
    base + labelSize / 3,
  );
  const colour = (s: LineSeries, k: number) => (s.tone ? toneClass(s.tone) : seriesClass(k));
  const summary = series
    .map((s) => {
      const span = firstAndLast(s.points.map((p) => p.y));
      if (!span) return '';
      const [first, last] = [s.points[span.first.index]!, s.points[span.last.index]!];
      return t('kit.chart.change', {
        series: s.name,
        first: format(first.y),
        firstLabel: xLabel(first.x),
        last: format(last.y),
        lastLabel: xLabel(last.x),
      });
    })
    .filter(Boolean)
    .join(' ');

  return (
    <ChartFigure
      {...frame}
      ids={ids}
      summary={summary}
      width={width}
      height={base + lineHeight + 18}
      legend={
        legend ??
        (series.length > 1
          ? series.map((s, k) => ({
              name: s.name,
              series: k,
              tone: s.tone,
              kind: 'line' as const,
              dash: s.dashed ? '6 4' : seriesDash(k),
              marker: s.markers === false ? undefined : seriesMarker(k),
            }))
          : [])
      }
      table={
        table && categories
          ? {
              heading: table.heading,
              columns: series.map((s) => s.name),
              rows: categories.map((category, i) => ({
                key: category,
                header: category,
                cells: series.map((s) => {
                  const point = s.points.find((p) => p.x === i);
                  return point ? format(point.y) : '–';
                }),
              })),
            }
          : undefined
      }
    >
      {band && (
        <rect
          x={left}
          width={right - left}
          y={y(Math.max(band.from, band.to))}
          height={Math.abs(y(band.from) - y(band.to))}
          className={`kp-chart__band ${toneClass(band.tone)}`}
        />
      )}
      <YAxis ticks={ticks} y={y} left={left} right={right} format={format} />
      <line x1={left} x2={left} y1={top} y2={base} className="kp-chart__axis" />
      <line x1={left} x2={right} y1={base} y2={base} className="kp-chart__axis" />
      {xTicks.map((tick) => (
        <ShortLabel
          key={`${tick.label}-${tick.x}`}
          x={tick.x}
          y={base + lineHeight + 4}
          text={tick.label}
          maxChars={xTickChars}
          anchor="middle"
        />
      ))}
      {references.map((r, i) => (
        <g key={`${r.label}-${r.value}`} className={`kp-chart__reference ${toneClass(r.tone)}`}>
          <line x1={left} x2={right} y1={y(r.value)} y2={y(r.value)} strokeDasharray={r.dash ?? '6 4'} />
          <text x={right} y={referenceY[i]} textAnchor="end" className="kp-chart__label kp-chart__label--tone">
            {r.label}
          </text>
        </g>
      ))}
      {series.map((s, k) => (
        <g key={`${s.name}-${k}`} className={colour(s, k)}>
          {/* One polyline per series and nothing else as a polyline: tests count the lines. */}
          {s.points.length > 1 && (
            <polyline
              points={s.points.map((p) => `${x(p.x)},${y(p.y)}`).join(' ')}
              className={s.emphasis ? 'kp-chart__line kp-chart__line--emphasis' : 'kp-chart__line'}
              strokeDasharray={s.dashed ? '6 4' : seriesDash(k)}
            />
          )}
          {s.markers !== false &&
            s.points.map((p) => (
              <Marker
                key={p.x}
                shape={p.marker ?? seriesMarker(k)}
                x={x(p.x)}
                y={y(p.y)}
                size={p.size ?? 4}
                className={p.tone ? toneClass(p.tone) : undefined}
              >
                {p.title}
              </Marker>
            ))}
        </g>
      ))}
      {ends.map((e, i) => (
        <ShortLabel key={e.k} x={right + 8} y={endY[i]!} text={e.name} maxChars={endMax} />
      ))}
    </ChartFigure>
  );
}
