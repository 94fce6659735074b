import type { PostFigures, PostsUnitRow, UnitBudget } from '../posts.schemas.js';
import type { Snapshot } from './snapshot.js';

// Posts and FTE per unit, pure: the roll-ups the unit page and «Stillinger og årsverk» show. A
// position may stand for a role held by many (one «saksbehandler» post of 12 FTE), so what is
// vacant is counted in FTE per position: its size less what its assignments fill.

const round2 = (n: number) => Math.round(n * 100) / 100;

export const emptyFigures = (): PostFigures => ({
  budgetedFte: null,
  unitsWithBudget: 0,
  units: 0,
  positions: 0,
  positionsFte: 0,
  positionsWithoutFte: 0,
  filledFte: 0,
  vacantFte: 0,
  vacantPositions: 0,
});

function addInto(target: PostFigures, source: PostFigures): void {
  if (source.budgetedFte !== null) target.budgetedFte = (target.budgetedFte ?? 0) + source.budgetedFte;
  target.unitsWithBudget += source.unitsWithBudget;
  target.units += source.units;
  target.positions += source.positions;
  target.positionsFte += source.positionsFte;
  target.positionsWithoutFte += source.positionsWithoutFte;
  target.filledFte += source.filledFte;
  target.vacantFte += source.vacantFte;
  target.vacantPositions += source.vacantPositions;
}

function rounded(figures: PostFigures): PostFigures {
  return {
    ...figures,
    budgetedFte: figures.budgetedFte === null ? null : round2(figures.budgetedFte),
    positionsFte: round2(figures.positionsFte),
    filledFte: round2(figures.filledFte),
    vacantFte: round2(figures.vacantFte),
  };
}

export interface PostRollUp {
  /** Per unit on the snapshot's date: its own figures and its subtree's, and its own budget. */
  rows: Map<string, PostsUnitRow>;
  /** The units directly under each unit ('' for the top units). */
  children: Map<string, string[]>;
  /** The whole organisation. */
  totals: PostFigures;
}

/** The roll-up of posts, people and budgets per unit and subtree on the snapshot's date. */
export function rollUpPosts(
  snapshot: Pick<Snapshot, 'units' | 'positions' | 'assignments'>,
  budgets: ReadonlyMap<string, UnitBudget>,
): PostRollUp {
  const own = new Map<string, PostFigures>();
  for (const unit of snapshot.units) {
    const figures = emptyFigures();
    figures.units = 1;
    const budget = budgets.get(unit.id);
    if (budget) {
      figures.budgetedFte = budget.budgetedFte;
      figures.unitsWithBudget = 1;
    }
    own.set(unit.id, figures);
  }
  const assigned = new Map<string, number>();
  for (const a of snapshot.assignments) assigned.set(a.positionId, (assigned.get(a.positionId) ?? 0) + a.fte);
  for (const position of snapshot.positions) {
    const figures = own.get(position.unitId);
    if (!figures) continue;
    const filled = assigned.get(position.id) ?? 0;
    figures.positions += 1;
    figures.filledFte += filled;
    if (!assigned.has(position.id)) figures.vacantPositions += 1;
    if (position.fte === null) figures.positionsWithoutFte += 1;
    else {
      figures.positionsFte += position.fte;
      figures.vacantFte += Math.max(0, position.fte - filled);
    }
  }

  const children = new Map<string, string[]>();
  const known = new Set(snapshot.units.map((u) => u.id));
  for (const unit of snapshot.units) {
    const parent = unit.parentId !== null && known.has(unit.parentId) ? unit.parentId : '';
    const list = children.get(parent) ?? [];
    list.push(unit.id);
    children.set(parent, list);
  }

  // Children before parents, without recursion (a 10× organisation is deep enough to matter).
  const subtree = new Map<string, PostFigures>();
  const order: string[] = [];
  const stack = [...(children.get('') ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    order.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  for (const id of order.reverse()) {
    const figures = { ...own.get(id)! };
    for (const child of children.get(id) ?? []) addInto(figures, subtree.get(child)!);
    subtree.set(id, figures);
  }

  const totals = emptyFigures();
  for (const top of children.get('') ?? []) addInto(totals, subtree.get(top)!);
  const rows = new Map<string, PostsUnitRow>();
  for (const unit of snapshot.units) {
    rows.set(unit.id, {
      unitId: unit.id,
      name: unit.name,
      level: unit.level,
      kind: unit.kind as PostsUnitRow['kind'],
      parentId: unit.parentId,
      budget: budgets.get(unit.id) ?? null,
      own: rounded(own.get(unit.id)!),
      subtree: rounded(subtree.get(unit.id) ?? own.get(unit.id)!),
    });
  }
  return { rows, children, totals: rounded(totals) };
}

/** The units from the top down to `unitId`, inclusive. */
export function unitPathOf(
  units: ReadonlyMap<string, { name: string; parentId: string | null }>,
  unitId: string,
): { unitId: string; name: string }[] {
  const path: { unitId: string; name: string }[] = [];
  const seen = new Set<string>();
  for (let id: string | null = unitId; id !== null && !seen.has(id);) {
    const unit = units.get(id);
    if (!unit) break;
    seen.add(id);
    path.unshift({ unitId: id, name: unit.name });
    id = unit.parentId;
  }
  return path;
}

/** `unitId` and every unit under it. */
export function unitsUnder(children: ReadonlyMap<string, string[]>, unitId: string): Set<string> {
  const found = new Set<string>([unitId]);
  const stack = [unitId];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      stack.push(child);
    }
  }
  return found;
}
