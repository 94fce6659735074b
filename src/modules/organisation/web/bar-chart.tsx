import { Details, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useOrgI18n } from './i18n';

export type BarSeries = { name: string; values: (number | null)[] };

export type BarChartProps = {
  title: string;
  /** What the chart shows, in words (the SVG's <desc>): the figures themselves are in the table. */
  description: string;
  categories: string[];
  /** One or two series; two are drawn as pairs of bars. */
  series: BarSeries[];
  format: (value: number) => string;
  /** Per category: a limit to mark on the bar (e.g. a span-of-control threshold). */
  thresholds?: (number | null)[];
  thresholdLabel?: string;
  /** Per category: drawn in the warning style and said in words in the label. */
  flagged?: boolean[];
  flagText?: string;
  /** The table's first column heading. */
  categoryHeading: string;
};

const labelWidth = 240;
const valueWidth = 90;
const chartWidth = 720;
const barHeight = 18;
const barGap = 4;
const groupGap = 12;

/**
 * A horizontal bar chart, hand-written in SVG: a figure with a caption, the SVG as an image with
 * <title> and <desc>, and the same figures as a table for anyone who cannot see the bars.
 */
export function BarChart({
  title,
  description,
  categories,
  series,
  format,
  thresholds,
  thresholdLabel,
  flagged,
  flagText,
  categoryHeading,
}: BarChartProps) {
  const { t } = useOrgI18n();
  const ids = useId();
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)), ...(thresholds ?? []).map((v) => v ?? 0));
  const plotWidth = chartWidth - labelWidth - valueWidth;
  const groupHeight = series.length * barHeight + (series.length - 1) * barGap;
  const legendHeight = series.length > 1 ? 28 : 0;
  const height = legendHeight + categories.length * (groupHeight + groupGap) + 8;
  const scale = (value: number) => (value / max) * plotWidth;

  return (
    <figure className="kp-figure">
      <figcaption id={`${ids}-caption`}>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-desc`}
        viewBox={`0 0 ${chartWidth} ${height}`}
        width={chartWidth}
        className="kp-barchart"
      >
        <title id={`${ids}-title`}>{title}</title>
        <desc id={`${ids}-desc`}>{description}</desc>
        {series.length > 1 && (
          <g transform="translate(0 6)">
            {series.map((s, i) => (
              <g key={s.name} transform={`translate(${labelWidth + i * 180} 0)`}>
                <rect width={14} height={14} className={i === 0 ? 'kp-barchart__bar kp-barchart__bar--alt' : 'kp-barchart__bar'} />
                <text x={20} y={12} className="kp-barchart__label">
                  {s.name}
                </text>
              </g>
            ))}
          </g>
        )}
        <line x1={labelWidth} x2={labelWidth} y1={legendHeight} y2={height - 4} className="kp-barchart__axis" />
        {categories.map((category, c) => {
          const top = legendHeight + c * (groupHeight + groupGap) + 4;
          const flag = flagged?.[c];
          const threshold = thresholds?.[c];
          return (
            <g key={`${category}-${c}`} transform={`translate(0 ${top})`}>
              <text x={labelWidth - 8} y={groupHeight / 2 + 4} textAnchor="end" className="kp-barchart__label">
                {flag && flagText ? `${truncate(category, 36 - flagText.length - 1)} ${flagText}` : truncate(category, 36)}
              </text>
              {series.map((s, i) => {
                const value = s.values[c] ?? null;
                const y = i * (barHeight + barGap);
                const className =
                  series.length > 1 && i === 0
                    ? 'kp-barchart__bar kp-barchart__bar--alt'
                    : flag
                      ? 'kp-barchart__bar kp-barchart__bar--over'
                      : 'kp-barchart__bar';
                return (
                  <g key={s.name}>
                    {value !== null && value > 0 && (
                      <rect x={labelWidth} y={y} width={Math.max(scale(value), 1)} height={barHeight} className={className} />
                    )}
                    <text x={labelWidth + (value ? scale(value) : 0) + 6} y={y + barHeight / 2 + 4} className="kp-barchart__value">
                      {value === null ? t('common.notAvailable') : format(value)}
                    </text>
                  </g>
                );
              })}
              {threshold !== null && threshold !== undefined && (
                <line
                  x1={labelWidth + scale(threshold)}
                  x2={labelWidth + scale(threshold)}
                  y1={-2}
                  y2={groupHeight + 2}
                  className="kp-barchart__threshold"
                />
              )}
            </g>
          );
        })}
      </svg>
      <Details>
        <Details.Summary>{t('common.showTable')}</Details.Summary>
        <Details.Content>
          <div className="kp-table-scroll">
            <Table data-size="sm" zebra>
              <caption>{title}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{categoryHeading}</Table.HeaderCell>
                  {series.map((s) => (
                    <Table.HeaderCell key={s.name} className="kp-num">
                      {s.name}
                    </Table.HeaderCell>
                  ))}
                  {thresholds && <Table.HeaderCell className="kp-num">{thresholdLabel}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {categories.map((category, c) => (
                  <Table.Row key={`${category}-${c}`}>
                    <Table.HeaderCell scope="row">
                      {category}
                      {flagged?.[c] ? ` ${flagText ?? ''}` : ''}
                    </Table.HeaderCell>
                    {series.map((s) => {
                      const value = s.values[c] ?? null;
                      return (
                        <Table.Cell key={s.name} className="kp-num">
                          {value === null ? t('common.notAvailable') : format(value)}
                        </Table.Cell>
                      );
                    })}
                    {thresholds && (
                      <Table.Cell className="kp-num">
                        {thresholds[c] === null || thresholds[c] === undefined ? '–' : format(thresholds[c])}
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </Details.Content>
      </Details>
    </figure>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
