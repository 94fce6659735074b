import { describe, expect, it } from 'vitest';
import { compareSnapshots, describeDifferences } from './compare-snapshots.js';
import { applyChanges } from './scenario-changes.js';
import type { Snapshot, SnapshotPosition, SnapshotUnit } from './snapshot.js';

const unit = (
  key: string,
  parentKey: string | null,
  kind: string,
  level: number,
  name: string,
  classification = 'service',
): SnapshotUnit => ({
  id: `id-${key}`,
  key,
  name,
  kind,
  level,
  parentId: parentKey ? `id-${parentKey}` : null,
  classification,
  nameKnown: true,
  districts: [],
});
const position = (key: string, unitKey: string, roleType: string, title = key): SnapshotPosition => ({
  id: `id-${key}`,
  key,
  title,
  unitId: `id-${unitKey}`,
  roleType,
  personnelResponsibility: roleType !== 'employee',
  professionallyIndependent: false,
  fte: null,
});
const personnel = (from: string, to: string) => ({
  id: `line-${from}`,
  type: 'personnel' as const,
  fromPositionId: `id-${from}`,
  toPositionId: `id-${to}`,
});

function organisation(): Snapshot {
  return {
    date: '2021-01-01',
    units: [
      unit('top', null, 'leadership_team', 1, 'Rådmannens lederteam', 'administration'),
      unit('dir-a', 'top', 'director_area', 1, 'Helse'),
      unit('dir-b', 'top', 'director_area', 1, 'Omsorg'),
      unit('dir-c', 'top', 'director_area', 1, 'Administrasjon', 'staff_support'),
      unit('area-b', 'dir-b', 'service_area', 2, 'Hjemmetjenester'),
      unit('unit-b1', 'area-b', 'unit', 3, 'Hjemmetjeneste øst'),
    ],
    positions: [
      position('ce', 'top', 'chief_executive', 'rådmann'),
      position('director-a', 'dir-a', 'director', 'direktør for helse'),
      position('director-b', 'dir-b', 'director', 'direktør for omsorg'),
      position('director-c', 'dir-c', 'director', 'direktør for administrasjon'),
      position('head-b', 'area-b', 'service_area_head', 'kommunalsjef hjemmetjenester'),
      position('lead-b1', 'unit-b1', 'unit_leader', 'virksomhetsleder øst'),
    ],
    assignments: [{ id: 'as-1', personId: 'person-kari', personName: 'Kari Nordmann', positionId: 'id-director-b', fte: 1 }],
    lines: [
      personnel('director-a', 'ce'),
      personnel('director-b', 'ce'),
      personnel('director-c', 'ce'),
      personnel('head-b', 'director-b'),
      personnel('lead-b1', 'head-b'),
    ],
    levelExceptions: [],
    spanThresholds: { chief_executive: 2 },
  };
}

