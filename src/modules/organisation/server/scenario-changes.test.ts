import { describe, expect, it } from 'vitest';
import type { ScenarioChange } from '../scenarios.schemas.js';
import { applyChanges, createdKeysOf, personKeysOf, planChanges, withChangeIds } from './scenario-changes.js';
import { snapshotPosition, snapshotUnit } from '../../../../test/helpers/snapshot.js';
import type { Snapshot } from './snapshot.js';

const unit = (key: string, parentKey: string | null, kind: string, level: number, name = key) =>
  snapshotUnit({ id: `id-${key}`, key, name, kind, level, parentId: parentKey ? `id-${parentKey}` : null });
const position = (key: string, unitKey: string, roleType: string) =>
  snapshotPosition({ id: `id-${key}`, key, unitId: `id-${unitKey}`, roleType });
const line = (from: string, to: string, type: 'personnel' | 'professional' | 'coordination' = 'personnel') => ({
  id: `line-${type}-${from}-${to}`,
  type,
  fromPositionId: `id-${from}`,
  toPositionId: `id-${to}`,
});

/** The chief executive and two directors, each with a service area and units below. */
function twoDirectors(): Snapshot {
  return {
    date: '2021-01-01',
    units: [
      unit('top', null, 'leadership_team', 1, 'Lederteam'),
      unit('dir-a', 'top', 'director_area', 1, 'Helse'),
      unit('dir-b', 'top', 'director_area', 1, 'Omsorg'),
      unit('area-a', 'dir-a', 'service_area', 2, 'Helsetjenester'),
      unit('area-b', 'dir-b', 'service_area', 2, 'Hjemmetjenester'),
      unit('unit-a1', 'area-a', 'unit', 3, 'Legevakt'),
      unit('unit-b1', 'area-b', 'unit', 3, 'Hjemmetjeneste 1'),
      unit('unit-b2', 'area-b', 'unit', 3, 'Hjemmetjeneste 2'),
    ],
    positions: [
      position('ce', 'top', 'chief_executive'),
      position('director-a', 'dir-a', 'director'),
      position('director-b', 'dir-b', 'director'),
      position('adviser-b', 'dir-b', 'adviser'),
      position('head-a', 'area-a', 'service_area_head'),
      position('head-b', 'area-b', 'service_area_head'),
      position('lead-a1', 'unit-a1', 'unit_leader'),
      position('lead-b1', 'unit-b1', 'unit_leader'),
      position('lead-b2', 'unit-b2', 'unit_leader'),
    ],
    assignments: [
      { id: 'as-1', personId: 'person-kari', personName: 'Kari Nordmann', positionId: 'id-director-b', fte: 1 },
      { id: 'as-2', personId: 'person-ola', personName: 'Ola Nordmann', positionId: 'id-director-a', fte: 1 },
    ],
    lines: [
      line('director-a', 'ce'),
      line('director-b', 'ce'),
      line('adviser-b', 'director-b'),
      line('head-a', 'director-a'),
      line('head-b', 'director-b'),
      line('lead-a1', 'head-a'),
      line('lead-b1', 'head-b'),
      line('lead-b2', 'head-b'),
      line('lead-b2', 'director-b', 'professional'),
    ],
    levelExceptions: [],
    spanThresholds: {},
  };
}

const people = [
  { id: 'person-kari', key: 'kari', name: 'Kari Nordmann' },
  { id: 'person-ola', key: 'ola', name: 'Ola Nordmann' },
  { id: 'person-per', key: 'per', name: 'Per Hansen' },
];

const byKey = (snapshot: Snapshot) => ({
  unit: (key: string) => snapshot.units.find((u) => u.key === key),
  position: (key: string) => snapshot.positions.find((p) => p.key === key),
  leaderOf: (positionKey: string, type = 'personnel') => {
    const id = snapshot.positions.find((p) => p.key === positionKey)?.id;
    return snapshot.lines
      .filter((l) => l.type === type && l.fromPositionId === id)
      .map((l) => snapshot.positions.find((p) => p.id === l.toPositionId)?.key);
  },
});

