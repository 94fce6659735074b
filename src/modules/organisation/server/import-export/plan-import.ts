import type { ImportChange, ImportCounts, ImportEntity, ImportPlan, ImportProblem, LocalisedMessage } from '../../import-export.schemas.js';
import { coversPeriod, describePeriod, holdsOn, norwegianDate, overlaps, type Period } from '../dated-versions.js';
import {
  columns,
  entityLabels,
  message,
  type AssignmentRecord,
  type LineRecord,
  type ParsedImport,
  type ParsedRow,
  type PersonRecord,
  type PositionRecord,
  type UnitRecord,
} from './organisation-format.js';
import { breaksIndependence } from '../independence.js';

// The dry run: the file compared with the organisation by external key, as pure functions over
// the stored state, so every check can be tested without a database. It lists what would be
// created, changed and left alone, and every problem by row and column; and it orders the steps
// that apply-import.ts runs through the dated edit commands.
//
// Units and positions in the file describe them from the import date (`validFrom`): a difference
// becomes a new version from that day. People are not dated. Assignments and lines carry their
// own period; a row without a start means "the one that holds on the import date".

// ---------------------------------------------------------------------------------------------
// The organisation as stored, by key

type UnitFields = Omit<UnitRecord, 'key'>;
type PositionFields = Omit<PositionRecord, 'key'>;

export interface StoredUnit {
  id: string;
  key: string;
  revision: number;
  versions: (UnitFields & Period)[];
}
export interface StoredPosition {
  id: string;
  key: string;
  revision: number;
  versions: (PositionFields & Period)[];
}
export interface StoredPerson extends PersonRecord {
  id: string;
  revision: number;
}
export interface StoredAssignment extends Omit<AssignmentRecord, 'validFrom'>, Period {
  id: string;
  revision: number;
}
export interface StoredLine extends Omit<LineRecord, 'validFrom'>, Period {
  id: string;
  revision: number;
}
export interface OrganisationState {
  units: StoredUnit[];
  positions: StoredPosition[];
  people: StoredPerson[];
  assignments: StoredAssignment[];
  lines: StoredLine[];
}

// ---------------------------------------------------------------------------------------------
// Steps

export interface RowRef {
  entity: ImportEntity;
  sheet: string | null;
  row: number | null;
}

export type ImportStep =
  | { op: 'createPerson'; ref: RowRef; record: PersonRecord }
  | { op: 'changePerson'; ref: RowRef; id: string; key: string; changes: Partial<PersonRecord> }
  | { op: 'createUnit'; ref: RowRef; record: UnitRecord }
  | { op: 'changeUnit'; ref: RowRef; id: string; key: string; changes: Partial<UnitRecord> }
  | { op: 'createPosition'; ref: RowRef; record: PositionRecord }
  | { op: 'changePosition'; ref: RowRef; id: string; key: string; changes: Partial<PositionRecord> }
  | { op: 'endAssignment'; ref: RowRef; id: string; validTo: string }
  | { op: 'updateAssignment'; ref: RowRef; id: string; changes: { fte?: number; validTo?: string | null; source?: string | null } }
  | { op: 'assignPerson'; ref: RowRef; record: AssignmentRecord }
  | { op: 'endLine'; ref: RowRef; id: string; validTo: string }
  | { op: 'updateLine'; ref: RowRef; id: string; changes: { validTo?: string | null; source?: string | null; note?: string | null } }
  | { op: 'addLine'; ref: RowRef; record: LineRecord };

export interface PlannedImport {
  plan: ImportPlan;
  steps: ImportStep[];
}

export const maxListedProblems = 10_000;

const holding = <T extends Period>(versions: T[], date: string): T | undefined =>
  versions.find((v) => v.validFrom <= date && (v.validTo === null || v.validTo > date));

function lifetime(versions: Period[]): string {
  if (versions.length === 0) return '';
  return describePeriod({ validFrom: versions[0]!.validFrom, validTo: versions.at(-1)!.validTo });
}

function shown(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(' ');
  return String(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return (a ?? null) === (b ?? null);
}

/** The fields of `values` (those the file has) that differ from `current`. */
function differences<T extends object>(current: T, values: Record<string, unknown>, fields: readonly string[]): Partial<T> {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in values)) continue;
    if (!sameValue((current as Record<string, unknown>)[field], values[field])) changes[field] = values[field];
  }
  return changes as Partial<T>;
}

const fieldsOf = (entity: ImportEntity, without: string[]) => columns[entity].map((c) => c.name).filter((n) => !without.includes(n));
const unitFields = fieldsOf('units', ['key']);
const positionFields = fieldsOf('positions', ['key']);

/**
 * Compares the file with the organisation as stored and plans the import from `validFrom`.
 * Pure: `state` is everything it needs from the database.
 */
