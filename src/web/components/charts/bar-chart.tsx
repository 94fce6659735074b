import { useId, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ChartFigure, type ChartTable, type FrameProps } from './chart-figure';
import { labelSize, planAxisLabels, reserveWidth, textWidth, truncate } from './labels';
import { barGap, barSize, groupGap, horizontalLayout } from './layout';
import { BarPatterns, ShortLabel, SvgLabel, YAxis, patternId, tonePatternId } from './marks';
import { bandScale, valueScale } from './scales';
import { extremes } from './summary';

export type BarSeries = { name: string; values: (number | null)[] };

/** Columns the table shows beyond the charted series (figures that are not drawn). */
export type ExtraColumn = { name: string; values: ReactNode[] };

export type BarChartProps = FrameProps & {
  categories: string[];
  /** One or more series; several are drawn side by side, each with its own pattern. */
  series: BarSeries[];
  format: (value: number) => string;
  /** Bars along x from labels on the left (the default), or columns up from an axis of categories. */
  orientation?: 'horizontal' | 'vertical';
  /** Columns: the categories are in order (months), so a crowded axis shows every n-th label rather than slanting them. */
  ordered?: boolean;
  /** Per category: a limit to mark across the bar (e.g. a span-of-control threshold). */
  thresholds?: (number | null)[];
  thresholdLabel?: string;
  /** Per category: drawn hatched in the danger colour, and said in words after the label. */
  flagged?: boolean[];
  flagText?: string;
  /** The table alternative's first column heading and any columns beyond the series; leave out when the page shows a table beside. */
  table?: { heading: string; extra?: ExtraColumn[] };
  /** What a missing value says (default –). */
  missing?: string;
  width?: number;
};

/**
 * A bar chart: horizontal bars with the category labels on the left (wrapped, never overlapping)
 * and the values at the bars' ends, or vertical columns over an axis of categories. The figures are
 * also in the table alternative.
 *
 * @example
 * <BarChart title={t('x.title')} description={t('x.desc')} categories={levels} format={number}
 *   series={[{ name: t('x.units'), values: units }]} table={{ heading: t('x.level') }} />
 */
