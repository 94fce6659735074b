import { Details, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Legend, type LegendItem } from './marks';
import './charts.css';

/** What every chart type hands on to its frame unchanged. */
export type FrameProps = {
  title: string;
  /** What the chart shows, in words (the SVG's <desc>); a summary of the figures follows it. */
  description: string;
  /** Show the title as the figure's caption (off when a heading beside it says the same). */
  caption?: boolean;
  className?: string;
  /** The table disclosure's words, when a page says it its own way. */
  tableToggle?: string;
};

/** The chart's figures as a table: one row per category, its name in the row header. */
export type ChartTable = {
  /** The first column's heading (what a row is: a level, a month). */
  heading: string;
  /** The other columns' headings. */
  columns: string[];
  rows: { key: string; header: ReactNode; cells: ReactNode[] }[];
};

/**
 * The frame of every chart: a figure with the title as caption, the SVG as one image with <title>
 * and <desc> (the description, then a summary in words such as the highest and lowest values), an
 * optional legend, and the same figures as a table in a disclosure for anyone who cannot see the
 * chart. Chart types draw into it; pages use the chart types.
 *
 * @example
 * <ChartFigure ids={ids} title={t('x.title')} description={t('x.desc')} width={720} height={240} table={table}>
 *   <rect … />
 * </ChartFigure>
 */
export function ChartFigure({
  ids,
  title,
  description,
  summary,
  caption = true,
  className,
  width,
  height,
  legend = [],
  table,
  tableToggle,
  children,
}: FrameProps & {
  /** The id prefix (from useId) of the <title>, <desc> and patterns. */
  ids: string;
  /** The figures in words (from the chart type), read after the description. */
  summary?: string;
  width: number;
  height: number;
  legend?: LegendItem[];
  /** The table alternative, behind a «show as table» disclosure; leave it out when the page shows the figures beside. */
  table?: ChartTable;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <figure className={className ? `kp-chart ${className}` : 'kp-chart'}>
      {caption && <figcaption className="kp-chart__caption">{title}</figcaption>}
      <Legend items={legend} ids={ids} />
      <svg
        role="img"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-desc`}
        viewBox={`0 0 ${width} ${Math.ceil(height)}`}
        width={width}
        className="kp-chart__svg"
      >
        <title id={`${ids}-title`}>{title}</title>
        <desc id={`${ids}-desc`}>{[description, summary].filter(Boolean).join(' ')}</desc>
        {children}
      </svg>
      {table && (
        <Details>
          <Details.Summary>{tableToggle ?? t('kit.chart.showTable')}</Details.Summary>
          <Details.Content>
            <div className="kp-table-scroll">
              <Table data-size="sm" zebra>
                <caption>{title}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{table.heading}</Table.HeaderCell>
                    {table.columns.map((column) => (
                      <Table.HeaderCell key={column} className="kp-chart__num">
                        {column}
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {table.rows.map((row) => (
                    <Table.Row key={row.key}>
                      <Table.HeaderCell scope="row">{row.header}</Table.HeaderCell>
                      {row.cells.map((cell, i) => (
                        <Table.Cell key={i} className="kp-chart__num">
                          {cell}
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </Details.Content>
        </Details>
      )}
    </figure>
  );
}