describe('[SCENARIO][MERGE_UNITS]', () => {
  const merge: ScenarioChange = { type: 'merge_units', sourceUnitKeys: ['dir-b'], targetUnitKey: 'dir-a', name: 'Helse og omsorg' };

  it('moves sub-units and positions to the target, closes the source and its leader, and sends the leader’s lines to the target’s leader', () => {
    const before = twoDirectors();
    const { snapshot, problems } = applyChanges(before, [merge], { people });
    expect(problems).toEqual([]);
    const after = byKey(snapshot);
    expect(after.unit('dir-b')).toBeUndefined();
    expect(after.unit('dir-a')!.name).toBe('Helse og omsorg');
    expect(after.unit('area-b')!.parentId).toBe('id-dir-a');
    expect(after.position('director-b')).toBeUndefined();
    expect(after.position('adviser-b')!.unitId).toBe('id-dir-a');
    expect(after.leaderOf('head-b')).toEqual(['director-a']);
    expect(after.leaderOf('adviser-b')).toEqual(['director-a']);
    expect(after.leaderOf('lead-b2', 'professional')).toEqual(['director-a']);
    // Kari's assignment ends with her position: she is to be placed again.
    expect(snapshot.assignments.map((a) => a.personName)).toEqual(['Ola Nordmann']);
    // The input is not changed.
    expect(before.units).toHaveLength(8);
    expect(before.lines).toHaveLength(9);
  });

  it('plans the steps the dated commands perform, in an order they accept', () => {
    const { steps } = planChanges(twoDirectors(), [merge], { people });
    expect(steps.map((s) => s.op)).toEqual([
      'changeUnit', // rename the target
      'changeUnit', // area-b moves
      'changePosition', // adviser-b moves
      // Each line to the closing director ends before its replacement starts (one personnel line at a time).
      'endLine',
      'addLine',
      'endLine',
      'addLine',
      'endLine',
      'addLine',
      'endAssignment',
      'endLine', // director-b's own line to the chief executive
      'closePosition',
      'closeUnit',
    ]);
    expect(steps.every((s) => s.changeIndex === 0)).toBe(true);
  });

  it('lets the source leader lead the merged unit when the target has none', () => {
    const snapshot = twoDirectors();
    snapshot.positions = snapshot.positions.filter((p) => p.key !== 'director-a');
    snapshot.lines = snapshot.lines.filter((l) => l.fromPositionId !== 'id-director-a' && l.toPositionId !== 'id-director-a');
    snapshot.assignments = snapshot.assignments.filter((a) => a.positionId !== 'id-director-a');
    const after = byKey(applyChanges(snapshot, [merge], { people }).snapshot);
    expect(after.position('director-b')!.unitId).toBe('id-dir-a');
    expect(after.leaderOf('head-b')).toEqual(['director-b']);
  });

  it('refuses to merge a unit into itself or into a unit below it', () => {
    const { problems } = applyChanges(twoDirectors(), [
      { type: 'merge_units', sourceUnitKeys: ['dir-a'], targetUnitKey: 'dir-a' },
      { type: 'merge_units', sourceUnitKeys: ['dir-b'], targetUnitKey: 'unit-b1' },
    ]);
    expect(problems.map((p) => [p.changeIndex, p.code])).toEqual([
      [0, 'merge_into_itself'],
      [1, 'cycle'],
    ]);
  });
});

