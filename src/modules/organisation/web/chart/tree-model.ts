import { matchScore } from '../../../../web/components/combobox/match';
import type { TreeUnit } from '../../organisation.schemas';

// The unit hierarchy as the chart and the tree grid walk it. Pure functions, no React.

export type UnitTree = {
  byId: Map<string, TreeUnit>;
  /** Children of each unit (and of '' for the roots), sorted for display. */
  children: Map<string, TreeUnit[]>;
  roots: TreeUnit[];
  /** Depth from the roots: 0 for a root. */
  depth: Map<string, number>;
  /** The deepest depth + 1. */
  depthCount: number;
};

const rootKey = '';

/**
 * Builds the hierarchy. A unit whose parent is missing on the date (or that sits in a cycle) is
 * shown as a root rather than dropped: the rules report explains it, the chart must not hide it.
 */
export function buildUnitTree(units: readonly TreeUnit[], collator: Intl.Collator): UnitTree {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map<string, TreeUnit[]>();
  const reachable = new Set<string>();

  const push = (key: string, unit: TreeUnit) => {
    const list = children.get(key);
    if (list) list.push(unit);
    else children.set(key, [unit]);
  };
  for (const unit of units) {
    if (unit.parentId && byId.has(unit.parentId) && unit.parentId !== unit.id) push(unit.parentId, unit);
    else push(rootKey, unit);
  }
  // Staff functions first (they sit beside their leader), then the rest by name.
  const order = (a: TreeUnit, b: TreeUnit) =>
    Number(b.kind === 'staff_function') - Number(a.kind === 'staff_function') || a.level - b.level || collator.compare(a.name, b.name);
  for (const list of children.values()) list.sort(order);

  const depth = new Map<string, number>();
  let depthCount = 0;
  const walk = (start: TreeUnit[]) => {
    const stack: [TreeUnit, number][] = start.map((unit) => [unit, 0]);
    while (stack.length > 0) {
      const [unit, d] = stack.pop()!;
      if (reachable.has(unit.id)) continue;
      reachable.add(unit.id);
      depth.set(unit.id, d);
      depthCount = Math.max(depthCount, d + 1);
      for (const child of children.get(unit.id) ?? []) stack.push([child, d + 1]);
    }
  };
  const roots = [...(children.get(rootKey) ?? [])];
  walk(roots);
  // Units in a parent cycle are reachable from no root: show each cycle from one of its units.
  for (const unit of [...units].sort(order)) {
    if (!reachable.has(unit.id)) {
      roots.push(unit);
      walk([unit]);
    }
  }
  return { byId, children, roots, depth, depthCount };
}

export function childrenOf(tree: UnitTree, id: string): TreeUnit[] {
  return tree.children.get(id) ?? [];
}

/** The ids of a unit's ancestors, nearest first. */
export function ancestorsOf(tree: UnitTree, id: string): string[] {
  const result: string[] = [];
  const seen = new Set([id]);
  let current = tree.byId.get(id)?.parentId ?? null;
  while (current && tree.byId.has(current) && !seen.has(current)) {
    result.push(current);
    seen.add(current);
    current = tree.byId.get(current)?.parentId ?? null;
  }
  return result;
}

/** The units whose subtree starts expanded when the first `levels` levels are shown. */
export function expandedToLevels(tree: UnitTree, roots: readonly TreeUnit[], levels: number): Set<string> {
  const expanded = new Set<string>();
  const stack: [TreeUnit, number][] = roots.map((unit) => [unit, 1]);
  const seen = new Set<string>();
  while (stack.length > 0) {
    const [unit, level] = stack.pop()!;
    if (seen.has(unit.id)) continue;
    seen.add(unit.id);
    if (level >= levels) continue;
    const kids = childrenOf(tree, unit.id);
    if (kids.length > 0) expanded.add(unit.id);
    for (const child of kids) stack.push([child, level + 1]);
  }
  return expanded;
}

export type VisibleNode = {
  unit: TreeUnit;
  /** Index of the parent in the visible list, -1 for a root. */
  parent: number;
  /** 1-based level in the shown tree (aria-level). */
  level: number;
  childCount: number;
  expanded: boolean;
  /** 1-based position among its siblings, and how many siblings (aria-posinset/setsize). */
  posInSet: number;
  setSize: number;
};

/** The units to show, in pre-order (document order): roots, and the children of expanded units. */
export function visibleNodes(tree: UnitTree, roots: readonly TreeUnit[], expanded: ReadonlySet<string>): VisibleNode[] {
  const result: VisibleNode[] = [];
  const seen = new Set<string>();
  const visit = (unit: TreeUnit, parent: number, level: number, posInSet: number, setSize: number) => {
    if (seen.has(unit.id)) return;
    seen.add(unit.id);
    const kids = childrenOf(tree, unit.id);
    const isExpanded = kids.length > 0 && expanded.has(unit.id);
    const index = result.length;
    result.push({ unit, parent, level, childCount: kids.length, expanded: isExpanded, posInSet, setSize });
    if (isExpanded) kids.forEach((child, i) => visit(child, index, level + 1, i + 1, kids.length));
  };
  roots.forEach((unit, i) => visit(unit, -1, 1, i + 1, roots.length));
  return result;
}

/** Number of units in a subtree, the unit itself included. */
export function subtreeSize(tree: UnitTree, id: string): number {
  let count = 0;
  const stack = [id];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    count += 1;
    for (const child of childrenOf(tree, current)) stack.push(child.id);
  }
  return count;
}

/**
 * Units whose name (or leader's name) holds every word of the query, ignoring case and accents;
 * only when none does, those within a typo or two ("legevkt" finds «Legevakt»), marked `typos`.
 */
export function findUnits(tree: UnitTree, query: string, limit = 20): { units: TreeUnit[]; typos: boolean } {
  if (!query.trim()) return { units: [], typos: false };
  const exact: { unit: TreeUnit; score: number }[] = [];
  const near: TreeUnit[] = [];
  for (const unit of tree.byId.values()) {
    const score = matchScore(query, unit.name, unit.leader?.personName ?? '');
    if (score >= 2) exact.push({ unit, score });
    else if (score === 1) near.push(unit);
  }
  // Names that start with the query first, then shorter (more specific) names.
  const byLength = (a: TreeUnit, b: TreeUnit) => a.name.length - b.name.length;
  if (exact.length > 0) {
    exact.sort((a, b) => b.score - a.score || byLength(a.unit, b.unit));
    return { units: exact.slice(0, limit).map((match) => match.unit), typos: false };
  }
  return { units: near.sort(byLength).slice(0, limit), typos: near.length > 0 };
}
