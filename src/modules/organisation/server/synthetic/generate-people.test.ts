import { describe, expect, it } from 'vitest';
import { snapshotPosition, snapshotUnit } from '../../../../../test/helpers/snapshot.js';
import type { Snapshot } from '../snapshot.js';
import { apportion, employeesAtScale1, planSyntheticOrganisation, syntheticName, type SyntheticBase } from './generate-people.js';

const unit = (key: string, parentKey: string | null, level: number, kind = 'unit') =>
  snapshotUnit({ id: `u-${key}`, key, kind, level, parentId: parentKey ? `u-${parentKey}` : null });
const position = (key: string, unitKey: string, roleType: string) =>
  snapshotPosition({ id: `p-${key}`, key, unitId: `u-${unitKey}`, roleType });

/** A chief executive, a director, a service area with two schools (one with a department) and a staff function. */
function organisation(): Snapshot {
  return {
    date: '2020-01-01',
    units: [
      unit('top', null, 1, 'leadership_team'),
      unit('dir', 'top', 1, 'director_area'),
      unit('skole', 'dir', 2, 'service_area'),
      unit('skole-a', 'skole', 3),
      unit('skole-b', 'skole', 3),
      unit('skole-b-avd', 'skole-b', 4, 'department'),
      unit('stab', 'skole', 3, 'staff_function'),
    ],
    positions: [
      position('radmann', 'top', 'chief_executive'),
      position('direktor', 'dir', 'director'),
      position('kommunalsjef', 'skole', 'service_area_head'),
      position('rektor-a', 'skole-a', 'unit_leader'),
      position('rektor-b', 'skole-b', 'unit_leader'),
      position('avdelingsleder-b', 'skole-b-avd', 'department_leader'),
    ],
    assignments: [{ id: 'a1', personId: 'real', personName: 'Real Person', positionId: 'p-radmann', fte: 1 }],
    lines: [
      { id: 'l1', type: 'personnel', fromPositionId: 'p-direktor', toPositionId: 'p-radmann' },
      { id: 'l2', type: 'personnel', fromPositionId: 'p-kommunalsjef', toPositionId: 'p-direktor' },
      { id: 'l3', type: 'personnel', fromPositionId: 'p-rektor-a', toPositionId: 'p-kommunalsjef' },
      { id: 'l4', type: 'personnel', fromPositionId: 'p-rektor-b', toPositionId: 'p-kommunalsjef' },
      { id: 'l5', type: 'personnel', fromPositionId: 'p-avdelingsleder-b', toPositionId: 'p-rektor-b' },
    ],
    levelExceptions: [],
    spanThresholds: {},
  };
}