describe('[SCENARIO][UNIT_CHANGES]', () => {
  it('creates, renames, moves and closes units, each change seeing the earlier ones', () => {
    const { snapshot, problems } = applyChanges(twoDirectors(), [
      {
        type: 'create_unit',
        key: 'new-area',
        name: 'Ny tjeneste',
        kind: 'service_area',
        level: 2,
        parentKey: 'dir-a',
        classification: 'service',
      },
      { type: 'move_unit', unitKey: 'unit-b1', parentKey: 'new-area' },
      { type: 'rename_unit', unitKey: 'unit-b1', name: 'Hjemmetjeneste sentrum' },
      { type: 'move_unit', unitKey: 'unit-b2', parentKey: 'new-area' },
      { type: 'close_position', positionKey: 'head-b' },
      { type: 'close_unit', unitKey: 'area-b' },
    ]);
    expect(problems).toEqual([]);
    const after = byKey(snapshot);
    const created = after.unit('new-area')!;
    expect(created.id).toMatch(/^new:/);
    expect(after.unit('unit-b1')).toMatchObject({ parentId: created.id, name: 'Hjemmetjeneste sentrum' });
    expect(after.unit('area-b')).toBeUndefined();
    // Closing the head's position ended the lines to it.
    expect(after.leaderOf('lead-b1')).toEqual([]);
  });

  it('refuses to close a unit that still has sub-units or positions, and leaves it as it was', () => {
    const { snapshot, problems } = applyChanges(twoDirectors(), [{ type: 'close_unit', unitKey: 'area-b' }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'unit_not_empty', changeIndex: 0 });
    expect(problems[0]!.message.nb).toContain('«Hjemmetjenester»');
    expect(byKey(snapshot).unit('area-b')).toBeDefined();
  });

  it('moves the unit leader’s personnel line to the new parent’s leader, and keeps other lines', () => {
    const { snapshot, problems } = applyChanges(twoDirectors(), [{ type: 'move_unit', unitKey: 'unit-b2', parentKey: 'area-a' }]);
    expect(problems).toEqual([]);
    const after = byKey(snapshot);
    expect(after.unit('unit-b2')!.parentId).toBe(after.unit('area-a')!.id);
    expect(after.leaderOf('lead-b2')).toEqual(['head-a']);
    // The professional line is not the hierarchy's: it stays.
    expect(after.leaderOf('lead-b2', 'professional')).toEqual(['director-b']);
  });

  it('refuses a move under the unit’s own sub-unit', () => {
    expect(applyChanges(twoDirectors(), [{ type: 'move_unit', unitKey: 'dir-b', parentKey: 'unit-b1' }]).problems[0]!.code).toBe('cycle');
  });

  it('splits a unit: new units beside it take the named sub-units and positions', () => {
    const { snapshot, problems } = applyChanges(twoDirectors(), [
      {
        type: 'split_unit',
        unitKey: 'area-b',
        into: [
          { key: 'area-north', name: 'Nord', unitKeys: ['unit-b1'], positionKeys: ['head-b'] },
          { key: 'area-south', name: 'Sør', unitKeys: ['unit-b2'] },
        ],
        closeOriginal: true,
      },
    ]);
    expect(problems).toEqual([]);
    const after = byKey(snapshot);
    expect(after.unit('area-b')).toBeUndefined();
    expect(after.unit('area-north')).toMatchObject({ parentId: 'id-dir-b', kind: 'service_area', level: 2 });
    expect(after.unit('unit-b2')!.parentId).toBe(after.unit('area-south')!.id);
    expect(after.position('head-b')!.unitId).toBe(after.unit('area-north')!.id);
  });

  it('refuses a split that would close a unit with something left in it, keeping nothing of that change', () => {
    const { snapshot, problems } = applyChanges(twoDirectors(), [
      { type: 'split_unit', unitKey: 'area-b', into: [{ key: 'area-north', name: 'Nord', unitKeys: ['unit-b1'] }], closeOriginal: true },
    ]);
    expect(problems[0]!.code).toBe('unit_not_empty');
    expect(byKey(snapshot).unit('area-north')).toBeUndefined();
    expect(byKey(snapshot).unit('unit-b1')!.parentId).toBe('id-area-b');
  });
});

