import { describe, expect, it } from 'vitest';
import { importEntities, type ImportEntity } from '../../import-export.schemas.js';
import { organisationOn } from './export-organisation.js';
import { readJsonRecords, type ParsedImport } from './organisation-format.js';
import { planImport, type OrganisationState, type StoredPosition, type StoredUnit } from './plan-import.js';

const D = '2021-01-01';
const open = { validFrom: '2020-01-01', validTo: null };

function unit(id: string, parentKey: string | null, extra: Partial<StoredUnit['versions'][number]> = {}): StoredUnit {
  return {
    id: `u-${id}`,
    key: id,
    revision: 1,
    versions: [
      {
        ...open,
        name: `Enhet ${id}`,
        kind: 'unit',
        level: 3,
        parentKey,
        classification: 'service',
        nameKnown: true,
        hrUnitId: null,
        ansvarNumber: null,
        organisationNumber: null,
        kostraFunction: null,
        districts: [],
        source: 'kilde',
        note: null,
        ...extra,
      },
    ],
  };
}

function position(
  id: string,
  unitKey: string,
  personnelResponsibility: boolean,
  roleType: StoredPosition['versions'][number]['roleType'] = 'unit_leader',
): StoredPosition {
  return {
    id: `p-${id}`,
    key: id,
    revision: 1,
    versions: [
      {
        ...open,
        title: `Stilling ${id}`,
        unitKey,
        roleType,
        personnelResponsibility,
        professionallyIndependent: false,
        fte: null,
        source: 'kilde',
        note: null,
      },
    ],
  };
}

const line = (
  id: string,
  from: string,
  to: string,
  type: 'personnel' | 'professional' = 'personnel',
  period: { validFrom: string; validTo: string | null } = open,
) => ({
  id: `l-${id}`,
  revision: 1,
  type,
  fromPositionKey: from,
  toPositionKey: to,
  ...period,
  source: 'kilde',
  note: null,
});

/** top ← a ← b, top ← c; chief leads lead-a and lead-c; emp-b reports to lead-a; p1 holds lead-a. */
function state(): OrganisationState {
  return {
    units: [unit('top', null), unit('a', 'top'), unit('b', 'a'), unit('c', 'top'), unit('closed', 'top', { validTo: '2020-06-01' })],
    positions: [
      position('chief', 'top', true, 'chief_executive'),
      position('lead-a', 'a', true),
      position('emp-b', 'b', false, 'employee'),
      position('lead-c', 'c', true),
    ],
    people: [{ id: 'pe-1', key: 'p1', revision: 1, name: 'Per Person', synthetic: false, source: 'kilde' }],
    assignments: [{ id: 'a-1', revision: 1, personKey: 'p1', positionKey: 'lead-a', fte: 1, ...open, source: 'kilde' }],
    lines: [line('1', 'lead-a', 'chief'), line('2', 'emp-b', 'lead-a'), line('3', 'lead-c', 'chief')],
  };
}

/** A JSON file with these sections (rows numbered from 1 in each). */
function file(sections: Partial<Record<ImportEntity, Record<string, unknown>[]>>): ParsedImport {
  const problems: ParsedImport['problems'] = [];
  const parsed: ParsedImport['sections'] = {};
  for (const entity of importEntities)
    if (sections[entity]) parsed[entity] = readJsonRecords('fil.json', entity, sections[entity], problems);
  expect(problems).toEqual([]);
  return { format: 'json', fileName: 'fil.json', asOf: null, sections: parsed, problems, ignoredSheets: [] };
}

const where = (plan: ReturnType<typeof planImport>['plan']) => plan.problems.map((p) => [p.entity, p.row, p.column]);