export function BarChart({
  categories,
  series,
  format,
  orientation,
  ordered,
  flagged,
  flagText,
  thresholds,
  thresholdLabel,
  missing = '–',
  table,
  width = 720,
  ...frame
}: BarChartProps) {
  const { t } = useI18n();
  const ids = useId();
  const show = (value: number | null | undefined) => (value === null || value === undefined ? missing : format(value));
  const labels = categories.map((category, c) => (flagged?.[c] && flagText ? `${category} ${flagText}` : category));
  const summary = series
    .map((s) => {
      const ends = extremes(s.values);
      if (!ends) return '';
      const [max, min] = [ends.max, ends.min];
      return t('kit.chart.extremes', {
        series: s.name,
        maxLabel: categories[max.index] ?? '',
        max: format(max.value),
        minLabel: categories[min.index] ?? '',
        min: format(min.value),
      });
    })
    .filter(Boolean)
    .join(' ');
  const chartTable: ChartTable | undefined = table && {
    heading: table.heading,
    columns: [...series.map((s) => s.name), ...(thresholds ? [thresholdLabel ?? ''] : []), ...(table.extra ?? []).map((e) => e.name)],
    rows: categories.map((category, c) => ({
      key: `${category}-${c}`,
      header: labels[c],
      cells: [
        ...series.map((s) => show(s.values[c])),
        ...(thresholds ? [show(thresholds[c])] : []),
        ...(table.extra ?? []).map((e) => e.values[c]),
      ],
    })),
  };
  const fill = (s: number, c: number) => `url(#${flagged?.[c] ? tonePatternId(ids, 'danger') : patternId(ids, s)})`;
  const drawn = orientation === 'vertical' ? vertical() : horizontal();

  function horizontal() {
    const layout = horizontalLayout(
      categories,
      [missing, ...series.flatMap((s) => s.values.map(show))],
      series.length,
      width,
      categories.map((_, c) => (flagged?.[c] ? flagText : undefined)),
    );
    const x = valueScale(
      series.flatMap((s) => s.values),
      [0, layout.plotWidth],
      { zero: true, extra: (thresholds ?? []).filter((v): v is number => v !== null) },
    );
    const left = layout.labelWidth;
    return {
      height: layout.height,
      svg: (
        <>
          <line x1={left + x(0)} x2={left + x(0)} y1={0} y2={layout.height - groupGap + 4} className="kp-chart__axis" />
          {categories.map((category, c) => {
            const row = layout.rows[c]!;
            const threshold = thresholds?.[c];
            const mark = threshold !== null && threshold !== undefined ? x(threshold) : null;
            return (
              <g key={`${category}-${c}`}>
                <SvgLabel x={left - 10} y={row.labelY} label={row.fitted} text={labels[c]!} anchor="end" />
                {series.map((s, i) => {
                  const value = s.values[c] ?? null;
                  const y = row.barsTop + i * (barSize + barGap);
                  const from = x(Math.min(0, value ?? 0));
                  const to = x(Math.max(0, value ?? 0));
                  return (
                    <g key={s.name}>
                      {value !== null && value !== 0 && (
                        <rect
                          x={left + from}
                          y={y}
                          width={Math.max(to - from, 1)}
                          height={barSize}
                          fill={fill(i, c)}
                          className="kp-chart__bar"
                        />
                      )}
                      <text x={left + valueX(to, show(value), mark)} y={y + barSize / 2 + labelSize / 3} className="kp-chart__value">
                        {show(value)}
                      </text>
                    </g>
                  );
                })}
                {threshold !== null && threshold !== undefined && (
                  <line
                    x1={left + x(threshold)}
                    x2={left + x(threshold)}
                    y1={row.barsTop - 3}
                    y2={row.barsTop + layout.group + 3}
                    className="kp-chart__threshold"
                  />
                )}
              </g>
            );
          })}
        </>
      ),
    };
  }

  function vertical() {
    const plotHeight = 190;
    const top = 12;
    const y = valueScale(
      series.flatMap((s) => s.values),
      [top + plotHeight, top],
      { zero: true },
    );
    let left = Math.max(40, reserveWidth(y.ticks.map(format)) + 10);
    let band = bandScale(categories.length, [left, width - 8], 0.3);
    let axis = planAxisLabels(labels, band.step, { ordered });
    if (axis.angle) {
      // The first slanted label reaches left of its column: make room for it.
      const reach = textWidth(truncate(labels[0] ?? '', axis.maxChars)) * Math.SQRT1_2 - band.step / 2 + 4;
      left = Math.max(left, Math.ceil(reach));
      band = bandScale(categories.length, [left, width - 8], 0.3);
      axis = planAxisLabels(labels, band.step, { ordered });
    }
    const sub = band.width / Math.max(1, series.length);
    const base = top + plotHeight;
    return {
      height: base + axis.height + 8,
      svg: (
        <>
          <YAxis ticks={y.ticks.map((value) => ({ value }))} y={y} left={left} right={width - 4} format={format} />
          {categories.map((category, c) => (
            <g key={`${category}-${c}`}>
              {series.map((s, i) => {
                const value = s.values[c] ?? null;
                if (value === null || value === 0) return null;
                const [y0, y1] = [y(Math.max(0, value)), y(Math.min(0, value))];
                return (
                  <rect
                    key={s.name}
                    x={band.start(c) + i * sub}
                    y={y0}
                    width={sub}
                    height={Math.max(y1 - y0, 1)}
                    fill={fill(i, c)}
                    className="kp-chart__bar"
                  />
                );
              })}
              {c % axis.every === 0 && (
                <ShortLabel
                  x={band.centre(c)}
                  y={base + 14}
                  text={labels[c]!}
                  maxChars={axis.maxChars}
                  anchor={axis.angle ? 'end' : 'middle'}
                  transform={axis.angle ? `rotate(${-axis.angle} ${band.centre(c)} ${base + 14})` : undefined}
                />
              )}
            </g>
          ))}
          <line x1={left} x2={width - 4} y1={y(0)} y2={y(0)} className="kp-chart__axis" />
        </>
      ),
    };
  }

  return (
    <ChartFigure
      {...frame}
      ids={ids}
      summary={summary}
      width={width}
      height={drawn.height}
      legend={series.length > 1 ? series.map((s, i) => ({ name: s.name, series: i, kind: 'bar' as const })) : []}
      table={chartTable}
    >
      <BarPatterns ids={ids} count={series.length} tones={flagged?.some(Boolean) ? ['danger'] : []} />
      {drawn.svg}
    </ChartFigure>
  );
}

/** Where a value label starts: after the bar, or after the threshold mark when the label would cross it. */
function valueX(barEnd: number, text: string, mark: number | null): number {
  const start = barEnd + 6;
  return mark !== null && mark > barEnd - 2 && mark < start + textWidth(text) + 2 ? mark + 6 : start;
}