describe('[SCENARIO][COMPARE]', () => {
  it('describes a merge of two director areas in Norwegian and English', () => {
    const before = organisation();
    const { snapshot: after } = applyChanges(before, [
      { type: 'merge_units', sourceUnitKeys: ['dir-b'], targetUnitKey: 'dir-a', name: 'Helse og omsorg' },
      { type: 'move_unit', unitKey: 'unit-b1', parentKey: 'dir-a', level: 2 },
    ]);
    const messages = describeDifferences(before, after).map((d) => d.message.nb);
    expect(messages).toEqual([
      'Enheten «Omsorg» avvikles.',
      'Enheten «Hjemmetjeneste øst» flyttes fra «Hjemmetjenester» til «Helse og omsorg».',
      'Enheten «Hjemmetjenester» flyttes fra «Omsorg» til «Helse og omsorg».',
      'Enheten «Helse» får nytt navn: «Helse og omsorg».',
      'Enheten «Hjemmetjeneste øst» går fra nivå 3 til nivå 2.',
      'Stillingen «direktør for omsorg» i «Omsorg» avvikles.',
      '«kommunalsjef hjemmetjenester» rapporterer personalmessig til «direktør for helse» i stedet for «direktør for omsorg».',
      // Moved up under the director, the unit's leader now reports to that director.
      '«virksomhetsleder øst» rapporterer personalmessig til «direktør for helse» i stedet for «kommunalsjef hjemmetjenester».',
      'Kari Nordmann går ut av stillingen «direktør for omsorg».',
    ]);
    const english = describeDifferences(before, after).find((d) => d.kind === 'unit_moved' && d.subjectId === 'id-area-b')!;
    expect(english.message.en).toBe('The unit "Hjemmetjenester" moves from "Omsorg" to "Helse og omsorg".');
  });

  it('compares units per level, spans, layers, FTE and the administration share', () => {
    const before = organisation();
    const { snapshot: after } = applyChanges(before, [{ type: 'merge_units', sourceUnitKeys: ['dir-b'], targetUnitKey: 'dir-a' }]);
    const comparison = compareSnapshots(before, after);
    expect(comparison.unitsPerLevel).toEqual([
      { level: 1, before: 4, after: 3 },
      { level: 2, before: 1, after: 1 },
      { level: 3, before: 1, after: 1 },
    ]);
    expect(comparison.units).toEqual({ before: 6, after: 5 });
    expect(comparison.positions).toEqual({ before: 6, after: 5 });
    expect(comparison.layers).toEqual({ before: 4, after: 4 });
    expect(comparison.spans).toMatchObject({ maxBefore: 3, maxAfter: 2, overThresholdBefore: 1, overThresholdAfter: 0 });
    expect(comparison.spans.changed).toEqual(
      expect.arrayContaining([
        { positionId: 'id-ce', title: 'rådmann', unitName: 'Rådmannens lederteam', before: 3, after: 2, threshold: 2 },
        { positionId: 'id-director-a', title: 'direktør for helse', unitName: 'Helse', before: 0, after: 1, threshold: null },
        { positionId: 'id-director-b', title: 'direktør for omsorg', unitName: 'Omsorg', before: 1, after: null, threshold: null },
      ]),
    );
    // Kari's 1.0 FTE was in a service area; it leaves with her position.
    expect(comparison.fte).toEqual({ before: 1, after: 0 });
    // With no FTE left the share is unknown, not 0 %.
    expect(comparison.administrationShare).toEqual({ before: 0, after: null });
    expect(comparison.positionAdministrationShare.before).toBeCloseTo(2 / 6);
    expect(comparison.positionAdministrationShare.after).toBeCloseTo(2 / 5);
  });

  it('finds nothing to say about an organisation compared with itself', () => {
    const comparison = compareSnapshots(organisation(), organisation());
    expect(comparison.differences).toEqual([]);
    expect(comparison.spans.changed).toEqual([]);
  });

  it('names created positions, new lines and placements', () => {
    const before = organisation();
    const { snapshot: after } = applyChanges(
      before,
      [
        {
          type: 'create_position',
          key: 'adviser',
          title: 'rådgiver',
          unitKey: 'dir-c',
          roleType: 'adviser',
          reportsToPositionKey: 'director-c',
        },
        { type: 'assign_person', personKey: 'ola', positionKey: 'adviser', fte: 0.6 },
        { type: 'add_line', lineType: 'professional', fromPositionKey: 'lead-b1', toPositionKey: 'director-a' },
      ],
      { people: [{ id: 'person-ola', key: 'ola', name: 'Ola Nordmann' }] },
    );
    const comparison = compareSnapshots(before, after);
    expect(comparison.differences.map((d) => d.message.nb)).toEqual([
      'Stillingen «rådgiver» opprettes i «Administrasjon».',
      '«rådgiver» får personalmessig linje til «direktør for administrasjon».',
      '«virksomhetsleder øst» får faglig linje til «direktør for helse».',
      'Ola Nordmann plasseres i stillingen «rådgiver».',
    ]);
    // 0.6 of 1.6 FTE is now in staff/support.
    expect(comparison.administrationShare.after).toBeCloseTo(0.6 / 1.6);
  });
});
