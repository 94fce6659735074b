import { describe, expect, it } from 'vitest';
import { administrationShare, compareWithBaselines, computeAnalytics, countLayers, spansOfControl, unitFigures } from './analytics.js';
import { snapshotPosition, snapshotUnit } from '../../../../test/helpers/snapshot.js';
import type { Snapshot } from './snapshot.js';

const unit = (id: string, parentId: string | null, level: number, classification = 'service', name = id) =>
  snapshotUnit({ id, key: id, level, parentId, classification, name });
const position = (id: string, unitId: string, roleType: string, fte: number | null = null) =>
  snapshotPosition({ id, key: id, unitId, roleType, fte });

/** A chief executive, two directors (service and administration), a unit under the first, and staff. */
function smallOrganisation(): Snapshot {
  return {
    date: '2021-01-01',
    units: [
      unit('top', null, 1, 'administration', 'Lederteam'),
      unit('care', 'top', 1, 'service', 'Omsorg'),
      unit('admin', 'top', 1, 'staff_support', 'Administrasjon'),
      unit('home', 'care', 3, 'service', 'Hjemmetjeneste'),
    ],
    positions: [
      position('ce', 'top', 'chief_executive'),
      position('dir-care', 'care', 'director'),
      position('dir-admin', 'admin', 'director'),
      position('lead-home', 'home', 'unit_leader'),
      position('nurse-1', 'home', 'employee'),
      position('nurse-2', 'home', 'employee'),
      position('clerk', 'admin', 'employee'),
    ],
    assignments: [
      { id: 'a1', personId: 'p-ce', personName: 'Rådmann', positionId: 'ce', fte: 1 },
      { id: 'a2', personId: 'p1', personName: 'Kari', positionId: 'nurse-1', fte: 0.8 },
      { id: 'a3', personId: 'p1', personName: 'Kari', positionId: 'nurse-2', fte: 0.2 },
      { id: 'a4', personId: 'p2', personName: 'Ola', positionId: 'clerk', fte: 1 },
      { id: 'a5', personId: 'p3', personName: 'Per', positionId: 'lead-home', fte: 1 },
    ],
    lines: [
      { id: 'l1', type: 'personnel', fromPositionId: 'dir-care', toPositionId: 'ce' },
      { id: 'l2', type: 'personnel', fromPositionId: 'dir-admin', toPositionId: 'ce' },
      { id: 'l3', type: 'personnel', fromPositionId: 'lead-home', toPositionId: 'dir-care' },
      { id: 'l4', type: 'personnel', fromPositionId: 'nurse-1', toPositionId: 'lead-home' },
      { id: 'l5', type: 'personnel', fromPositionId: 'nurse-2', toPositionId: 'lead-home' },
      { id: 'l6', type: 'personnel', fromPositionId: 'clerk', toPositionId: 'dir-admin' },
      { id: 'l7', type: 'professional', fromPositionId: 'clerk', toPositionId: 'lead-home' },
    ],
    levelExceptions: [],
    spanThresholds: { chief_executive: 12, director: 12, unit_leader: 1 },
  };
}

