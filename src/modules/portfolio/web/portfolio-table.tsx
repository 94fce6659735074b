import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/** A column heading; `false` leaves the column out (a column only some users see). */
export type Header = string | { label: string; className: string } | false;

/**
 * The portfolio's tables: a caption, one header row and the rows given as children, in a wrapper that
 * scrolls sideways on a narrow screen (`scroll` 'focusable' lets the keyboard scroll it; false: no wrapper).
 */
export function PortfolioTable({
  caption,
  headers,
  className,
  zebra = false,
  scroll = true,
  children,
}: {
  caption: ReactNode;
  headers: Header[];
  className?: string;
  zebra?: boolean;
  scroll?: boolean | 'focusable';
  children: ReactNode;
}) {
  const table = (
    <Table data-size="sm" zebra={zebra} className={className}>
      <caption>{caption}</caption>
      <Table.Head>
        <Table.Row>
          {headers.map((header) =>
            header === false ? null : typeof header === 'string' ? (
              <Table.HeaderCell key={header}>{header}</Table.HeaderCell>
            ) : (
              <Table.HeaderCell key={header.label} className={header.className}>
                {header.label}
              </Table.HeaderCell>
            ),
          )}
        </Table.Row>
      </Table.Head>
      <Table.Body>{children}</Table.Body>
    </Table>
  );
  if (!scroll) return table;
  return (
    <div className="kp-table-scroll" tabIndex={scroll === 'focusable' ? 0 : undefined}>
      {table}
    </div>
  );
}
