import { describe, expect, it } from 'vitest';
import type { OrganisationState, StoredPosition } from '../import-export/plan-import.js';
import { planHrDelta } from './plan-hr-delta.js';
import type { FeedAssignment, HrFeed } from './read-feed.js';

const D = '2026-03-01';

function position(key: string, unitKey: string, roleType: StoredPosition['versions'][number]['roleType'] = 'employee'): StoredPosition {
  return {
    id: `id-${key}`,
    key,
    revision: 1,
    versions: [
      {
        validFrom: '2020-01-01',
        validTo: null,
        title: key,
        unitKey,
        roleType,
        personnelResponsibility: roleType !== 'employee',
        professionallyIndependent: false,
        fte: null,
        source: null,
        note: null,
      },
    ],
  };
}

const state: OrganisationState = {
  units: [
    {
      id: 'u1',
      key: 'skole',
      revision: 1,
      versions: [
        {
          validFrom: '2020-01-01',
          validTo: null,
          name: 'Skole',
          kind: 'unit',
          level: 4,
          parentKey: null,
          classification: 'service',
          nameKnown: true,
          hrUnitId: 'HR-77',
          ansvarNumber: null,
          organisationNumber: null,
          kostraFunction: null,
          districts: [],
          source: null,
          note: null,
        },
      ],
    },
  ],
  positions: [position('rektor', 'skole', 'unit_leader'), position('rektor-2', 'skole', 'unit_leader'), position('laerer', 'skole')],
  people: [
    { id: 'p1', key: '1', revision: 1, name: 'Anne', synthetic: false, source: null },
    { id: 'p2', key: '2', revision: 1, name: 'Bjørn', synthetic: false, source: null },
    { id: 'p3', key: '3', revision: 1, name: 'Cecilie', synthetic: false, source: null },
  ],
  assignments: [
    { id: 'a1', revision: 1, personKey: '1', positionKey: 'rektor', fte: 1, validFrom: '2020-01-01', validTo: null, source: null },
    { id: 'a2', revision: 1, personKey: '2', positionKey: 'laerer', fte: 1, validFrom: '2020-01-01', validTo: null, source: null },
    { id: 'a3', revision: 1, personKey: '3', positionKey: 'laerer', fte: 0.5, validFrom: '2020-01-01', validTo: null, source: null },
  ],
  lines: [],
};

let row = 1;
const assignment = (personKey: string, positionKey: string, fte = 1, unitKey: string | null = 'skole'): FeedAssignment => ({
  row: ++row,
  sheet: null,
  personKey,
  positionKey,
  unitKey,
  fte,
  validFrom: '2020-01-01',
  validTo: null,
});

function feed(rows: [string, string, FeedAssignment][]): HrFeed {
  return {
    format: 'visma-csv',
    fileName: 'hr.csv',
    people: rows.map(([key, name, a]) => ({ row: a.row, sheet: null, key, name })),
    assignments: rows.map(([, , a]) => a),
    problems: [],
  };
}

const options = { date: D, maxRemovalShare: 0.5 };

describe('the HR delta', () => {
  it('finds new people, new names, changed shares and assignments that ended', () => {
    const delta = planHrDelta(
      feed([
        ['1', 'Anne Ny', assignment('1', 'rektor')],
        ['3', 'Cecilie', assignment('3', 'laerer', 0.8)],
        ['4', 'Dag', assignment('4', 'laerer', 1, 'HR-77')],
      ]),
      state,
      options,
    );
    expect(delta.problems).toEqual([]);
    expect(delta.counts).toMatchObject({
      peopleNew: 1,
      peopleRenamed: 1,
      peopleGone: 1,
      assignmentsNew: 1,
      assignmentsChanged: 1,
      assignmentsEnded: 1,
      unchanged: 1,
    });
    expect(delta.parsed.sections.people!.map((r) => r.values)).toEqual([
      { key: '1', name: 'Anne Ny' },
      { key: '4', name: 'Dag', synthetic: false, source: 'HR-innlesing «hr.csv»' },
    ]);
    // The changed share keeps the stored start, so the import finds the same assignment.
    expect(delta.parsed.sections.assignments!.map((r) => r.values)).toContainEqual({
      personKey: '3',
      positionKey: 'laerer',
      validFrom: '2020-01-01',
      fte: 0.8,
      validTo: null,
    });
    // A new assignment starts on the feed date, not back in time.
    expect(delta.parsed.sections.assignments!.find((r) => r.values.personKey === '4')!.values.validFrom).toBe(D);
    expect(delta.endings).toEqual([{ op: 'endAssignment', ref: { entity: 'assignments', sheet: null, row: null }, id: 'a2', validTo: D }]);
  });

  it('changes nothing when the file matches the organisation', () => {
    const delta = planHrDelta(
      feed([
        ['1', 'Anne', assignment('1', 'rektor')],
        ['2', 'Bjørn', assignment('2', 'laerer')],
        ['3', 'Cecilie', assignment('3', 'laerer', 0.5)],
      ]),
      state,
      options,
    );
    expect(delta.problems).toEqual([]);
    expect(delta.parsed.sections.people).toEqual([]);
    expect(delta.parsed.sections.assignments).toEqual([]);
    expect(delta.endings).toEqual([]);
  });

  it('refuses a file that would remove more than the share allowed', () => {
    const delta = planHrDelta(feed([['1', 'Anne', assignment('1', 'rektor')]]), state, { date: D, maxRemovalShare: 0.05 });
    expect(delta.problems).toHaveLength(1);
    expect(delta.problems[0]!.message.en).toContain('lacks 2 of the 3 people');
  });

  it('refuses an employee number with two names, two leader posts at 100 %, and unknown keys, by row', () => {
    const twice = assignment('2', 'laerer');
    const leader1 = assignment('1', 'rektor');
    const leader2 = assignment('1', 'rektor-2');
    const unknownUnit = assignment('3', 'laerer', 0.5, 'finnes-ikke');
    const unknownPosition = assignment('5', 'finnes-ikke');
    const delta = planHrDelta(
      feed([
        ['2', 'Bjørn', assignment('2', 'laerer')],
        ['2', 'Bjarne', twice],
        ['1', 'Anne', leader1],
        ['1', 'Anne', leader2],
        ['3', 'Cecilie', unknownUnit],
        ['5', 'Eva', unknownPosition],
      ]),
      state,
      options,
    );
    const byRow = Object.fromEntries(delta.problems.map((p) => [p.row, p.column]));
    expect(byRow).toEqual({
      [twice.row]: 'Ansattnummer',
      [leader2.row]: 'Stillingsprosent',
      [unknownUnit.row]: 'Organisasjonsenhet',
      [unknownPosition.row]: 'Stillingsnummer',
    });
  });

  it('lets a leader hold a second leader post part time', () => {
    const delta = planHrDelta(
      feed([
        ['1', 'Anne', assignment('1', 'rektor')],
        ['1', 'Anne', assignment('1', 'rektor-2', 0.2)],
        ['2', 'Bjørn', assignment('2', 'laerer')],
        ['3', 'Cecilie', assignment('3', 'laerer', 0.5)],
      ]),
      state,
      options,
    );
    expect(delta.problems).toEqual([]);
    expect(delta.counts.assignmentsNew).toBe(1);
  });
});
