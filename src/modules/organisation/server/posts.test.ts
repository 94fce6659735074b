import { describe, expect, it } from 'vitest';
import type { UnitBudget } from '../posts.schemas.js';
import { rollUpPosts, unitPathOf, unitsUnder } from './posts.js';
import type { SnapshotAssignment, SnapshotPosition, SnapshotUnit } from './snapshot.js';

const unit = (id: string, parentId: string | null): SnapshotUnit => ({
  id,
  key: id,
  name: `Enhet ${id}`,
  kind: 'unit',
  level: 3,
  parentId,
  classification: 'service',
  nameKnown: true,
  districts: [],
});
const position = (id: string, unitId: string, fte: number | null): SnapshotPosition => ({
  id,
  key: id,
  title: id,
  unitId,
  roleType: 'employee',
  personnelResponsibility: false,
  professionallyIndependent: false,
  fte,
});
const assignment = (positionId: string, fte: number, personId = `${positionId}-person`): SnapshotAssignment => ({
  id: `${positionId}-${personId}`,
  personId,
  personName: personId,
  positionId,
  fte,
});
const budget = (budgetedFte: number): UnitBudget => ({
  validFrom: '2026-01-01',
  validTo: null,
  budgetedFte,
  source: 'Årsbudsjett 2026',
  note: null,
});

// area ─┬─ school (budget 10): teacher 6 FTE held by 0,8 + 1 + 1; rector 1 FTE vacant; cleaner (no FTE) vacant
//       └─ kitchen (budget 3,5): cook 2 FTE held by 1 + 1
const snapshot = {
  units: [unit('area', null), unit('school', 'area'), unit('kitchen', 'area')],
  positions: [
    position('teacher', 'school', 6),
    position('rector', 'school', 1),
    position('cleaner', 'school', null),
    position('cook', 'kitchen', 2),
  ],
  assignments: [
    assignment('teacher', 0.8, 'a'),
    assignment('teacher', 1, 'b'),
    assignment('teacher', 1, 'c'),
    assignment('cook', 1, 'd'),
    assignment('cook', 1, 'e'),
  ],
};

describe('rollUpPosts', () => {
  const rollUp = rollUpPosts(
    snapshot,
    new Map([
      ['school', budget(10)],
      ['kitchen', budget(3.5)],
    ]),
  );

  it('counts a unit’s own posts, people and vacancies in FTE, a role held by many as partly vacant', () => {
    expect(rollUp.rows.get('school')!.own).toEqual({
      budgetedFte: 10,
      unitsWithBudget: 1,
      units: 1,
      positions: 3,
      positionsFte: 7,
      positionsWithoutFte: 1,
      filledFte: 2.8,
      // teacher 6 − 2,8 = 3,2 and the vacant rector 1; the cleaner's size is unknown, so not counted
      vacantFte: 4.2,
      vacantPositions: 2,
    });
  });

  it('rolls the subtree up into the area, which has no budget of its own', () => {
    const area = rollUp.rows.get('area')!;
    expect(area.own.budgetedFte).toBeNull();
    expect(area.subtree).toEqual({
      budgetedFte: 13.5,
      unitsWithBudget: 2,
      units: 3,
      positions: 4,
      positionsFte: 9,
      positionsWithoutFte: 1,
      filledFte: 4.8,
      vacantFte: 4.2,
      vacantPositions: 2,
    });
    expect(rollUp.totals).toEqual(area.subtree);
  });

  it('never counts more filled than the post as negative vacancy', () => {
    const over = rollUpPosts({ ...snapshot, assignments: [...snapshot.assignments, assignment('cook', 0.5, 'f')] }, new Map());
    expect(over.rows.get('kitchen')!.own.vacantFte).toBe(0);
    expect(over.rows.get('kitchen')!.own.filledFte).toBe(2.5);
    expect(over.totals.budgetedFte).toBeNull();
  });

  it('finds the units under an area and the path down to a unit', () => {
    expect([...unitsUnder(rollUp.children, 'area')].sort()).toEqual(['area', 'kitchen', 'school']);
    expect(unitsUnder(rollUp.children, 'kitchen')).toEqual(new Set(['kitchen']));
    const byId = new Map(snapshot.units.map((u) => [u.id, u]));
    expect(unitPathOf(byId, 'school').map((u) => u.unitId)).toEqual(['area', 'school']);
  });
});