describe('[SCENARIO][REFERENCES]', () => {
  it('reports every change whose references do not resolve, and applies the rest', () => {
    const changes = withChangeIds([
      { type: 'rename_unit', unitKey: 'no-such-unit', name: 'X' },
      { type: 'move_position', positionKey: 'lead-b2', unitKey: 'unit-a1', reportsToPositionKey: 'lead-a1' },
      { type: 'assign_person', personKey: 'nobody', positionKey: 'lead-a1' },
      { type: 'create_unit', key: 'unit-a1', name: 'Dobbel', kind: 'unit', level: 3, parentKey: 'area-a', classification: 'service' },
      { type: 'create_position', key: 'old-key', title: 'Gammel', unitKey: 'unit-a1', roleType: 'employee' },
      { type: 'end_line', lineType: 'coordination', fromPositionKey: 'lead-a1', toPositionKey: 'ce' },
      { type: 'close_position', positionKey: 'lead-b1' },
      { type: 'move_position', positionKey: 'lead-b1', unitKey: 'unit-a1' },
    ]);
    const { snapshot, problems } = applyChanges(twoDirectors(), changes, { people, takenPositionKeys: ['old-key'] });
    expect(problems.map((p) => [p.changeIndex, p.code])).toEqual([
      [0, 'unit_not_found'],
      [2, 'person_not_found'],
      [3, 'key_taken'],
      [4, 'key_taken'],
      [5, 'no_line'],
      [7, 'position_not_found'],
    ]);
    expect(problems[0]!.changeId).toBe(changes[0]!.id);
    expect(problems.every((p) => p.message.nb.length > 0 && p.message.en.length > 0)).toBe(true);
    expect(byKey(snapshot).position('lead-b1')).toBeUndefined();
    expect(byKey(snapshot).position('lead-b2')!.unitId).toBe('id-unit-a1');
  });

  it('refuses to close what an earlier change already changed on the same day', () => {
    const { problems } = applyChanges(twoDirectors(), [
      { type: 'rename_unit', unitKey: 'unit-b1', name: 'Nytt navn' },
      { type: 'move_position', positionKey: 'lead-b1', unitKey: 'unit-b2' },
      { type: 'close_position', positionKey: 'lead-b1' },
      { type: 'close_unit', unitKey: 'unit-b1' },
    ]);
    expect(problems.map((p) => [p.changeIndex, p.code])).toEqual([
      [2, 'changed_and_closed'],
      [3, 'changed_and_closed'],
    ]);
  });
});

describe('[SCENARIO][PEOPLE_AND_LINES]', () => {
  it('assigns and ends assignments, adds and ends lines, and moves a position to a new personnel leader', () => {
    const { snapshot, problems, steps } = planChanges(
      twoDirectors(),
      [
        { type: 'assign_person', personKey: 'per', positionKey: 'lead-b1', fte: 0.5 },
        { type: 'end_assignment', personKey: 'ola', positionKey: 'director-a' },
        { type: 'add_line', lineType: 'coordination', fromPositionKey: 'lead-a1', toPositionKey: 'lead-b1' },
        { type: 'end_line', lineType: 'professional', fromPositionKey: 'lead-b2', toPositionKey: 'director-b' },
        {
          type: 'move_position',
          positionKey: 'lead-b2',
          unitKey: 'unit-b2',
          reportsToPositionKey: 'director-b',
          title: 'Leder hjemmetjeneste 2',
        },
      ],
      { people },
    );
    expect(problems).toEqual([]);
    expect(snapshot.assignments.map((a) => [a.personName, a.positionId, a.fte])).toEqual([
      ['Kari Nordmann', 'id-director-b', 1],
      ['Per Hansen', 'id-lead-b1', 0.5],
    ]);
    expect(byKey(snapshot).leaderOf('lead-b2')).toEqual(['director-b']);
    expect(byKey(snapshot).leaderOf('lead-a1', 'coordination')).toEqual(['lead-b1']);
    expect(byKey(snapshot).position('lead-b2')!.title).toBe('Leder hjemmetjeneste 2');
    expect(steps.map((s) => s.op)).toEqual(['assignPerson', 'endAssignment', 'addLine', 'endLine', 'changePosition', 'endLine', 'addLine']);
  });

  it('drops a line or assignment the scenario adds and later ends, instead of writing both', () => {
    const { steps, problems } = planChanges(
      twoDirectors(),
      [
        { type: 'add_line', lineType: 'coordination', fromPositionKey: 'lead-a1', toPositionKey: 'lead-b1' },
        { type: 'assign_person', personKey: 'per', positionKey: 'lead-b1' },
        { type: 'end_line', lineType: 'coordination', fromPositionKey: 'lead-a1', toPositionKey: 'lead-b1' },
        { type: 'end_assignment', personKey: 'per', positionKey: 'lead-b1' },
      ],
      { people },
    );
    expect(problems).toEqual([]);
    expect(steps).toEqual([]);
  });

  it('refuses duplicates: an existing line, an existing assignment, a line to itself', () => {
    const { problems } = applyChanges(
      twoDirectors(),
      [
        { type: 'add_line', lineType: 'personnel', fromPositionKey: 'head-a', toPositionKey: 'director-a' },
        { type: 'assign_person', personKey: 'ola', positionKey: 'director-a' },
        { type: 'add_line', lineType: 'professional', fromPositionKey: 'head-a', toPositionKey: 'head-a' },
      ],
      { people },
    );
    expect(problems.map((p) => p.code)).toEqual(['line_exists', 'already_assigned', 'line_to_itself']);
  });
});

