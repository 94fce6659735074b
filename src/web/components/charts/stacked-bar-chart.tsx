import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { BarSeries, ExtraColumn } from './bar-chart';
import { horizontalLayout, stackSegments } from './layout';
import { ChartFigure, type FrameProps } from './chart-figure';
import { labelSize } from './labels';
import { BarPatterns, SvgLabel, patternId } from './marks';
import { valueScale } from './scales';
import { extremes } from './summary';

/**
 * Horizontal bars made of one segment per series (each with its own pattern), the total at the end;
 * labels as in `BarChart`.
 *
 * @example
 * <StackedBarChart title={t('x.title')} description={t('x.desc')} categories={areas} format={number}
 *   series={[{ name: t('x.open'), values: open }, { name: t('x.closed'), values: closed }]} table={{ heading: t('x.area') }} />
 */
export function StackedBarChart({
  categories,
  series,
  format,
  table,
  width = 720,
  ...frame
}: FrameProps & {
  categories: string[];
  series: BarSeries[];
  format: (value: number) => string;
  table?: { heading: string; extra?: ExtraColumn[] };
  width?: number;
}) {
  const { t } = useI18n();
  const ids = useId();
  const segments = stackSegments(series, categories.length);
  const totals = categories.map((_, c) => segments.at(-1)?.[c]?.to ?? 0);
  const layout = horizontalLayout(categories, totals.map(format), 1, width);
  const x = valueScale(totals, [0, layout.plotWidth], { zero: true });
  const left = layout.labelWidth;
  const ends = extremes(totals);
  const total = t('kit.chart.total');
  return (
    <ChartFigure
      {...frame}
      ids={ids}
      summary={
        ends
          ? t('kit.chart.extremes', {
              series: total,
              maxLabel: categories[ends.max.index] ?? '',
              max: format(ends.max.value),
              minLabel: categories[ends.min.index] ?? '',
              min: format(ends.min.value),
            })
          : undefined
      }
      width={width}
      height={layout.height}
      legend={series.map((s, i) => ({ name: s.name, series: i, kind: 'bar' as const }))}
      table={
        table && {
          heading: table.heading,
          columns: [...series.map((s) => s.name), total, ...(table.extra ?? []).map((e) => e.name)],
          rows: categories.map((category, c) => ({
            key: `${category}-${c}`,
            header: category,
            cells: [
              ...series.map((s) => (s.values[c] === null || s.values[c] === undefined ? '–' : format(s.values[c]))),
              format(totals[c]!),
              ...(table.extra ?? []).map((e) => e.values[c]),
            ],
          })),
        }
      }
    >
      <BarPatterns ids={ids} count={series.length} />
      <line x1={left} x2={left} y1={0} y2={layout.height - 8} className="kp-chart__axis" />
      {categories.map((category, c) => {
        const row = layout.rows[c]!;
        return (
          <g key={`${category}-${c}`}>
            <SvgLabel x={left - 10} y={row.labelY} label={row.fitted} text={category} anchor="end" />
            {series.map((s, i) => {
              const { from, to } = segments[i]![c]!;
              return to > from ? (
                <rect
                  key={s.name}
                  x={left + x(from)}
                  y={row.barsTop}
                  width={Math.max(x(to) - x(from), 1)}
                  height={layout.group}
                  fill={`url(#${patternId(ids, i)})`}
                  className="kp-chart__bar kp-chart__bar--stacked"
                />
              ) : null;
            })}
            <text x={left + x(totals[c]!) + 6} y={row.barsTop + layout.group / 2 + labelSize / 3} className="kp-chart__value">
              {format(totals[c]!)}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
