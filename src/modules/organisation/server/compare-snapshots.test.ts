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
      '«kommunalsjef hjemmetjenester» rapporterer personalmessig til «direktør for helse (Helse og omsorg)» i stedet for «direktør for omsorg».',
      // Moved up under the director, the unit's leader now reports to that director.
      '«virksomhetsleder øst (Hjemmetjeneste øst)» rapporterer personalmessig til «direktør for helse (Helse og omsorg)» i stedet for «kommunalsjef hjemmetjenester».',
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
      '«rådgiver (Administrasjon)» får personalmessig linje til «direktør for administrasjon».',
      '«virksomhetsleder øst (Hjemmetjeneste øst)» får faglig linje til «direktør for helse».',
      'Ola Nordmann plasseres i stillingen «rådgiver (Administrasjon)».',
    ]);
    // 0.6 of 1.6 FTE is now in staff/support.
    expect(comparison.administrationShare.after).toBeCloseTo(0.6 / 1.6);
  });
});

describe('[SCENARIO][COMPARE] differences name their units', () => {
  // Two units whose leaders share a title, as most unit leaders do.
  function twoSchools(): Snapshot {
    const base = organisation();
    return {
      ...base,
      units: [
        ...base.units,
        unit('unit-b2', 'area-b', 'unit', 3, 'Hjemmetjeneste vest'),
        unit('dept-b1', 'unit-b1', 'department', 4, 'Natt'),
        unit('dept-b1b', 'dept-b1', 'staff_function', 5, 'Nattstab'),
      ],
      positions: [
        ...base.positions.filter((p) => p.key !== 'lead-b1'),
        position('lead-b1', 'unit-b1', 'unit_leader', 'virksomhetsleder'),
        position('lead-b2', 'unit-b2', 'unit_leader', 'virksomhetsleder'),
        position('lead-dept', 'dept-b1', 'department_leader', 'avdelingsleder'),
      ],
      assignments: [
        ...base.assignments,
        { id: 'as-2', personId: 'person-per', personName: 'Per Hansen', positionId: 'id-lead-b1', fte: 1 },
      ],
      lines: [...base.lines, personnel('lead-b2', 'head-b'), personnel('lead-dept', 'lead-b1')],
    };
  }

  it('names the unit of every position whose title does not say it, in both languages', () => {
    const before = twoSchools();
    const { snapshot: after } = applyChanges(
      before,
      [
        { type: 'move_unit', unitKey: 'dept-b1', parentKey: 'unit-b2' },
        { type: 'add_line', lineType: 'professional', fromPositionKey: 'lead-b1', toPositionKey: 'lead-b2' },
        { type: 'end_assignment', personKey: 'per', positionKey: 'lead-b1' },
      ],
      { people: [{ id: 'person-per', key: 'per', name: 'Per Hansen' }] },
    );
    const differences = describeDifferences(before, after);
    expect(differences.map((d) => d.message.nb)).toEqual([
      'Enheten «Natt» flyttes fra «Hjemmetjeneste øst» til «Hjemmetjeneste vest», med 1 underliggende enhet.',
      '«avdelingsleder (Natt)» rapporterer personalmessig til «virksomhetsleder (Hjemmetjeneste vest)» i stedet for «virksomhetsleder (Hjemmetjeneste øst)».',
      '«virksomhetsleder (Hjemmetjeneste øst)» får faglig linje til «virksomhetsleder (Hjemmetjeneste vest)».',
      'Per Hansen går ut av stillingen «virksomhetsleder (Hjemmetjeneste øst)».',
    ]);
    expect(differences.map((d) => d.message.en)).toEqual([
      'The unit "Natt" moves from "Hjemmetjeneste øst" to "Hjemmetjeneste vest", with 1 unit below it.',
      '"avdelingsleder (Natt)" reports (personnel line) to "virksomhetsleder (Hjemmetjeneste vest)" instead of "virksomhetsleder (Hjemmetjeneste øst)".',
      '"virksomhetsleder (Hjemmetjeneste øst)" gets a professional line to "virksomhetsleder (Hjemmetjeneste vest)".',
      'Per Hansen leaves the position "virksomhetsleder (Hjemmetjeneste øst)".',
    ]);
  });

  it('counts the units that move along, one and many, and names the unit of a retitled position', () => {
    const before = twoSchools();
    const { snapshot: after } = applyChanges(before, [
      { type: 'move_unit', unitKey: 'area-b', parentKey: 'dir-a' },
      { type: 'move_position', positionKey: 'lead-b2', unitKey: 'unit-b2', title: 'rektor' },
    ]);
    const differences = describeDifferences(before, after);
    const moved = differences.find((d) => d.kind === 'unit_moved')!;
    expect(moved.message).toEqual({
      nb: 'Enheten «Hjemmetjenester» flyttes fra «Omsorg» til «Helse», med 4 underliggende enheter.',
      en: 'The unit "Hjemmetjenester" moves from "Omsorg" to "Helse", with 4 units below it.',
    });
    expect(differences.find((d) => d.kind === 'position_retitled')!.message).toEqual({
      nb: 'Stillingen «virksomhetsleder» i «Hjemmetjeneste vest» får ny tittel: «rektor».',
      en: 'The position "virksomhetsleder" in "Hjemmetjeneste vest" is retitled "rektor".',
    });
  });
});