export function planImport(parsed: ParsedImport, state: OrganisationState, validFrom: string): PlannedImport {
  const D = validFrom;
  const file = parsed.fileName;
  const problems: ImportProblem[] = [...parsed.problems];
  const rowsWithProblems = new Set<string>();
  const rowId = (entity: ImportEntity, row: number | null) => `${entity}:${row}`;
  for (const p of parsed.problems) if (p.entity) rowsWithProblems.add(rowId(p.entity, p.row));
  const problem = (entity: ImportEntity, row: ParsedRow, column: string | null, msg: LocalisedMessage) => {
    problems.push({ file, sheet: row.sheet, entity, row: row.row, column, message: msg });
    rowsWithProblems.add(rowId(entity, row.row));
  };
  const hasProblem = (entity: ImportEntity, row: ParsedRow) => rowsWithProblems.has(rowId(entity, row.row));
  const refOf = (entity: ImportEntity, row: ParsedRow): RowRef => ({ entity, sheet: row.sheet, row: row.row });
  const defaultSource = `Import «${file}»`;
  const changes: ImportChange[] = [];
  const listChange = (
    entity: ImportEntity,
    row: ParsedRow | null,
    action: ImportChange['action'],
    label: string,
    fields: ImportChange['fields'],
    sheet?: string | null,
  ) => changes.push({ entity, sheet: row?.sheet ?? sheet ?? null, row: row?.row ?? null, action, label, fields });
  const fieldChanges = (before: object | null, after: object) =>
    Object.entries(after).map(([field, value]) => ({
      field,
      before: before ? shown((before as Record<string, unknown>)[field]) : null,
      after: shown(value),
    }));

  const rowsOf = (entity: ImportEntity) => parsed.sections[entity] ?? [];
  // Keys the file names on rows that could be read, even if the row has another problem: a
  // reference to one of them is not reported as unknown on top of that problem.
  const keysInFile = (entity: ImportEntity) =>
    new Set(
      rowsOf(entity)
        .map((r) => r.values.key)
        .filter((k): k is string => typeof k === 'string'),
    );

  // Duplicate external keys: the later row is the problem.
  const active = new Map<ImportEntity, ParsedRow[]>();
  const identity: Record<
    ImportEntity,
    { column: string; of: (v: Record<string, unknown>) => string; describe: (v: Record<string, unknown>) => LocalisedMessage }
  > = {
    units: {
      column: 'key',
      of: (v) => String(v.key),
      describe: (v) => message(`Nøkkelen «${String(v.key)}»`, `The key "${String(v.key)}"`),
    },
    positions: {
      column: 'key',
      of: (v) => String(v.key),
      describe: (v) => message(`Nøkkelen «${String(v.key)}»`, `The key "${String(v.key)}"`),
    },
    people: {
      column: 'key',
      of: (v) => String(v.key),
      describe: (v) => message(`Nøkkelen «${String(v.key)}»`, `The key "${String(v.key)}"`),
    },
    assignments: {
      column: 'positionKey',
      of: (v) => `${String(v.personKey)}|${String(v.positionKey)}|${String(v.validFrom ?? D)}`,
      describe: (v) =>
        message(
          `Tilknytningen av «${String(v.personKey)}» til «${String(v.positionKey)}» fra ${norwegianDate(String(v.validFrom ?? D))}`,
          `The assignment of "${String(v.personKey)}" to "${String(v.positionKey)}" from ${String(v.validFrom ?? D)}`,
        ),
    },
    lines: {
      column: 'toPositionKey',
      of: (v) => `${String(v.type)}|${String(v.fromPositionKey)}|${String(v.toPositionKey)}|${String(v.validFrom ?? D)}`,
      describe: (v) =>
        message(
          `Linjen (${String(v.type)}) fra «${String(v.fromPositionKey)}» til «${String(v.toPositionKey)}» fra ${norwegianDate(String(v.validFrom ?? D))}`,
          `The ${String(v.type)} line from "${String(v.fromPositionKey)}" to "${String(v.toPositionKey)}" from ${String(v.validFrom ?? D)}`,
        ),
    },
  };
  for (const entity of Object.keys(identity) as ImportEntity[]) {
    const first = new Map<string, ParsedRow>();
    const rows: ParsedRow[] = [];
    for (const row of rowsOf(entity)) {
      if (row.invalid) continue;
      const id = identity[entity];
      const k = id.of(row.values);
      const earlier = first.get(k);
      if (earlier) {
        const what = id.describe(row.values);
        problem(
          entity,
          row,
          id.column,
          message(
            `${what.nb} står også i rad ${earlier.row}. Hver ${entity === 'assignments' ? 'tilknytning' : entity === 'lines' ? 'linje' : 'nøkkel'} kan bare stå én gang i filen.`,
            `${what.en} is also in row ${earlier.row}. Each ${entity === 'assignments' ? 'assignment' : entity === 'lines' ? 'line' : 'key'} may appear only once in the file.`,
          ),
        );
        continue;
      }
      first.set(k, row);
      rows.push(row);
    }
    active.set(entity, rows);
  }

  // End before start, wherever a row gives both.
  for (const entity of ['assignments', 'lines'] as const) {
    for (const row of active.get(entity)!) {
      const from = (row.values.validFrom as string | undefined) ?? D;
      const to = row.values.validTo as string | null | undefined;
      if (typeof to === 'string' && 'validFrom' in row.values && to <= from) {
        problem(
          entity,
          row,
          'validTo',
          message(
            `Sluttdatoen (${norwegianDate(to)}) må være etter startdatoen (${norwegianDate(from)}). validTo er første dag det ikke lenger gjelder.`,
            `The end date (${to}) must be after the start date (${from}). validTo is the first day it no longer holds.`,
          ),
        );
      }
    }
  }

  const unitsByKey = new Map(state.units.map((u) => [u.key, u]));
  const positionsByKey = new Map(state.positions.map((p) => [p.key, p]));
  const peopleByKey = new Map(state.people.map((p) => [p.key, p]));
  const counts = Object.fromEntries(
    (Object.keys(identity) as ImportEntity[]).map((e) => [
      e,
      { rows: rowsOf(e).length, create: 0, change: 0, unchanged: 0, withProblems: 0, notInFile: 0 },
    ]),
  ) as Record<ImportEntity, ImportCounts>;

  const missingToCreate = (entity: ImportEntity, row: ParsedRow): boolean => {
    const missing = columns[entity].filter((c) => c.toCreate && (row.values[c.name] === undefined || row.values[c.name] === null));
    for (const column of missing) {
      problem(
        entity,
        row,
        column.name,
        message(
          `«${String(row.values.key)}» finnes ikke fra før, og «${column.name}» må fylles ut for å opprette den.`,
          `"${String(row.values.key)}" does not exist yet, and "${column.name}" must be filled in to create it.`,
        ),
      );
    }
    return missing.length > 0;
  };
  const notOnDate = (entity: ImportEntity, row: ParsedRow, column: string, key: string, versions: Period[]) =>
    problem(
      entity,
      row,
      column,
      message(
        `«${key}» finnes i registeret, men ikke ${norwegianDate(D)} (den finnes ${lifetime(versions)}). Importen kan ikke gjenåpne den; velg en annen importdato eller rett den i organisasjonen først.`,
        `"${key}" is in the register, but not on ${D} (it exists ${versions[0]?.validFrom ?? ''}–${versions.at(-1)?.validTo ?? ''}). An import cannot reopen it; choose another import date or correct it in the organisation first.`,
      ),
    );
  const unknownReference = (entity: ImportEntity, row: ParsedRow, column: string, key: string, of: ImportEntity) =>
    problem(
      entity,
      row,
      column,
      message(
        `Fant ikke «${key}» (${column}) blant ${entityLabels[of].nb}, verken i filen eller i organisasjonen ${norwegianDate(D)}.`,
        `"${key}" (${column}) was not found among the ${entityLabels[of].en}, neither in the file nor in the organisation on ${D}.`,
      ),
    );

  // --- People ------------------------------------------------------------------------------
  const personSteps: ImportStep[] = [];
  const finalPeople = new Set(state.people.map((p) => p.key));
  for (const row of active.get('people')!) {
    const key = row.values.key as string;
    const stored = peopleByKey.get(key);
    if (stored) {
      const diff = differences(stored, row.values, ['name', 'synthetic', 'source']);
      if (Object.keys(diff).length === 0) counts.people.unchanged += 1;
      else {
        counts.people.change += 1;
        personSteps.push({ op: 'changePerson', ref: refOf('people', row), id: stored.id, key, changes: diff });
        listChange('people', row, 'change', key, fieldChanges(stored, diff));
      }
    } else {
      if (missingToCreate('people', row)) continue;
      const record: PersonRecord = {
        key,
        name: row.values.name as string,
        synthetic: (row.values.synthetic as boolean | undefined) ?? false,
        source: 'source' in row.values ? (row.values.source as string | null) : defaultSource,
      };
      counts.people.create += 1;
      finalPeople.add(key);
      personSteps.push({ op: 'createPerson', ref: refOf('people', row), record });
      listChange(
        'people',
        row,
        'create',
        key,
        fieldChanges(null, { name: record.name, synthetic: record.synthetic, source: record.source }),
      );
    }
  }

  // --- Units ---------------------------------------------------------------------------------
  interface FinalUnit {
    key: string;
    parentKey: string | null;
    row: ParsedRow | null;
    step: ImportStep | null;
  }
  const finalUnits = new Map<string, FinalUnit>();
  for (const unit of state.units) {
    const version = holding(unit.versions, D);
    if (version) finalUnits.set(unit.key, { key: unit.key, parentKey: version.parentKey, row: null, step: null });
  }
  const unitRows = active.get('units')!;
  for (const row of unitRows) {
    const key = row.values.key as string;
    const stored = unitsByKey.get(key);
    if (stored) {
      const version = holding(stored.versions, D);
      if (!version) {
        notOnDate('units', row, 'key', key, stored.versions);
        continue;
      }
      const diff = differences<UnitRecord>(version as unknown as UnitRecord, row.values, unitFields);
      const step: ImportStep | null =
        Object.keys(diff).length > 0 ? { op: 'changeUnit', ref: refOf('units', row), id: stored.id, key, changes: diff } : null;
      finalUnits.set(key, { key, parentKey: diff.parentKey !== undefined ? diff.parentKey : version.parentKey, row, step });
    } else {
      if (missingToCreate('units', row)) continue;
      const v = row.values;
      const record: UnitRecord = {
        key,
        name: v.name as string,
        kind: v.kind as UnitRecord['kind'],
        level: v.level as number,
        parentKey: (v.parentKey as string | null | undefined) ?? null,
        classification: v.classification as UnitRecord['classification'],
        nameKnown: (v.nameKnown as boolean | undefined) ?? true,
        hrUnitId: (v.hrUnitId as string | null | undefined) ?? null,
        ansvarNumber: (v.ansvarNumber as string | null | undefined) ?? null,
        organisationNumber: (v.organisationNumber as string | null | undefined) ?? null,
        kostraFunction: (v.kostraFunction as string | null | undefined) ?? null,
        districts: (v.districts as number[] | undefined) ?? [],
        source: 'source' in v ? (v.source as string | null) : defaultSource,
        note: (v.note as string | null | undefined) ?? null,
      };
      finalUnits.set(key, { key, parentKey: record.parentKey, row, step: { op: 'createUnit', ref: refOf('units', row), record } });
    }
  }
  const fileUnitKeys = keysInFile('units');
  for (const unit of finalUnits.values()) {
    if (!unit.row || unit.parentKey === null) continue;
    if (!('parentKey' in unit.row.values) && unit.step?.op !== 'createUnit') continue;
    if (finalUnits.has(unit.parentKey)) continue;
    if (fileUnitKeys.has(unit.parentKey) && !unitsByKey.has(unit.parentKey)) {
      rowsWithProblems.add(rowId('units', unit.row.row));
      continue;
    }
    const stored = unitsByKey.get(unit.parentKey);
    if (stored) notOnDate('units', unit.row, 'parentKey', unit.parentKey, stored.versions);
    else unknownReference('units', unit.row, 'parentKey', unit.parentKey, 'units');
  }
  // A unit under itself, however far up: reported once per loop, on its first row in the file.
  const reportedLoops = new Set<string>();
  for (const unit of finalUnits.values()) {
    if (!unit.row) continue;
    const path: string[] = [unit.key];
    const seen = new Set(path);
    let current = unit.parentKey;
    while (current !== null && finalUnits.has(current) && !seen.has(current)) {
      path.push(current);
      seen.add(current);
      current = finalUnits.get(current)!.parentKey;
    }
    if (current !== unit.key) continue;
    const loop = [...path].sort().join('|');
    if (reportedLoops.has(loop)) continue;
    reportedLoops.add(loop);
    const rows = path.map((k) => finalUnits.get(k)!.row).filter((r): r is ParsedRow => r !== null);
    const first = rows.sort((a, b) => a.row - b.row)[0]!;
    const firstKey = first.values.key as string;
    const start = path.indexOf(firstKey);
    const circle = [...path.slice(start), ...path.slice(0, start), firstKey];
    problem(
      'units',
      first,
      'parentKey',
      message(
        `Enhetene ville ligget under hverandre i en sirkel: ${circle.map((k) => `«${k}»`).join(' → ')}. Rett parentKey for en av dem.`,
        `The units would lie under one another in a circle: ${circle.map((k) => `"${k}"`).join(' → ')}. Correct the parentKey of one of them.`,
      ),
    );
    for (const r of rows) rowsWithProblems.add(rowId('units', r.row));
  }
  // Parents before children, so a new unit's parent exists and a move never makes a loop on the way.
  const unitSteps: ImportStep[] = [];
  const placed = new Set<string>();
  const place = (key: string, depth = 0) => {
    if (placed.has(key) || depth > finalUnits.size) return;
    placed.add(key);
    const unit = finalUnits.get(key)!;
    if (unit.parentKey && finalUnits.has(unit.parentKey)) place(unit.parentKey, depth + 1);
    if (!unit.row || hasProblem('units', unit.row)) return;
    if (unit.step) {
      unitSteps.push(unit.step);
      if (unit.step.op === 'createUnit') {
        counts.units.create += 1;
        const { key: _key, ...fields } = unit.step.record;
        listChange('units', unit.row, 'create', key, fieldChanges(null, fields));
      } else if (unit.step.op === 'changeUnit') {
        counts.units.change += 1;
        const stored = unitsByKey.get(key)!;
        listChange('units', unit.row, 'change', key, fieldChanges(holding(stored.versions, D)!, unit.step.changes));
      }
    } else counts.units.unchanged += 1;
  };
  for (const key of finalUnits.keys()) place(key);

  // --- Positions -----------------------------------------------------------------------------
  interface FinalPosition {
    key: string;
    personnelResponsibility: boolean;
    professionallyIndependent: boolean;
    periods: Period[];
  }
  const finalPositions = new Map<string, FinalPosition>();
  for (const position of state.positions) {
    const version = holding(position.versions, D);
    if (version) {
      finalPositions.set(position.key, {
        key: position.key,
        personnelResponsibility: version.personnelResponsibility,
        professionallyIndependent: version.professionallyIndependent,
        periods: position.versions.map((v) => ({ validFrom: v.validFrom, validTo: v.validTo })),
      });
    }
  }
  const positionSteps: ImportStep[] = [];
  const laterPositionSteps: ImportStep[] = [];
  for (const row of active.get('positions')!) {
    const key = row.values.key as string;
    const stored = positionsByKey.get(key);
    const unitKey = row.values.unitKey as string | undefined;
    if (unitKey !== undefined && !finalUnits.has(unitKey)) {
      if (fileUnitKeys.has(unitKey) && !unitsByKey.has(unitKey)) rowsWithProblems.add(rowId('positions', row.row));
      else if (unitsByKey.has(unitKey)) notOnDate('positions', row, 'unitKey', unitKey, unitsByKey.get(unitKey)!.versions);
      else unknownReference('positions', row, 'unitKey', unitKey, 'units');
    }
    if (stored) {
      const version = holding(stored.versions, D);
      if (!version) {
        notOnDate('positions', row, 'key', key, stored.versions);
        continue;
      }
      const diff = differences<PositionRecord>(version as unknown as PositionRecord, row.values, positionFields);
      finalPositions.set(key, {
        key,
        personnelResponsibility: diff.personnelResponsibility ?? version.personnelResponsibility,
        professionallyIndependent: diff.professionallyIndependent ?? version.professionallyIndependent,
        periods: stored.versions.map((v) => ({ validFrom: v.validFrom, validTo: v.validTo })),
      });
      if (hasProblem('positions', row)) continue;
      if (Object.keys(diff).length === 0) {
        counts.positions.unchanged += 1;
        continue;
      }
      counts.positions.change += 1;
      const step: ImportStep = { op: 'changePosition', ref: refOf('positions', row), id: stored.id, key, changes: diff };
      // Losing personnel responsibility (or becoming independent) waits until the lines that would forbid it have ended.
      if (diff.personnelResponsibility === false || diff.professionallyIndependent === true) laterPositionSteps.push(step);
      else positionSteps.push(step);
      listChange('positions', row, 'change', key, fieldChanges(version, diff));
    } else {
      if (missingToCreate('positions', row)) continue;
      const v = row.values;
      const record: PositionRecord = {
        key,
        title: v.title as string,
        unitKey: v.unitKey as string,
        roleType: v.roleType as PositionRecord['roleType'],
        personnelResponsibility: (v.personnelResponsibility as boolean | undefined) ?? false,
        professionallyIndependent: (v.professionallyIndependent as boolean | undefined) ?? false,
        fte: (v.fte as number | null | undefined) ?? null,
        costCentre: (v.costCentre as string | null | undefined) ?? null,
        source: 'source' in v ? (v.source as string | null) : defaultSource,
        note: (v.note as string | null | undefined) ?? null,
      };
      finalPositions.set(key, {
        key,
        personnelResponsibility: record.personnelResponsibility,
        professionallyIndependent: record.professionallyIndependent,
        periods: [{ validFrom: D, validTo: null }],
      });
      if (hasProblem('positions', row)) continue;
      counts.positions.create += 1;
      positionSteps.push({ op: 'createPosition', ref: refOf('positions', row), record });
      const { key: _key, ...fields } = record;
      listChange('positions', row, 'create', key, fieldChanges(null, fields));
    }
  }
  const filePositionKeys = keysInFile('positions');
  const filePersonKeys = keysInFile('people');
  /** A position or person the row names: known, or a problem (unless the file's own row for it has one). */
  const resolves = (entity: ImportEntity, row: ParsedRow, column: string, of: 'positions' | 'people'): boolean => {
    const key = row.values[column] as string;
    if (of === 'people' ? finalPeople.has(key) : finalPositions.has(key)) return true;
    const inFile =
      of === 'people' ? filePersonKeys.has(key) && !peopleByKey.has(key) : filePositionKeys.has(key) && !positionsByKey.has(key);
    if (inFile) rowsWithProblems.add(rowId(entity, row.row));
    else if (of === 'positions' && positionsByKey.has(key)) notOnDate(entity, row, column, key, positionsByKey.get(key)!.versions);
    else unknownReference(entity, row, column, key, of);
    return false;
  };
  const coveredBy = (entity: ImportEntity, row: ParsedRow, column: string, positionKey: string, period: Period): boolean => {
    const position = finalPositions.get(positionKey)!;
    if (coversPeriod(position.periods, period)) return true;
    problem(
      entity,
      row,
      column,
      message(
        `Stillingen «${positionKey}» finnes ikke i hele perioden ${describePeriod(period)} (den finnes ${lifetime(position.periods)}).`,
        `The position "${positionKey}" does not exist throughout the period from ${period.validFrom}${period.validTo ? ` to ${period.validTo}` : ''}.`,
      ),
    );
    return false;
  };

  // --- Assignments ---------------------------------------------------------------------------
  interface FinalDated extends Period {
    stored: { id: string; validFrom: string; validTo: string | null } | null;
    row: ParsedRow | null;
  }
  const assignmentGroups = new Map<string, FinalDated[]>();
  const matchedAssignments = new Set<string>();
  const groupKey = (...parts: string[]) => parts.join('|');
  const endSteps: ImportStep[] = [];
  const extendSteps: ImportStep[] = [];
  /** The stored entry a file row stands for: the one starting on the row's validFrom, or without one the one holding on the import date. */
  const storedMatch = (group: FinalDated[], v: Record<string, unknown>) => {
    const explicit = typeof v.validFrom === 'string';
    return group.find((g) => g.stored && !g.row && (explicit ? g.validFrom === v.validFrom : holdsOn(g, D)));
  };
  /** False (and a problem on validTo) when the period ends on or before it starts. */
  const endsAfterStart = (entity: 'assignments' | 'lines', row: ParsedRow, period: Period): boolean => {
    if (period.validTo === null || period.validTo > period.validFrom) return true;
    problem(
      entity,
      row,
      'validTo',
      message(
        `Sluttdatoen (${norwegianDate(period.validTo)}) må være etter startdatoen (${norwegianDate(period.validFrom)}).`,
        `The end date (${period.validTo}) must be after the start date (${period.validFrom}).`,
      ),
    );
    return false;
  };
  /**
   * Plans a change to a stored assignment or line. A shorter period ends it among the end steps;
   * a longer one (with the other changes) waits for the extend steps, and only if the position
   * covers the longer period.
   */
  const planStoredChange = <C extends { validTo?: string | null }>(
    entity: 'assignments' | 'lines',
    row: ParsedRow,
    label: string,
    stored: Period & { id: string },
    diff: C,
    covered: (column: string, period: Period) => boolean,
    step: { end: (ref: RowRef, validTo: string) => ImportStep; update: (ref: RowRef, changes: Partial<C>) => ImportStep },
  ) => {
    const validTo = diff.validTo !== undefined ? diff.validTo : stored.validTo;
    const longer = diff.validTo !== undefined && (diff.validTo === null || (stored.validTo !== null && diff.validTo > stored.validTo));
    if (longer && !covered('validTo', { validFrom: stored.validFrom, validTo })) return;
    counts[entity].change += 1;
    const ref = refOf(entity, row);
    const { validTo: newEnd, ...rest } = diff;
    if (newEnd !== undefined && !longer) endSteps.push(step.end(ref, newEnd!));
    const direct: Partial<C> = longer ? diff : (rest as Partial<C>);
    if (Object.keys(direct).length > 0) extendSteps.push(step.update(ref, direct));
    listChange(entity, row, 'change', label, fieldChanges(stored, diff));
  };
  /** Reports, per group, a file row whose period overlaps another entry of the same group. */
  const reportOverlapsIn = (
    entity: 'assignments' | 'lines',
    groups: Map<string, FinalDated[]>,
    describe: (key: string, periods: LocalisedMessage) => LocalisedMessage,
  ) => {
    for (const [k, group] of groups) {
      reportOverlaps(group, (row, other) =>
        problem(
          entity,
          row,
          'validFrom',
          describe(
            k,
            message(
              `${describePeriod(other)} ${other.row ? `(rad ${other.row.row})` : '(i organisasjonen)'} og ${describePeriod(periodOfRow(row, group))}`,
              `${other.validFrom}–${other.validTo ?? ''} ${other.row ? `(row ${other.row.row})` : '(in the organisation)'} and this row`,
            ),
          ),
        ),
      );
    }
  };
  for (const a of state.assignments) {
    const list = assignmentGroups.get(groupKey(a.personKey, a.positionKey)) ?? [];
    list.push({ validFrom: a.validFrom, validTo: a.validTo, stored: a, row: null });
    assignmentGroups.set(groupKey(a.personKey, a.positionKey), list);
  }
  const assignSteps: ImportStep[] = [];
  for (const row of active.get('assignments')!) {
    if (hasProblem('assignments', row)) continue;
    const v = row.values;
    const personKey = v.personKey as string;
    const positionKey = v.positionKey as string;
    const personOk = resolves('assignments', row, 'personKey', 'people');
    const positionOk = resolves('assignments', row, 'positionKey', 'positions');
    if (!personOk || !positionOk) continue;
    const group = assignmentGroups.get(groupKey(personKey, positionKey)) ?? [];
    assignmentGroups.set(groupKey(personKey, positionKey), group);
    const match = storedMatch(group, v);
    const covered = (column: string, period: Period) => coveredBy('assignments', row, column, positionKey, period);
    const label = `${personKey} – ${positionKey}`;
    if (match) {
      const stored = state.assignments.find((a) => a.id === match.stored!.id)!;
      match.row = row;
      matchedAssignments.add(stored.id);
      const diff = differences(stored, v, ['fte', 'validTo', 'source']) as {
        fte?: number;
        validTo?: string | null;
        source?: string | null;
      };
      if (diff.validTo !== undefined && !endsAfterStart('assignments', row, { validFrom: stored.validFrom, validTo: diff.validTo }))
        continue;
      if (Object.keys(diff).length === 0) {
        counts.assignments.unchanged += 1;
        continue;
      }
      match.validTo = diff.validTo !== undefined ? diff.validTo : stored.validTo;
      planStoredChange('assignments', row, label, stored, diff, covered, {
        end: (ref, validTo) => ({ op: 'endAssignment', ref, id: stored.id, validTo }),
        update: (ref, changes) => ({ op: 'updateAssignment', ref, id: stored.id, changes }),
      });
    } else {
      const record: AssignmentRecord = {
        personKey,
        positionKey,
        fte: (v.fte as number | undefined) ?? 1,
        validFrom: (v.validFrom as string | undefined) ?? D,
        validTo: (v.validTo as string | null | undefined) ?? null,
        source: 'source' in v ? (v.source as string | null) : defaultSource,
      };
      if (!endsAfterStart('assignments', row, record) || !covered('validFrom', record)) continue;
      group.push({ validFrom: record.validFrom, validTo: record.validTo, stored: null, row });
      counts.assignments.create += 1;
      assignSteps.push({ op: 'assignPerson', ref: refOf('assignments', row), record });
      listChange(
        'assignments',
        row,
        'create',
        label,
        fieldChanges(null, { fte: record.fte, validFrom: record.validFrom, validTo: record.validTo, source: record.source }),
      );
    }
  }
  // One person holds one position once on any day.
  reportOverlapsIn('assignments', assignmentGroups, (k, periods) => {
    const [personKey, positionKey] = k.split('|');
    return message(
      `«${personKey}» har stillingen «${positionKey}» i overlappende perioder: ${periods.nb}. Avslutt den ene før den andre begynner.`,
      `"${personKey}" holds the position "${positionKey}" in overlapping periods: ${periods.en}. End one before the other begins.`,
    );
  });

  // The placement command refuses a person above 100 % on any day without a reason given by hand (a
  // file has no column for one), so the dry run says so instead of the apply failing on it.
  const loads = new Map<string, { validFrom: string; validTo: string | null; fte: number }[]>();
  const storedFte = new Map(state.assignments.map((a) => [a.id, a.fte]));
  for (const [k, entries] of assignmentGroups) {
    const personKey = k.split('|')[0]!;
    for (const e of entries) {
      const inFile = e.row?.values.fte as number | undefined;
      const fte = inFile ?? (e.stored ? (storedFte.get(e.stored.id) ?? 1) : 1);
      loads.set(personKey, [...(loads.get(personKey) ?? []), { validFrom: e.validFrom, validTo: e.validTo, fte }]);
    }
  }
  for (const step of assignSteps) {
    if (step.op !== 'assignPerson') continue;
    const record = step.record;
    const row = active.get('assignments')!.find((r) => r.row === step.ref.row && r.sheet === step.ref.sheet)!;
    if (hasProblem('assignments', row)) continue;
    const others = loads.get(record.personKey) ?? [];
    const days = [record.validFrom, ...others.map((o) => o.validFrom).filter((d) => holdsOn(record, d))];
    for (const day of days.sort()) {
      const percent = Math.round(others.filter((o) => holdsOn(o, day)).reduce((sum, o) => sum + o.fte, 0) * 100);
      if (percent <= 100) continue;
      problem(
        'assignments',
        row,
        'fte',
        message(
          `«${record.personKey}» får da ${percent} % stilling fra ${norwegianDate(day)}: mer enn 100 %. Reduser en tilknytning i filen, eller plasser personen for hånd med en begrunnelse.`,
          `"${record.personKey}" would then hold ${percent}% FTE from ${day}: more than 100%. Reduce an assignment in the file, or place the person by hand with a reason.`,
        ),
      );
      break;
    }
  }

  // --- Lines ---------------------------------------------------------------------------------
  const lineGroups = new Map<string, FinalDated[]>();
  const personnelByFrom = new Map<string, (FinalDated & { toKey: string })[]>();
  for (const l of state.lines) {
    const k = groupKey(l.type, l.fromPositionKey, l.toPositionKey);
    const entry = { validFrom: l.validFrom, validTo: l.validTo, stored: l, row: null };
    lineGroups.set(k, [...(lineGroups.get(k) ?? []), entry]);
    if (l.type === 'personnel')
      personnelByFrom.set(l.fromPositionKey, [...(personnelByFrom.get(l.fromPositionKey) ?? []), { ...entry, toKey: l.toPositionKey }]);
  }
  const lineSteps: ImportStep[] = [];
  const lineNames = {
    personnel: message('personalmessig', 'personnel'),
    professional: message('faglig', 'professional'),
    coordination: message('koordinerende', 'coordination'),
  };
  for (const row of active.get('lines')!) {
    if (hasProblem('lines', row)) continue;
    const v = row.values;
    const type = v.type as LineRecord['type'];
    const fromKey = v.fromPositionKey as string;
    const toKey = v.toPositionKey as string;
    const fromOk = resolves('lines', row, 'fromPositionKey', 'positions');
    const toOk = resolves('lines', row, 'toPositionKey', 'positions');
    if (!fromOk || !toOk) continue;
    if (fromKey === toKey) {
      problem(
        'lines',
        row,
        'toPositionKey',
        message('En stilling kan ikke rapportere til seg selv.', 'A position cannot report to itself.'),
      );
      continue;
    }
    const target = finalPositions.get(toKey)!;
    if (type === 'personnel' && !target.personnelResponsibility) {
      problem(
        'lines',
        row,
        'toPositionKey',
        message(
          `«${toKey}» har ikke personalansvar ${norwegianDate(D)}, så ingen kan rapportere personalmessig til den. Sett personnelResponsibility til true for stillingen, eller velg en annen.`,
          `"${toKey}" has no personnel responsibility on ${D}, so no position can have a personnel line to it. Set personnelResponsibility to true for it, or choose another.`,
        ),
      );
      continue;
    }
    const source = finalPositions.get(fromKey)!;
    if (breaksIndependence(type, source)) {
      problem(
        'lines',
        row,
        'fromPositionKey',
        message(
          `«${fromKey}» er faglig selvstendig og kan ikke ha en faglig linje til «${toKey}»: ingen kan styre stillingens faglige arbeid.`,
          `"${fromKey}" is professionally independent and cannot have a professional line to "${toKey}": nobody may direct its professional work.`,
        ),
      );
      continue;
    }
    const k = groupKey(type, fromKey, toKey);
    const group = lineGroups.get(k) ?? [];
    lineGroups.set(k, group);
    const match = storedMatch(group, v);
    const covered = (column: string, period: Period) =>
      coveredBy('lines', row, column, fromKey, period) && coveredBy('lines', row, column, toKey, period);
    const label = `${fromKey} → ${toKey} (${type})`;
    if (match) {
      const stored = state.lines.find((l) => l.id === match.stored!.id)!;
      match.row = row;
      const diff = differences(stored, v, ['validTo', 'source', 'note']) as {
        validTo?: string | null;
        source?: string | null;
        note?: string | null;
      };
      if (diff.validTo !== undefined && !endsAfterStart('lines', row, { validFrom: stored.validFrom, validTo: diff.validTo })) continue;
      if (type === 'personnel') {
        const own = personnelByFrom.get(fromKey)!.find((p) => p.stored?.id === stored.id)!;
        own.row = row;
      }
      if (Object.keys(diff).length === 0) {
        counts.lines.unchanged += 1;
        continue;
      }
      match.validTo = diff.validTo !== undefined ? diff.validTo : stored.validTo;
      if (type === 'personnel') personnelByFrom.get(fromKey)!.find((p) => p.stored?.id === stored.id)!.validTo = match.validTo;
      planStoredChange('lines', row, label, stored, diff, covered, {
        end: (ref, validTo) => ({ op: 'endLine', ref, id: stored.id, validTo }),
        update: (ref, changes) => ({ op: 'updateLine', ref, id: stored.id, changes }),
      });
    } else {
      const record: LineRecord = {
        type,
        fromPositionKey: fromKey,
        toPositionKey: toKey,
        validFrom: (v.validFrom as string | undefined) ?? D,
        validTo: (v.validTo as string | null | undefined) ?? null,
        source: 'source' in v ? (v.source as string | null) : defaultSource,
        note: (v.note as string | null | undefined) ?? null,
      };
      if (!endsAfterStart('lines', row, record) || !covered('validFrom', record)) continue;
      group.push({ validFrom: record.validFrom, validTo: record.validTo, stored: null, row });
      if (type === 'personnel')
        personnelByFrom.set(fromKey, [
          ...(personnelByFrom.get(fromKey) ?? []),
          { validFrom: record.validFrom, validTo: record.validTo, stored: null, row, toKey },
        ]);
      counts.lines.create += 1;
      lineSteps.push({ op: 'addLine', ref: refOf('lines', row), record });
      listChange(
        'lines',
        row,
        'create',
        label,
        fieldChanges(null, { validFrom: record.validFrom, validTo: record.validTo, source: record.source, note: record.note }),
      );
    }
  }
  // The same line twice on one day.
  reportOverlapsIn('lines', lineGroups, (k, periods) => {
    const [type, fromKey, toKey] = k.split('|') as [LineRecord['type'], string, string];
    return message(
      `Den ${lineNames[type].nb} linjen fra «${fromKey}» til «${toKey}» står med overlappende perioder: ${periods.nb}.`,
      `The ${lineNames[type].en} line from "${fromKey}" to "${toKey}" has overlapping periods: ${periods.en}.`,
    );
  });
  // One personnel line at a time. A stored line the file does not mention, and which started
  // earlier, is replaced: it ends the day the file's line begins.
  for (const [fromKey, list] of personnelByFrom) {
    // Earliest first: a stored line is replaced by the first file line that overlaps it.
    const fileLines = list
      .filter((l) => l.row && !hasProblem('lines', l.row))
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
    for (const line of fileLines) {
      for (const other of list) {
        if (other === line || other.toKey === line.toKey) continue; // the same line twice is reported above
        if (!overlaps(line, other)) continue;
        if (other.row) {
          if (other.row.row < line.row!.row && !hasProblem('lines', line.row!)) {
            problem(
              'lines',
              line.row!,
              'fromPositionKey',
              message(
                `«${fromKey}» ville fått en andre personalmessig linje (til «${line.toKey}», og til «${other.toKey}» i rad ${other.row.row}) ${describePeriod(line)}. En stilling har én personalmessig linje om gangen.`,
                `"${fromKey}" would get a second personnel line (to "${line.toKey}", and to "${other.toKey}" in row ${other.row.row}). A position has one personnel line at a time.`,
              ),
            );
          }
          continue;
        }
        if (other.validFrom < line.validFrom && other.stored) {
          const replaced = other.stored;
          other.validTo = line.validFrom;
          endSteps.push({ op: 'endLine', ref: refOf('lines', line.row!), id: replaced.id, validTo: line.validFrom });
          listChange('lines', line.row!, 'end', `${fromKey} → ${other.toKey} (personnel)`, [
            { field: 'validTo', before: shown(replaced.validTo), after: line.validFrom },
          ]);
          continue;
        }
        problem(
          'lines',
          line.row!,
          'fromPositionKey',
          message(
            `«${fromKey}» har allerede en personalmessig linje til «${other.toKey}» ${describePeriod(other)}, og en stilling har én personalmessig linje om gangen. Ta den med i filen med en sluttdato, eller avslutt den i organisasjonen først.`,
            `"${fromKey}" already has a personnel line to "${other.toKey}" from ${other.validFrom}, and a position has one personnel line at a time. Include it in the file with an end date, or end it in the organisation first.`,
          ),
        );
      }
    }
  }
  // Personnel lines never go round in a circle (checked on the import date; the commands check every day).
  const upOnD = new Map<string, { toKey: string; row: ParsedRow | null }>();
  for (const [fromKey, list] of personnelByFrom) {
    const current = list.find((l) => l.validFrom <= D && (l.validTo === null || l.validTo > D) && (!l.row || !hasProblem('lines', l.row)));
    if (current) upOnD.set(fromKey, { toKey: current.toKey, row: current.row });
  }
  const reportedCircles = new Set<string>();
  for (const [start, first] of upOnD) {
    if (!first.row) continue;
    const path = [start];
    const seen = new Set(path);
    let current: string | undefined = first.toKey;
    while (current !== undefined && !seen.has(current)) {
      path.push(current);
      seen.add(current);
      current = upOnD.get(current)?.toKey;
    }
    if (current !== start) continue;
    const id = [...path].sort().join('|');
    if (reportedCircles.has(id)) continue;
    reportedCircles.add(id);
    const rows = path
      .map((k) => upOnD.get(k)!.row)
      .filter((r): r is ParsedRow => r !== null)
      .sort((a, b) => a.row - b.row);
    const at = rows[0]!;
    const atKey = at.values.fromPositionKey as string;
    const i = path.indexOf(atKey);
    const circle = [...path.slice(i), ...path.slice(0, i), atKey];
    problem(
      'lines',
      at,
      'toPositionKey',
      message(
        `Personallinjene ville gått i sirkel ${norwegianDate(D)}: ${circle.map((k) => `«${k}»`).join(' → ')}.`,
        `The personnel lines would go round in a circle on ${D}: ${circle.map((k) => `"${k}"`).join(' → ')}.`,
      ),
    );
    for (const r of rows) rowsWithProblems.add(rowId('lines', r.row));
  }

  // --- Counts and order ----------------------------------------------------------------------
  for (const entity of Object.keys(counts) as ImportEntity[]) {
    counts[entity].withProblems = new Set(problems.filter((p) => p.entity === entity && p.row !== null).map((p) => p.row)).size;
  }
  if (parsed.sections.units) {
    const inFile = new Set(unitRows.map((r) => r.values.key));
    counts.units.notInFile = state.units.filter((u) => holding(u.versions, D) && !inFile.has(u.key)).length;
  }
  if (parsed.sections.positions) {
    const inFile = new Set(active.get('positions')!.map((r) => r.values.key));
    counts.positions.notInFile = state.positions.filter((p) => holding(p.versions, D) && !inFile.has(p.key)).length;
  }
  if (parsed.sections.people) {
    const inFile = new Set(active.get('people')!.map((r) => r.values.key));
    counts.people.notInFile = state.people.filter((p) => !inFile.has(p.key)).length;
  }
  if (parsed.sections.assignments) {
    counts.assignments.notInFile = state.assignments.filter(
      (a) => a.validFrom <= D && (a.validTo === null || a.validTo > D) && !matchedAssignments.has(a.id),
    ).length;
  }
  if (parsed.sections.lines) {
    const matched = new Set(
      [...lineGroups.values()]
        .flat()
        .filter((l) => l.row && l.stored)
        .map((l) => l.stored!.id),
    );
    counts.lines.notInFile = state.lines.filter(
      (l) => l.validFrom <= D && (l.validTo === null || l.validTo > D) && !matched.has(l.id),
    ).length;
  }

  const listed = problems.slice(0, maxListedProblems);
  const hasAny = problems.length > 0;
  const stepsInOrder = hasAny
    ? []
    : [...personSteps, ...unitSteps, ...positionSteps, ...endSteps, ...laterPositionSteps, ...extendSteps, ...lineSteps, ...assignSteps];
  return {
    plan: {
      validFrom: D,
      counts,
      changes: changes.filter((c) => c.row === null || !rowsWithProblems.has(rowId(c.entity, c.row)) || c.action === 'end'),
      problems: listed,
      problemsLeftOut: problems.length - listed.length,
      ignoredSheets: parsed.ignoredSheets,
      stoppedEarly: false,
    },
    steps: stepsInOrder,
  };
}

function periodOfRow(row: ParsedRow, group: { row: ParsedRow | null; validFrom: string; validTo: string | null }[]): Period {
  const entry = group.find((g) => g.row === row);
  return entry ? { validFrom: entry.validFrom, validTo: entry.validTo } : { validFrom: String(row.values.validFrom ?? ''), validTo: null };
}

/** Calls `report` for each file row whose period overlaps another of the group (the later file row, or the row against a stored one). */
function reportOverlaps<T extends Period & { row: ParsedRow | null }>(group: T[], report: (row: ParsedRow, other: T) => void): void {
  for (let i = 0; i < group.length; i += 1) {
    for (let j = 0; j < group.length; j += 1) {
      if (i === j) continue;
      const a = group[i]!;
      const b = group[j]!;
      if (!a.row || !overlaps(a, b)) continue;
      // Two file rows: report once, on the later one. A file row against a stored one: on the file row.
      if (b.row && b.row.row > a.row.row) continue;
      report(a.row, b);
      break;
    }
  }
}
