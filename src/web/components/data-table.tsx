import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

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
  const scroll = useRef<HTMLDivElement>(null);
  const overflowing = useOverflowing(scroll, rows.length);
  if (rows.length === 0) {
    return (
      <Paragraph>
        <strong>{caption}:</strong> {empty}
      </Paragraph>
    );
  }
  return (
    // A table wider than the screen scrolls; the keyboard can scroll it only if it can be focused (WCAG 2.1.1).
    <div ref={scroll} className="kp-table-scroll" {...(overflowing ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}>
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

/** Whether the element is wider inside than out (it scrolls sideways), followed as it resizes. */
function useOverflowing(ref: RefObject<HTMLElement | null>, rowCount: number): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const check = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref, rowCount]);
  return overflowing;
}
