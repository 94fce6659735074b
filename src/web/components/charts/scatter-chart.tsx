import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ChartFigure, type ChartTable, type FrameProps } from './chart-figure';
import { keepInside, labelSize, lineHeight, reserveWidth, textWidth } from './labels';
import { Marker, YAxis, type LegendItem } from './marks';
import { seriesClass, seriesMarker, toneClass, type Tone } from './palette';
import { valueScale } from './scales';

export type ScatterPoint = {
  key: string;
  x: number;
  y: number;
  /** Which group the point belongs to (its colour and marker shape), by index into `groups`. */
  group?: number;
  /** A point's size (e.g. small, medium, large effort), as the marker's half width in px. */
  size?: number;
  tone?: Tone;
  /** The point's name, said when the pointer rests on it. */
  title: string;
};

/**
 * Points by two values, e.g. value (y) against effort or cost (x): each group has its own colour
 * and marker shape, with a legend naming the groups.
 *
 * @example
 * <ScatterChart title={t('x.title')} description={t('x.desc')} xLabel={t('x.cost')} yLabel={t('x.score')}
 *   formatX={kroner} formatY={number} groups={[t('x.fits'), t('x.out')]}
 *   points={items.map((i) => ({ key: i.id, x: i.demand, y: i.score, group: i.fits ? 0 : 1, title: i.title }))} />
 */
export function ScatterChart({
  points,
  xLabel,
  yLabel,
  formatX,
  formatY,
  groups = [],
  yInclude = [],
  width = 720,
  plotHeight = 260,
  table,
  ...frame
}: FrameProps & {
  points: ScatterPoint[];
  xLabel: string;
  yLabel: string;
  formatX: (value: number) => string;
  formatY: (value: number) => string;
  groups?: string[];
  /** Values the y axis reaches whatever the points are (a score's whole 0–100). */
  yInclude?: number[];
  width?: number;
  plotHeight?: number;
  /** The table alternative: one row per point, named by its title. */
  table?: { heading: string };
}) {
  const { t } = useI18n();
  const ids = useId();
  const top = 16;
  const base = top + plotHeight;
  const y = valueScale(
    points.map((p) => p.y),
    [base, top],
    { zero: true, extra: yInclude },
  );
  const left = Math.max(40, reserveWidth(y.ticks.map(formatY)) + 10) + lineHeight + 6;
  const right = width - 16;
  const x = valueScale(
    points.map((p) => p.x),
    [left, right],
    { zero: true },
  );
  // The x ticks that fit side by side: d3's ticks, thinned until their labels are apart.
  const widest = Math.max(0, ...x.ticks.map((tick) => textWidth(formatX(tick))));
  const spacing = x.ticks.length > 1 ? x(x.ticks[1]!) - x(x.ticks[0]!) : Infinity;
  const every = Math.max(1, Math.ceil((widest + 8) / spacing));
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const summary = points.length
    ? t('kit.chart.points', {
        count: points.length,
        x: xLabel,
        xMin: formatX(Math.min(...xs)),
        xMax: formatX(Math.max(...xs)),
        y: yLabel,
        yMin: formatY(Math.min(...ys)),
        yMax: formatY(Math.max(...ys)),
      })
    : undefined;
  const legend: LegendItem[] = groups.map((name, i) => ({ name, series: i, kind: 'marker', marker: seriesMarker(i) }));
  const chartTable: ChartTable | undefined = table && {
    heading: table.heading,
    columns: [xLabel, yLabel],
    rows: points.map((p) => ({ key: p.key, header: p.title, cells: [formatX(p.x), formatY(p.y)] })),
  };
  // The axis titles sit outside the tick labels; the y title reads bottom to top.
  const yTitle = top + plotHeight / 2;
  return (
    <ChartFigure
      {...frame}
      ids={ids}
      summary={summary}
      width={width}
      height={base + 2 * lineHeight + 16}
      legend={legend}
      table={chartTable}
    >
      <YAxis ticks={y.ticks.map((value) => ({ value }))} y={y} left={left} right={right} format={formatY} />
      <line x1={left} x2={right} y1={base} y2={base} className="kp-chart__axis" />
      <line x1={left} x2={left} y1={top} y2={base} className="kp-chart__axis" />
      {x.ticks.map((tick, i) => {
        if (i % every !== 0) return null;
        // The last tick sits at the plot's right end: its label may not run past the chart.
        const at = keepInside(x(tick), formatX(tick), 0, width);
        return (
          <text key={tick} x={at.x} y={base + lineHeight + 2} textAnchor={at.anchor} className="kp-chart__label">
            {formatX(tick)}
          </text>
        );
      })}
      <text x={(left + right) / 2} y={base + 2 * lineHeight + 10} textAnchor="middle" className="kp-chart__label kp-chart__label--title">
        {xLabel}
      </text>
      <text
        x={labelSize}
        y={yTitle}
        textAnchor="middle"
        transform={`rotate(-90 ${labelSize} ${yTitle})`}
        className="kp-chart__label kp-chart__label--title"
      >
        {yLabel}
      </text>
      {points.map((p) => (
        <Marker
          key={p.key}
          shape={seriesMarker(p.group ?? 0)}
          x={x(p.x)}
          y={y(p.y)}
          size={p.size ?? 5}
          className={`kp-chart__point ${p.tone ? toneClass(p.tone) : seriesClass(p.group ?? 0)}`}
        >
          {p.title}
        </Marker>
      ))}
    </ChartFigure>
  );
}
