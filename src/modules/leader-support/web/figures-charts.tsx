import { Details, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useSupportI18n } from './i18n';

// Hand-written SVG charts for the figures page: each a figure with a caption, the SVG an image with
// <title> and <desc>, and the same numbers as a table in a disclosure for anyone who cannot see it.

export type Series = { name: string; values: (number | null)[] };

interface ChartTable {
  /** The table's first column heading, its row names and any columns beyond the charted series. */
  heading: string;
  extra?: { name: string; values: ReactNode[] }[];
}

function ChartFigure({
  title,
  description,
  viewBox,
  width,
  svg,
  categories,
  series,
  format,
  table,
}: {
  title: string;
  description: string;
  viewBox: string;
  width: number;
  svg: ReactNode;
  categories: string[];
  series: Series[];
  format: (value: number) => string;
  table: ChartTable;
}) {
  const { t } = useSupportI18n();
  return (
    <figure className="kp-figures-chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={`${title}. ${description}`} className="kp-figures-chart__svg" viewBox={viewBox} width={width}>
        <title>{title}</title>
        <desc>{description}</desc>
        {svg}
      </svg>
      <Details>
        <Details.Summary>{t('figures.showTable')}</Details.Summary>
        <Details.Content>
          <div className="kp-figures-scroll">
            <Table data-size="sm" zebra>
              <caption>{title}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{table.heading}</Table.HeaderCell>
                  {series.map((s) => (
                    <Table.HeaderCell key={s.name} className="kp-figures-num">
                      {s.name}
                    </Table.HeaderCell>
                  ))}
                  {table.extra?.map((column) => (
                    <Table.HeaderCell key={column.name} className="kp-figures-num">
                      {column.name}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {categories.map((category, c) => (
                  <Table.Row key={`${category}-${c}`}>
                    <Table.HeaderCell scope="row">{category}</Table.HeaderCell>
                    {series.map((s) => (
                      <Table.Cell key={s.name} className="kp-figures-num">
                        {s.values[c] === null || s.values[c] === undefined ? '–' : format(s.values[c])}
                      </Table.Cell>
                    ))}
                    {table.extra?.map((column) => (
                      <Table.Cell key={column.name} className="kp-figures-num">
                        {column.values[c]}
                      </Table.Cell>
                    ))}
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

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** Horizontal bars, one or two series (two drawn as pairs). */
export function BarChart(props: {
  title: string;
  description: string;
  categories: string[];
  series: Series[];
  format: (value: number) => string;
  table: ChartTable;
}) {
  const { categories, series, format } = props;
  const labelWidth = 220;
  const valueWidth = 80;
  const width = 720;
  const bar = 16;
  const gap = 3;
  const groupGap = 10;
  const legend = series.length > 1 ? 26 : 0;
  const group = series.length * bar + (series.length - 1) * gap;
  const height = legend + categories.length * (group + groupGap) + 6;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const scale = (value: number) => (value / max) * (width - labelWidth - valueWidth);
  const svg = (
    <>
      {series.length > 1 &&
        series.map((s, i) => (
          <g key={s.name} transform={`translate(${labelWidth + i * 170} 4)`}>
            <rect width={12} height={12} className={`kp-figures-bar kp-figures-bar--${i}`} />
            <text x={18} y={11} className="kp-figures-label">
              {s.name}
            </text>
          </g>
        ))}
      <line x1={labelWidth} x2={labelWidth} y1={legend} y2={height - 2} className="kp-figures-axis" />
      {categories.map((category, c) => (
        <g key={`${category}-${c}`} transform={`translate(0 ${legend + c * (group + groupGap) + 3})`}>
          <text x={labelWidth - 8} y={group / 2 + 4} textAnchor="end" className="kp-figures-label">
            {truncate(category, 34)}
          </text>
          {series.map((s, i) => {
            const value = s.values[c] ?? null;
            const y = i * (bar + gap);
            return (
              <g key={s.name}>
                {value !== null && value > 0 && (
                  <rect
                    x={labelWidth}
                    y={y}
                    width={Math.max(scale(value), 1)}
                    height={bar}
                    className={`kp-figures-bar kp-figures-bar--${i}`}
                  />
                )}
                <text x={labelWidth + (value ? scale(value) : 0) + 6} y={y + bar / 2 + 4} className="kp-figures-label">
                  {value === null ? '–' : format(value)}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </>
  );
  return <ChartFigure {...props} viewBox={`0 0 ${width} ${height}`} width={width} svg={svg} />;
}

/** Vertical columns over time (a month each), with the value on a left axis. */
export function ColumnChart(props: {
  title: string;
  description: string;
  categories: string[];
  series: Series[];
  format: (value: number) => string;
  table: ChartTable;
}) {
  const { categories, series, format } = props;
  const values = series[0]?.values ?? [];
  const width = 720;
  const height = 240;
  const left = 56;
  const bottom = 36;
  const top = 12;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const slot = (width - left - 8) / Math.max(1, categories.length);
  const barWidth = Math.max(4, slot * 0.7);
  const ticks = [0, max / 2, max];
  const every = Math.ceil(categories.length / 12);
  const svg = (
    <>
      {ticks.map((tick) => {
        const y = top + plotHeight - (tick / max) * plotHeight;
        return (
          <g key={tick}>
            <line x1={left} x2={width - 4} y1={y} y2={y} className="kp-figures-grid" />
            <text x={left - 6} y={y + 4} textAnchor="end" className="kp-figures-label">
              {format(Math.round(tick))}
            </text>
          </g>
        );
      })}
      {categories.map((category, c) => {
        const value = values[c] ?? 0;
        const h = (value / max) * plotHeight;
        const x = left + c * slot + (slot - barWidth) / 2;
        return (
          <g key={`${category}-${c}`}>
            {h > 0 && <rect x={x} y={top + plotHeight - h} width={barWidth} height={h} className="kp-figures-bar kp-figures-bar--0" />}
            {c % every === 0 && (
              <text x={x + barWidth / 2} y={height - bottom + 16} textAnchor="middle" className="kp-figures-label">
                {category}
              </text>
            )}
          </g>
        );
      })}
      <line x1={left} x2={width - 4} y1={top + plotHeight} y2={top + plotHeight} className="kp-figures-axis" />
    </>
  );
  return <ChartFigure {...props} viewBox={`0 0 ${width} ${height}`} width={width} svg={svg} />;
}