describe('[IMPORT][PLAN]', () => {
  it('finds nothing to do when the file is the organisation’s own export', () => {
    const exported = organisationOn(state(), D);
    const { plan, steps } = planImport(file(exported as unknown as Record<ImportEntity, Record<string, unknown>[]>), state(), D);
    expect(plan.problems).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(steps).toEqual([]);
    expect(plan.counts.units).toEqual({ rows: 4, create: 0, change: 0, unchanged: 4, withProblems: 0, notInFile: 0 });
    expect(plan.counts.lines).toMatchObject({ rows: 3, unchanged: 3 });
  });

  it('creates parents before children whatever the order of the rows, and changes only the fields the file has', () => {
    const { plan, steps } = planImport(
      file({
        units: [
          { key: 'child', name: 'Barn', kind: 'department', level: 4, parentKey: 'parent', classification: 'service' },
          { key: 'parent', name: 'Forelder', kind: 'unit', level: 3, parentKey: 'top', classification: 'service' },
          { key: 'c', name: 'Nytt navn' },
        ],
      }),
      state(),
      D,
    );
    expect(plan.problems).toEqual([]);
    expect(steps.map((s) => `${s.op}:${s.ref.row}`)).toEqual(['changeUnit:3', 'createUnit:2', 'createUnit:1']);
    expect(steps[0]).toMatchObject({ op: 'changeUnit', key: 'c', changes: { name: 'Nytt navn' } });
    expect(plan.counts.units).toMatchObject({ create: 2, change: 1, notInFile: 3 });
    expect(plan.changes.find((c) => c.label === 'c')!.fields).toEqual([{ field: 'name', before: 'Enhet c', after: 'Nytt navn' }]);
  });

  it('needs the fields that create a new entry, and knows what exists only on other days', () => {
    const { plan, steps } = planImport(
      file({
        units: [
          { key: 'ny', name: 'Ny' },
          { key: 'closed', name: 'Gjenåpnet' },
        ],
      }),
      state(),
      D,
    );
    expect(where(plan)).toEqual([
      ['units', 1, 'kind'],
      ['units', 1, 'level'],
      ['units', 1, 'classification'],
      ['units', 2, 'key'],
    ]);
    expect(plan.problems[3]!.message.nb).toMatch(
      /finnes i registeret, men ikke 1\.1\.2021 \(den finnes fra 1\.1\.2020 til og med 31\.5\.2020\)/,
    );
    expect(steps).toEqual([]);
  });

  it('reports duplicate keys, unknown references and a unit loop by row and column', () => {
    const { plan } = planImport(
      file({
        units: [
          { key: 'top', parentKey: 'b' },
          { key: 'c', parentKey: 'finnes-ikke' },
          { key: 'c', name: 'Igjen' },
        ],
        positions: [{ key: 'ny', title: 'Ny', unitKey: 'mangler', roleType: 'adviser' }],
      }),
      state(),
      D,
    );
    expect(where(plan)).toEqual([
      ['units', 3, 'key'],
      ['units', 2, 'parentKey'],
      ['units', 1, 'parentKey'],
      ['positions', 1, 'unitKey'],
    ]);
    expect(plan.problems[2]!.message.nb).toBe(
      'Enhetene ville ligget under hverandre i en sirkel: «top» → «b» → «a» → «top». Rett parentKey for en av dem.',
    );
  });

  it('reports a second personnel line, a line to a position without personnel responsibility, and a circle of personnel lines', () => {
    const { plan } = planImport(
      file({
        positions: [{ key: 'lead-x', title: 'Ny leder', unitKey: 'c', roleType: 'unit_leader', personnelResponsibility: true }],
        lines: [
          { type: 'personnel', fromPositionKey: 'lead-c', toPositionKey: 'lead-a', validFrom: D },
          { type: 'personnel', fromPositionKey: 'lead-c', toPositionKey: 'lead-x', validFrom: '2021-06-01' },
          { type: 'personnel', fromPositionKey: 'lead-a', toPositionKey: 'emp-b' },
          { type: 'personnel', fromPositionKey: 'chief', toPositionKey: 'lead-a' },
        ],
      }),
      state(),
      D,
    );
    expect(where(plan)).toEqual([
      ['lines', 3, 'toPositionKey'],
      ['lines', 2, 'fromPositionKey'],
      ['lines', 4, 'toPositionKey'],
    ]);
    expect(plan.problems[1]!.message.nb).toMatch(/«lead-c» ville fått en andre personalmessig linje/);
    expect(plan.problems[2]!.message.nb).toBe('Personallinjene ville gått i sirkel 1.1.2021: «chief» → «lead-a» → «chief».');
  });

  it('refuses a professional line from an independent position and accepts one to it, as the command and the rules report do', () => {
    const { plan } = planImport(
      file({
        positions: [
          {
            key: 'lawyer',
            title: 'Advokat',
            unitKey: 'c',
            roleType: 'adviser',
            personnelResponsibility: false,
            professionallyIndependent: true,
          },
        ],
        lines: [
          { type: 'personnel', fromPositionKey: 'lawyer', toPositionKey: 'lead-c', validFrom: D },
          { type: 'professional', fromPositionKey: 'lead-a', toPositionKey: 'lawyer', validFrom: D },
          { type: 'professional', fromPositionKey: 'lawyer', toPositionKey: 'lead-a', validFrom: D },
        ],
      }),
      state(),
      D,
    );
    expect(where(plan)).toEqual([['lines', 3, 'fromPositionKey']]);
    expect(plan.problems[0]!.message.nb).toMatch(/«lawyer» er faglig selvstendig og kan ikke ha en faglig linje til «lead-a»/);
  });

  it('reports a placement that takes a person above 100 %, as the placement command would refuse it', () => {
    const { plan } = planImport(
      file({
        assignments: [
          { personKey: 'p1', positionKey: 'lead-c', fte: 0.6, validFrom: D },
          { personKey: 'p1', positionKey: 'emp-b', fte: 0.4, validFrom: D, validTo: '2021-02-01' },
        ],
      }),
      {
        ...state(),
        assignments: [{ id: 'a-1', revision: 1, personKey: 'p1', positionKey: 'lead-a', fte: 0.4, ...open, source: 'kilde' }],
      },
      D,
    );
    expect(where(plan)).toEqual([
      ['assignments', 1, 'fte'],
      ['assignments', 2, 'fte'],
    ]);
    expect(plan.problems[0]!.message.nb).toBe(
      '«p1» får da 140 % stilling fra 1.1.2021: mer enn 100 %. Reduser en tilknytning i filen, eller plasser personen for hånd med en begrunnelse.',
    );
  });

  it('replaces a stored personnel line the file moves, and takes personnel responsibility away only after the line has ended', () => {
    const { plan, steps } = planImport(
      file({
        positions: [{ key: 'lead-a', personnelResponsibility: false }],
        lines: [{ type: 'personnel', fromPositionKey: 'emp-b', toPositionKey: 'lead-c' }],
      }),
      state(),
      D,
    );
    expect(plan.problems).toEqual([]);
    expect(steps.map((s) => s.op)).toEqual(['endLine', 'changePosition', 'addLine']);
    expect(steps[0]).toMatchObject({ id: 'l-2', validTo: D });
    expect(plan.changes.map((c) => [c.action, c.label])).toEqual([
      ['change', 'lead-a'],
      ['create', 'emp-b → lead-c (personnel)'],
      ['end', 'emp-b → lead-a (personnel)'],
    ]);
  });

  it('refuses to replace a personnel line that starts on or after the new one', () => {
    const later = state();
    later.lines.push(line('4', 'lead-c', 'lead-a', 'personnel', { validFrom: '2022-01-01', validTo: null }));
    later.lines[2]!.validTo = '2022-01-01';
    const { plan } = planImport(
      // «(tøm)» makes the stored line open-ended again (null would leave its end as it is).
      file({ lines: [{ type: 'personnel', fromPositionKey: 'lead-c', toPositionKey: 'chief', validTo: '(tøm)' }] }),
      later,
      D,
    );
    expect(where(plan)).toEqual([['lines', 1, 'fromPositionKey']]);
    expect(plan.problems[0]!.message.nb).toMatch(/har allerede en personalmessig linje til «lead-a» fra 1\.1\.2022/);
  });

  it('reports overlapping assignments and an end before the start', () => {
    const { plan } = planImport(
      file({
        assignments: [
          { personKey: 'p1', positionKey: 'lead-a', validFrom: '2020-06-01' },
          { personKey: 'p1', positionKey: 'lead-c', validFrom: '2021-01-01', validTo: '2022-01-01' },
          { personKey: 'p1', positionKey: 'lead-c', validFrom: '2021-06-01' },
          { personKey: 'p1', positionKey: 'emp-b', validFrom: '2021-06-01', validTo: '2021-06-01' },
          { personKey: 'ukjent', positionKey: 'emp-b' },
        ],
      }),
      state(),
      D,
    );
    expect(where(plan)).toEqual([
      ['assignments', 4, 'validTo'],
      ['assignments', 5, 'personKey'],
      ['assignments', 1, 'validFrom'],
      ['assignments', 3, 'validFrom'],
      // p1 already holds lead-a full time: a second full-time position is above 100 %.
      ['assignments', 2, 'fte'],
    ]);
    expect(plan.problems[0]!.message.nb).toBe(
      'Sluttdatoen (1.6.2021) må være etter startdatoen (1.6.2021). validTo er første dag det ikke lenger gjelder.',
    );
  });

  it('matches an assignment without a start to the one that holds on the import date, and ends or changes it', () => {
    const shorter = planImport(file({ assignments: [{ personKey: 'p1', positionKey: 'lead-a', validTo: '2021-07-01' }] }), state(), D);
    expect(shorter.steps).toEqual([
      { op: 'endAssignment', ref: { entity: 'assignments', sheet: 'assignments', row: 1 }, id: 'a-1', validTo: '2021-07-01' },
    ]);
    const smaller = planImport(file({ assignments: [{ personKey: 'p1', positionKey: 'lead-a', fte: 0.5 }] }), state(), D);
    expect(smaller.steps).toEqual([{ op: 'updateAssignment', ref: expect.any(Object), id: 'a-1', changes: { fte: 0.5 } }]);
    const created = planImport(
      file({ people: [{ key: 'p2', name: 'Kari' }], assignments: [{ personKey: 'p2', positionKey: 'emp-b' }] }),
      state(),
      D,
    );
    expect(created.steps.map((s) => s.op)).toEqual(['createPerson', 'assignPerson']);
    expect(created.steps[1]).toMatchObject({
      record: { personKey: 'p2', positionKey: 'emp-b', fte: 1, validFrom: D, validTo: null, source: 'Import «fil.json»' },
    });
  });
});
