import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * A table with a caption that scrolls sideways on a narrow screen, and says so in words when there
 * are no rows. `numeric` names the columns (by index) that hold numbers: right-aligned with figures
 * of one width, so they line up.
 *
 * @example
 * <DataTable caption={t('hub.services')} headers={[t('service'), t('when')]} empty={t('hub.noServices')}
 *   rows={services.map((s) => ({ key: s.id, cells: [s.name, s.when] }))} rowHeaders />
 * <DataTable caption={t('unit.positions')} headers={[t('title'), t('fte')]} numeric={[1]} empty={t('none')}
 *   rows={positions.map((p) => ({ key: p.id, cells: [p.title, number(p.fte)] }))} />
 */
export function DataTable({
  caption,
  headers,
  rows,
  empty,
  rowHeaders = false,
  numeric = [],
  className,
}: {
  caption: string;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
  empty: string;
  /** The first cell of each row names the row (a th with scope row). */
  rowHeaders?: boolean;
  /** The columns (0-based) that hold numbers. */
  numeric?: readonly number[];
  className?: string;
}) {
  const align = (column: number) => (numeric.includes(column) ? 'kp-data-table__num' : undefined);
  if (rows.length === 0) {
    return (
      <Paragraph>
        <strong>{caption}:</strong> {empty}
      </Paragraph>
    );
  }
  return (
    <div className="kp-table-scroll">
      <Table zebra data-size="sm" className={className}>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {headers.map((header, i) => (
              <Table.HeaderCell key={header} className={align(i)}>
                {header}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 && rowHeaders ? (
                  <Table.HeaderCell key={i} scope="row" className={align(i)}>
                    {cell}
                  </Table.HeaderCell>
                ) : (
                  <Table.Cell key={i} className={align(i)}>
                    {cell}
                  </Table.Cell>
                ),
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