describe('[ANALYTICS][HEADCOUNT_AND_FTE]', () => {
  it('counts distinct people and sums FTE per unit, rolled up the parent tree', () => {
    const figures = new Map(unitFigures(smallOrganisation()).map((u) => [u.unitId, u]));
    expect(figures.get('home')!.own).toMatchObject({ positions: 3, headcount: 2, fte: 2 });
    // Kari holds two part-time positions: one person, 1.0 FTE.
    expect(figures.get('care')!.total).toMatchObject({ positions: 4, headcount: 2, fte: 2 });
    expect(figures.get('top')!.own).toMatchObject({ positions: 1, headcount: 1, fte: 1 });
    expect(figures.get('top')!.total).toMatchObject({ positions: 7, headcount: 4, fte: 4 });
  });

  it('gives figures per declared level and totals for the whole organisation', () => {
    const analytics = computeAnalytics(smallOrganisation());
    expect(analytics.levels).toEqual([
      { level: 1, units: 3, positions: 4, headcount: 2, fte: 2, postFte: 0, positionsWithFte: 0 },
      { level: 3, units: 1, positions: 3, headcount: 2, fte: 2, postFte: 0, positionsWithFte: 0 },
    ]);
    expect(analytics.totals).toMatchObject({ units: 4, positions: 7, headcount: 4, fte: 4 });
  });

  it('sorts units by Norwegian rules', () => {
    expect(unitFigures(smallOrganisation()).map((u) => u.name)).toEqual(['Administrasjon', 'Hjemmetjeneste', 'Lederteam', 'Omsorg']);
  });

  it('does not loop on a cycle in the parent tree', () => {
    const snapshot = smallOrganisation();
    snapshot.units = [unit('x', 'y', 1), unit('y', 'x', 1)];
    expect(unitFigures(snapshot)).toHaveLength(2);
  });
});

describe('[ANALYTICS][SPAN_OF_CONTROL]', () => {
  it('counts direct personnel reports per leader and flags those over the threshold', () => {
    const spans = spansOfControl(smallOrganisation());
    const lead = spans.find((s) => s.positionId === 'lead-home')!;
    expect(lead).toMatchObject({ directReports: 2, threshold: 1, overThreshold: true, unitName: 'Hjemmetjeneste' });
    expect(spans.find((s) => s.positionId === 'ce')).toMatchObject({ directReports: 2, threshold: 12, overThreshold: false });
    // Professional lines are not spans of control; employees are not leaders.
    expect(spans.find((s) => s.positionId === 'dir-admin')!.directReports).toBe(1);
    expect(spans.find((s) => s.positionId === 'clerk')).toBeUndefined();
  });
});

describe('[ANALYTICS][LAYERS]', () => {
  it('counts the longest personnel chain from the chief executive', () => {
    const layers = countLayers(smallOrganisation());
    expect(layers.count).toBe(4);
    expect(layers.longestChain.map((p) => p.positionId)).toEqual(['ce', 'dir-care', 'lead-home', expect.stringMatching(/^nurse-/)]);
    expect(layers.positionsPerLayer).toEqual([
      { layer: 1, positions: 1 },
      { layer: 2, positions: 2 },
      { layer: 3, positions: 2 },
      { layer: 4, positions: 2 },
    ]);
    expect(layers.unreachablePositions).toBe(0);
  });

  it('reports positions with no chain up to the chief executive, and survives a personnel loop', () => {
    const snapshot = smallOrganisation();
    snapshot.lines = snapshot.lines.filter((l) => l.id !== 'l3');
    snapshot.lines.push({ id: 'loop', type: 'personnel', fromPositionId: 'lead-home', toPositionId: 'nurse-1' });
    const layers = countLayers(snapshot);
    expect(layers.count).toBe(3);
    expect(layers.unreachablePositions).toBe(3);
  });

  it('is 0 without a chief executive', () => {
    const snapshot = smallOrganisation();
    snapshot.positions = snapshot.positions.filter((p) => p.roleType !== 'chief_executive');
    expect(countLayers(snapshot).count).toBe(0);
  });
});

