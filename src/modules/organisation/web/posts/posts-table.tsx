import { Link, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useState } from 'react';
import type { PostsUnitRow } from '../../posts.schemas';
import { usePostsI18n } from './posts-i18n';

type Column = 'name' | 'budgeted' | 'positions' | 'filled' | 'vacant' | 'difference' | 'without';

const numericValue: Record<Exclude<Column, 'name'>, (row: PostsUnitRow) => number | null> = {
  budgeted: (r) => r.subtree.budgetedFte,
  positions: (r) => r.subtree.positionsFte,
  filled: (r) => r.subtree.filledFte,
  vacant: (r) => r.subtree.vacantFte,
  difference: (r) => (r.subtree.budgetedFte === null ? null : r.subtree.positionsFte - r.subtree.budgetedFte),
  without: (r) => r.subtree.positionsWithoutFte,
};

/**
 * The units directly under an area, each with everything under it: budgeted, positions’, filled and
 * vacant FTE and the positions against the budget. Sortable by any column (the header's button;
 * aria-sort says which); a unit's name opens it as the area.
 */
export function PostsTable({ rows, caption, date }: { rows: PostsUnitRow[]; caption: string; date: string }) {
  const { t, number, collator } = usePostsI18n();
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'name', descending: false });
  const columns: { id: Column; label: string }[] = [
    { id: 'name', label: t('col.unit') },
    { id: 'budgeted', label: t('col.budgeted') },
    { id: 'positions', label: t('col.positionsFte') },
    { id: 'filled', label: t('col.filled') },
    { id: 'vacant', label: t('col.vacant') },
    { id: 'difference', label: t('col.difference') },
    { id: 'without', label: t('col.withoutFte') },
  ];
  const sorted = [...rows].sort((a, b) => {
    let order: number;
    if (sort.column === 'name') order = collator.compare(a.name, b.name);
    else {
      // Unknown figures last, whichever way.
      const [x, y] = [numericValue[sort.column](a), numericValue[sort.column](b)];
      if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
      order = x - y || collator.compare(a.name, b.name);
    }
    return sort.descending ? -order : order;
  });
  const fte = (value: number | null) => (value === null ? t('unknown') : number(value));
  const signed = (value: number | null) => (value === null ? t('unknown') : value > 0 ? `+${number(value)}` : number(value));

  return (
    <div className="kp-table-scroll">
      <Table zebra data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((column) => (
              <Table.HeaderCell
                key={column.id}
                className={column.id === 'name' ? undefined : 'kp-data-table__num'}
                sort={sort.column === column.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                onClick={() =>
                  setSort((now) => ({ column: column.id, descending: now.column === column.id ? !now.descending : column.id !== 'name' }))
                }
              >
                {column.label}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {sorted.map((row) => (
            <Table.Row key={row.unitId}>
              <Table.HeaderCell scope="row">
                <Link asChild>
                  <RouterLink to="/organisasjon/stillinger-og-arsverk" search={{ dato: date, enhet: row.unitId }}>
                    {row.name}
                  </RouterLink>
                </Link>
              </Table.HeaderCell>
              <Table.Cell className="kp-data-table__num">{fte(row.subtree.budgetedFte)}</Table.Cell>
              <Table.Cell className="kp-data-table__num">{number(row.subtree.positionsFte)}</Table.Cell>
              <Table.Cell className="kp-data-table__num">{number(row.subtree.filledFte)}</Table.Cell>
              <Table.Cell className="kp-data-table__num">{number(row.subtree.vacantFte)}</Table.Cell>
              <Table.Cell className="kp-data-table__num">{signed(numericValue.difference(row))}</Table.Cell>
              <Table.Cell className="kp-data-table__num">{number(row.subtree.positionsWithoutFte)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
