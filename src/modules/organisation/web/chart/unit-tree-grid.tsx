import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TreeUnit } from '../../organisation.schemas';
import { kindKey, useOrgI18n } from '../i18n';
import { ancestorsOf, expandedToLevels, visibleNodes, type UnitTree, type VisibleNode } from './tree-model';

const columnCount = 5;

export type UnitTreeGridProps = {
  tree: UnitTree;
  roots: TreeUnit[];
  levels: number;
  caption: string;
  unitHref: (id: string) => string;
  onOpen: (id: string) => void;
};

/**
 * The accessible alternative to the chart: the same units as an ARIA treegrid, operated as the
 * WAI-ARIA treegrid pattern describes (rows first): arrows move, expand and collapse, Home/End
 * jump, Enter opens the unit's page. One tab stop (roving tabindex).
 */
export function UnitTreeGrid({ tree, roots, levels, caption, unitHref, onOpen }: UnitTreeGridProps) {
  const { t, number } = useOrgI18n();
  const helpId = useId();
  const [expanded, setExpanded] = useState<Set<string>>(() => expandedToLevels(tree, roots, levels));
  const shownFor = useRef({ tree, roots, levels });
  useEffect(() => {
    if (shownFor.current.tree === tree && shownFor.current.roots === roots && shownFor.current.levels === levels) return;
    shownFor.current = { tree, roots, levels };
    setExpanded(expandedToLevels(tree, roots, levels));
  }, [tree, roots, levels]);

  const rows = useMemo(() => visibleNodes(tree, roots, expanded), [tree, roots, expanded]);
  // The active row and cell (-1: the row itself has focus). A row that is no longer shown (its
  // parent was collapsed) hands over to its nearest shown ancestor.
  const [active, setActive] = useState<{ id: string; col: number } | null>(null);
  const shownActive = useMemo(() => {
    if (!active) return null;
    if (rows.some((row) => row.unit.id === active.id)) return active;
    const ancestor = ancestorsOf(tree, active.id).find((id) => rows.some((row) => row.unit.id === id));
    return ancestor ? { id: ancestor, col: -1 } : null;
  }, [active, rows, tree]);
  const activeIndex = Math.max(0, shownActive ? rows.findIndex((row) => row.unit.id === shownActive.id) : 0);
  const activeRow = rows[activeIndex];
  const activeCol = shownActive && activeRow?.unit.id === shownActive.id ? shownActive.col : -1;

  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current || !activeRow) return;
    moveFocus.current = false;
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-unit-id="${activeRow.unit.id}"]`);
    const target = activeCol < 0 ? row : row?.querySelectorAll<HTMLElement>('td')[activeCol];
    target?.focus();
  });

  const go = (index: number, col = activeCol) => {
    const row = rows[Math.min(Math.max(index, 0), rows.length - 1)];
    if (!row) return;
    moveFocus.current = true;
    setActive({ id: row.unit.id, col });
  };
  const setOpen = (node: VisibleNode, open: boolean) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(node.unit.id);
      else next.delete(node.unit.id);
      return next;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const node = rows[activeIndex];
    if (!node || event.altKey || event.metaKey) return;
    const inRow = activeCol < 0;
    switch (event.key) {
      case 'ArrowDown':
        go(activeIndex + 1);
        break;
      case 'ArrowUp':
        go(activeIndex - 1);
        break;
      case 'ArrowRight':
        if (inRow && node.childCount > 0 && !node.expanded) setOpen(node, true);
        else go(activeIndex, Math.min(activeCol + 1, columnCount - 1));
        break;
      case 'ArrowLeft':
        if (inRow && node.expanded) setOpen(node, false);
        else if (inRow && node.parent >= 0) go(node.parent, -1);
        else if (!inRow) go(activeIndex, activeCol - 1);
        break;
      case 'Home':
        if (event.ctrlKey || inRow) go(0);
        else go(activeIndex, 0);
        break;
      case 'End':
        if (event.ctrlKey || inRow) go(rows.length - 1);
        else go(activeIndex, columnCount - 1);
        break;
      case 'PageDown':
        go(activeIndex + 10);
        break;
      case 'PageUp':
        go(activeIndex - 10);
        break;
      case 'Enter':
        onOpen(node.unit.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="kp-treegrid-wrap">
      <p id={helpId} className="kp-muted kp-treegrid__help">
        {t('grid.help')}
      </p>
      <table role="treegrid" aria-label={caption} aria-describedby={helpId} className="kp-treegrid">
        <thead>
          <tr>
            <th scope="col">{t('grid.name')}</th>
            <th scope="col">{t('grid.level')}</th>
            <th scope="col">{t('grid.kind')}</th>
            <th scope="col">{t('grid.leader')}</th>
            <th scope="col" className="kp-num">
              {t('grid.positions')}
            </th>
          </tr>
        </thead>
        <tbody ref={bodyRef} onKeyDown={onKeyDown}>
          {rows.map((node, index) => {
            const { unit } = node;
            const isActive = index === activeIndex;
            const cellTab = (col: number) => (isActive && activeCol === col ? 0 : -1);
            return (
              <tr
                key={unit.id}
                data-unit-id={unit.id}
                aria-level={node.level}
                aria-posinset={node.posInSet}
                aria-setsize={node.setSize}
                aria-expanded={node.childCount > 0 ? node.expanded : undefined}
                tabIndex={isActive && activeCol < 0 ? 0 : -1}
                onFocus={(event) => {
                  if (event.target === event.currentTarget && !(isActive && activeCol < 0)) setActive({ id: unit.id, col: -1 });
                }}
                className="kp-treegrid__row"
              >
                <td
                  tabIndex={cellTab(0)}
                  onFocus={(event) => {
                    if (event.target === event.currentTarget) setActive({ id: unit.id, col: 0 });
                  }}
                >
                  <span className="kp-treegrid__name" style={{ paddingInlineStart: `${(node.level - 1) * 1.25}rem` }}>
                    {node.childCount > 0 ? (
                      <span
                        className="kp-treegrid__toggle"
                        aria-hidden="true"
                        onClick={() => {
                          setActive({ id: unit.id, col: -1 });
                          setOpen(node, !node.expanded);
                        }}
                      >
                        {node.expanded ? '▾' : '▸'}
                      </span>
                    ) : (
                      <span className="kp-treegrid__toggle" aria-hidden="true" />
                    )}
                    <a
                      href={unitHref(unit.id)}
                      tabIndex={-1}
                      onClick={(event) => {
                        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                        event.preventDefault();
                        onOpen(unit.id);
                      }}
                    >
                      {unit.name}
                    </a>
                  </span>
                </td>
                <td tabIndex={cellTab(1)} onFocus={(event) => event.target === event.currentTarget && setActive({ id: unit.id, col: 1 })}>
                  {unit.level}
                </td>
                <td tabIndex={cellTab(2)} onFocus={(event) => event.target === event.currentTarget && setActive({ id: unit.id, col: 2 })}>
                  {t(kindKey(unit.kind))}
                </td>
                <td tabIndex={cellTab(3)} onFocus={(event) => event.target === event.currentTarget && setActive({ id: unit.id, col: 3 })}>
                  {unit.leader ? (
                    <>
                      {unit.leader.title}
                      <span className="kp-muted"> ({unit.leader.personName ?? t('common.vacant')})</span>
                    </>
                  ) : (
                    <span className="kp-muted">{t('chart.noLeader')}</span>
                  )}
                </td>
                <td
                  className="kp-num"
                  tabIndex={cellTab(4)}
                  onFocus={(event) => event.target === event.currentTarget && setActive({ id: unit.id, col: 4 })}
                >
                  {number(unit.positions)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