describe('[ANALYTICS][ADMINISTRATION_SHARE]', () => {
  it('divides FTE in administration and staff/support by all FTE', () => {
    const share = administrationShare(smallOrganisation());
    expect(share.basis).toBe('assignmentFte');
    expect(share.assignmentFte).toMatchObject({ service: 2, staffSupport: 1, administration: 1, total: 4 });
    expect(share.share).toBe(0.5);
    expect(share.positions).toMatchObject({ service: 4, staffSupport: 2, administration: 1, total: 7 });
    // Five of seven positions are held: the note says the share covers only those, and it is no measure of the whole.
    expect(share.filledPositions).toBe(5);
    expect(share.note.nb).toContain('bare 5 av 7 stillinger');
    expect(share.representative).toBe(false);
  });

  it('describes the organisation when nine in ten positions have their people recorded', () => {
    const snapshot = smallOrganisation();
    const held = new Set(snapshot.assignments.map((a) => a.positionId));
    snapshot.assignments = [
      ...snapshot.assignments,
      ...snapshot.positions
        .filter((p) => !held.has(p.id))
        .map((p) => ({ id: `a-${p.id}`, personId: `x-${p.id}`, personName: 'X', positionId: p.id, fte: 1 })),
    ];
    expect(administrationShare(snapshot)).toMatchObject({ filledPositions: 7, representative: true });
  });

  it('says honestly that the share is unknown when FTE is 0, and still counts positions', () => {
    const snapshot = smallOrganisation();
    snapshot.assignments = [];
    const share = administrationShare(snapshot);
    expect(share.basis).toBeNull();
    expect(share.share).toBeNull();
    expect(share.assignmentFte.share).toBeNull();
    expect(share.positions.share).toBeCloseTo(3 / 7);
    expect(share.note.nb).toContain('kan ikke regnes ut');
    expect(share.note.nb).toContain('3 (42,9 %)');
  });

  it('uses the posts’ recorded FTE when nobody is assigned', () => {
    const snapshot = smallOrganisation();
    snapshot.assignments = [];
    snapshot.positions = [position('a', 'admin', 'employee', 2), position('b', 'home', 'employee', 6)];
    const share = administrationShare(snapshot);
    expect(share.basis).toBe('postFte');
    expect(share.share).toBe(0.25);
  });
});

describe('[ANALYTICS][BASELINES]', () => {
  const baseline = (name: string, year: number, adminFte: number, totalFte: number) => ({
    id: `${name}-${year}`,
    name,
    year,
    adminFte,
    totalFte,
    share: adminFte / totalFte,
    source: null,
    comment: null,
    revision: 1,
  });

  it('compares with the three former municipalities together, using each one’s latest year', () => {
    const baselines = [
      baseline('Drammen', 2018, 100, 1000),
      baseline('Drammen', 2017, 500, 1000),
      baseline('Nedre Eiker', 2018, 30, 300),
      baseline('Svelvik', 2018, 20, 200),
    ];
    const current = (share: number) => ({ ...administrationShare(smallOrganisation()), share, representative: true });
    const met = compareWithBaselines(baselines, current(0.09));
    expect(met.combinedShare).toBeCloseTo(0.1);
    expect(met.used.map((u) => `${u.name} ${u.year}`)).toEqual(['Drammen 2018', 'Nedre Eiker 2018', 'Svelvik 2018']);
    expect(met.goalMet).toBe(true);
    expect(compareWithBaselines(baselines, current(0.1)).goalMet).toBe(false);
  });

  it('cannot judge the goal without baselines or without a current share', () => {
    expect(compareWithBaselines([], administrationShare(smallOrganisation()))).toMatchObject({ combinedShare: null, goalMet: null });
    const unknown = compareWithBaselines([baseline('Svelvik', 2018, 20, 200)], null);
    expect(unknown.goalMet).toBeNull();
    expect(unknown.message.nb).toContain('kan ikke sammenlignes');
  });

  it('says the sources give no baselines instead of judging the goal', () => {
    const none = compareWithBaselines([], administrationShare(smallOrganisation()));
    expect(none.message.nb).toContain('Kildene oppgir ikke');
    expect(none.message.nb).toContain('Forslag til strategi for administrasjon og fellestjenester');
  });

  it('does not judge the goal on a share computed from a few people', () => {
    const sample = administrationShare(smallOrganisation());
    expect(sample.representative).toBe(false);
    const comparison = compareWithBaselines([baseline('Svelvik', 2018, 20, 200)], sample);
    expect(comparison).toMatchObject({ currentShare: null, goalMet: null });
    expect(comparison.message.nb).toContain('hviler på for få stillinger');
  });
});