describe('[SCENARIO][HELPERS]', () => {
  it('keeps change ids, gives new ones, and lists the people and new keys the changes name', () => {
    const changes: ScenarioChange[] = [
      { id: 'keep', type: 'assign_person', personKey: 'per', positionKey: 'x' },
      { type: 'split_unit', unitKey: 'a', into: [{ key: 'b', name: 'B' }] },
      { type: 'create_position', key: 'p', title: 'P', unitKey: 'b', roleType: 'employee' },
    ];
    const stored = withChangeIds(changes);
    expect(stored[0]!.id).toBe('keep');
    expect(stored[1]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(personKeysOf(changes)).toEqual(['per']);
    expect(createdKeysOf(changes)).toEqual({ unitKeys: ['b'], positionKeys: ['p'] });
  });
});

describe('[SCENARIO][SAME_DAY_UNDO]', () => {
  it('collapses a change and its reversal on the same day to no change at all', () => {
    const base = twoDirectors();
    const { steps, problems, snapshot } = planChanges(
      base,
      [
        { type: 'move_unit', unitKey: 'unit-b2', parentKey: 'area-a' },
        { type: 'rename_unit', unitKey: 'unit-b1', name: 'Hjemmetjeneste nord' },
        { type: 'move_unit', unitKey: 'unit-b2', parentKey: 'area-b' },
        { type: 'rename_unit', unitKey: 'unit-b1', name: 'Hjemmetjeneste 1' },
        { type: 'move_position', positionKey: 'adviser-b', unitKey: 'dir-a', title: 'Rådgiver' },
        { type: 'move_position', positionKey: 'adviser-b', unitKey: 'dir-b', title: 'adviser-b' },
        { type: 'end_assignment', personKey: 'kari', positionKey: 'director-b' },
        { type: 'assign_person', personKey: 'kari', positionKey: 'director-b' },
      ],
      { people },
    );
    expect(problems).toEqual([]);
    expect(steps).toEqual([]);
    // The organisation after is the organisation before, ids included (no line or assignment ended and re-made).
    const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(snapshot.lines)).toEqual(byId(base.lines));
    expect(byId(snapshot.assignments)).toEqual(byId(base.assignments));
    expect(snapshot.units).toEqual(base.units);
    expect(snapshot.positions).toEqual(base.positions);
  });

  it('keeps what does change when only part of it is reversed', () => {
    const { steps, problems } = planChanges(twoDirectors(), [
      { type: 'rename_unit', unitKey: 'unit-b1', name: 'Hjemmetjeneste nord' },
      { type: 'move_unit', unitKey: 'unit-b1', parentKey: 'area-a' },
      { type: 'rename_unit', unitKey: 'unit-b1', name: 'Hjemmetjeneste 1' },
    ]);
    expect(problems).toEqual([]);
    expect(steps.map((s) => s.op)).toEqual(['changeUnit', 'endLine', 'addLine']);
    expect(steps[0]).toMatchObject({ op: 'changeUnit', unitId: 'id-unit-b1', parentId: 'id-area-a' });
    expect(steps[0]).not.toHaveProperty('name');
  });
});