function base(snapshot = organisation(), takenKeys: string[] = []): SyntheticBase {
  return {
    date: '2020-01-01',
    snapshot,
    heldPositionIds: new Set(['p-radmann']),
    positionEnds: new Map(snapshot.positions.map((p) => [p.id, null])),
    takenKeys: new Set(takenKeys),
  };
}

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('[DEMO][SYNTHETIC_PEOPLE]', () => {
  it('gives every vacant position a fictitious person, leaders first, and leaves filled ones alone', () => {
    const plan = planSyntheticOrganisation(base(), { scale: 0, units: 0, seed: 1 }, counter());
    expect(plan.positions).toEqual([]);
    const held = plan.assignments.map((a) => a.positionId);
    expect(held).toEqual(['p-direktor', 'p-kommunalsjef', 'p-rektor-a', 'p-rektor-b', 'p-avdelingsleder-b']);
    expect(plan.people.every((p) => p.key.startsWith('syntetisk-person-'))).toBe(true);
    expect(plan.summary.vacanciesFilled).toBe(5);
  });

  it('adds scale × 6 200 employees, each reporting to the leader of their unit (a staff function to the leader above)', () => {
    const plan = planSyntheticOrganisation(base(), { scale: 0.01, units: 0, seed: 1 }, counter());
    expect(plan.summary.employees).toBe(Math.round(0.01 * employeesAtScale1));
    const leaderOf = new Map(plan.lines.map((l) => [l.fromPositionId, l.toPositionId]));
    for (const p of plan.positions) {
      expect(p.key).toMatch(/^syntetisk-ansatt-/);
      expect(p.roleType).toBe('employee');
      const expected = {
        'u-skole-a': 'p-rektor-a',
        'u-skole-b': 'p-rektor-b',
        'u-skole-b-avd': 'p-avdelingsleder-b',
        'u-stab': 'p-kommunalsjef',
        'u-skole': 'p-kommunalsjef',
        'u-dir': 'p-direktor',
      }[p.unitId];
      expect(leaderOf.get(p.id), p.key).toBe(expected);
    }
    // A school without departments has more employees than a staff function.
    const inUnit = (unitId: string) => plan.positions.filter((p) => p.unitId === unitId).length;
    expect(inUnit('u-skole-a')).toBeGreaterThan(inUnit('u-stab'));
    expect(plan.positions.some((p) => p.unitId === 'u-top')).toBe(false);
    // Every employee position has a person too.
    expect(plan.people).toHaveLength(plan.positions.length + 5);
  });

  it('gives the same people for the same seed, other names for another seed', () => {
    const names = (seed: number) => planSyntheticOrganisation(base(), { scale: 0.01, units: 0, seed }, counter()).people.map((p) => p.name);
    expect(names(1)).toEqual(names(1));
    expect(names(2)).not.toEqual(names(1));
    expect(syntheticName(1, 'syntetisk-person-x')).toMatch(/^\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}+){1,2}$/u);
  });

  it('plans nothing when every key it would use is taken (a second run)', () => {
    const first = planSyntheticOrganisation(base(), { scale: 0.01, units: 0, seed: 1 }, counter());
    const taken = [...first.positions.map((p) => p.key), ...first.people.map((p) => p.key)];
    const second = planSyntheticOrganisation(base(organisation(), taken), { scale: 0.01, units: 0, seed: 1 }, counter());
    expect(second.positions).toEqual([]);
    expect(second.people).toEqual([]);
    expect(second.lines).toEqual([]);
  });

  it('clones the tree below level 2 under the same parents, with its positions and lines', () => {
    const plan = planSyntheticOrganisation(base(), { scale: 0, units: 0.05, seed: 1 }, counter());
    // 0.05 × 800 = 40 units; 7 exist; each copy has the 4 units below level 2: round(33 / 4) = 8 copies.
    expect(plan.summary.copies).toBe(8);
    expect(plan.units).toHaveLength(32);
    const copy = plan.units.filter((u) => u.key.startsWith('syntetisk-k2-'));
    expect(copy.map((u) => u.key).sort()).toEqual([
      'syntetisk-k2-skole-a',
      'syntetisk-k2-skole-b',
      'syntetisk-k2-skole-b-avd',
      'syntetisk-k2-stab',
    ]);
    const byKey = new Map(plan.units.map((u) => [u.key, u]));
    expect(byKey.get('syntetisk-k2-skole-a')!.parentId).toBe('u-skole');
    expect(byKey.get('syntetisk-k2-skole-b-avd')!.parentId).toBe(byKey.get('syntetisk-k2-skole-b')!.id);
    const positions = new Map(plan.positions.map((p) => [p.key, p]));
    const rektorB = positions.get('syntetisk-k2-rektor-b')!;
    expect(plan.lines).toContainEqual({ type: 'personnel', fromPositionId: rektorB.id, toPositionId: 'p-kommunalsjef' });
    expect(plan.lines).toContainEqual({
      type: 'personnel',
      fromPositionId: positions.get('syntetisk-k2-avdelingsleder-b')!.id,
      toPositionId: rektorB.id,
    });
    // The copies' positions are vacant, so they get people too.
    expect(plan.assignments.some((a) => a.positionId === rektorB.id)).toBe(true);
  });

  it('apportions exactly the total, by weight, the same way every time', () => {
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(apportion([10, 1, 0], 11)).toEqual([10, 1, 0]);
    expect(apportion([0, 0], 5)).toEqual([0, 0]);
    expect(apportion([3, 6, 1], 7).reduce((s, n) => s + n, 0)).toBe(7);
  });
});
