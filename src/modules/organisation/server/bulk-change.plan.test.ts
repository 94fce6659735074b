import { describe, expect, it } from 'vitest';
import type { BulkChangeBody } from '../bulk-change.schemas.js';
import { planBulkChange } from './bulk-change.plan.js';
import type { Snapshot, SnapshotUnit } from './snapshot.js';

const unit = (id: string, name: string, parentId: string | null, level: number): SnapshotUnit => ({
  id,
  key: id,
  name,
  kind: 'unit',
  level,
  parentId,
  classification: 'service',
  nameKnown: true,
  districts: [],
});

// top ─ a ─ a1 ─ a11
//     └ b
const snapshot: Snapshot = {
  date: '2021-01-01',
  units: [
    unit('top', 'Topp', null, 1),
    unit('a', 'A', 'top', 2),
    unit('a1', 'A1', 'a', 3),
    unit('a11', 'A11', 'a1', 4),
    unit('b', 'B', 'top', 2),
  ],
  positions: [],
  assignments: [],
  lines: [],
  levelExceptions: [],
  spanThresholds: {},
};
const body = (rest: Partial<BulkChangeBody>): BulkChangeBody => ({ name: 'x', effectiveDate: '2021-01-01', units: [], ...rest });

describe('planBulkChange', () => {
  it('moves each chosen unit and renames those given a new name, in the order chosen', () => {
    const plan = planBulkChange(snapshot, body({ parentKey: 'b', units: [{ unitKey: 'a1' }, { unitKey: 'a11', name: ' Ny ' }] }));
    expect(plan.problems).toEqual([]);
    expect(plan.changes).toEqual([
      { type: 'move_unit', unitKey: 'a1', parentKey: 'b' },
      { type: 'move_unit', unitKey: 'a11', parentKey: 'b' },
      { type: 'rename_unit', unitKey: 'a11', name: 'Ny' },
    ]);
  });

  it('names the row of a unit that would end up below itself, and of a parent chosen itself', () => {
    expect(planBulkChange(snapshot, body({ parentKey: 'a11', units: [{ unitKey: 'b' }, { unitKey: 'a' }] })).problems).toEqual([
      {
        path: 'units.1.unitKey',
        problem: {
          nb: 'Rad 2: «A» kan ikke flyttes under «A11», som ligger under den selv.',
          en: 'Row 2: "A" cannot move under "A11", which is below it.',
        },
      },
    ]);
    expect(planBulkChange(snapshot, body({ parentKey: 'b', units: [{ unitKey: 'b' }] })).problems.map((p) => p.path)).toEqual([
      'units.0.unitKey',
    ]);
  });

  it('names unknown and repeated units, and an unknown parent', () => {
    const plan = planBulkChange(snapshot, body({ parentKey: 'zz', units: [{ unitKey: 'a' }, { unitKey: 'nope' }, { unitKey: 'a' }] }));
    expect(plan.problems.map((p) => p.path)).toEqual(['parentKey', 'units.1.unitKey', 'units.2.unitKey']);
    expect(plan.changes).toEqual([]);
  });

  it('refuses a selection that changes nothing', () => {
    expect(planBulkChange(snapshot, body({ parentKey: 'top', units: [{ unitKey: 'a' }, { unitKey: 'b', name: 'B' }] })).problems).toEqual([
      expect.objectContaining({ path: 'units' }),
    ]);
    expect(planBulkChange(snapshot, body({ units: [{ unitKey: 'a' }] })).problems.map((p) => p.path)).toEqual(['units']);
  });
});
