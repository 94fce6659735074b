import { compareNorwegian } from '../../../../kernel/index.js';
import { isUuid } from '../records.queries.js';
import { scenarioNotFound } from '../edit-scenario.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { planScenario } from '../plan-scenario.js';
import { selectScenario, withScenarios } from '../scenarios.queries.js';
import { selectMunicipality, selectOrganisationState } from './import-export.queries.js';
import {
  formatName,
  formatVersion,
  type AssignmentRecord,
  type LineRecord,
  type OrganisationFile,
  type PersonRecord,
  type PositionRecord,
  type UnitRecord,
} from './organisation-format.js';
import type { OrganisationState } from './plan-import.js';

// An export is the organisation on one date in the exchange format: the units and positions as
// their versions stand that day, the assignments and lines that hold that day (with their own
// periods), and the people who hold a position then. Importing it again changes nothing.

const holds = (period: { validFrom: string; validTo: string | null }, date: string) =>
  period.validFrom <= date && (period.validTo === null || period.validTo > date);

const byName = <T>(items: T[], name: (item: T) => string, key: (item: T) => string) =>
  [...items].sort((a, b) => compareNorwegian(name(a), name(b)) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** Units by level then name; positions, assignments and lines in the order of their units; people by name. */
function sorted(
  file: Omit<OrganisationFile, 'format' | 'version' | 'asOf'>,
): Pick<OrganisationFile, 'units' | 'positions' | 'people' | 'assignments' | 'lines'> {
  const units = byName(
    file.units,
    (u) => u.name,
    (u) => u.key,
  ).sort((a, b) => a.level - b.level);
  const unitOrder = new Map(units.map((u, i) => [u.key, i]));
  const positions = byName(
    file.positions,
    (p) => p.title,
    (p) => p.key,
  ).sort((a, b) => (unitOrder.get(a.unitKey) ?? 0) - (unitOrder.get(b.unitKey) ?? 0));
  const positionOrder = new Map(positions.map((p, i) => [p.key, i]));
  const people = byName(
    file.people,
    (p) => p.name,
    (p) => p.key,
  );
  const assignments = [...file.assignments].sort(
    (a, b) =>
      (positionOrder.get(a.positionKey) ?? 0) - (positionOrder.get(b.positionKey) ?? 0) ||
      a.personKey.localeCompare(b.personKey) ||
      a.validFrom.localeCompare(b.validFrom),
  );
  const lineTypes = ['personnel', 'professional', 'coordination'];
  const lines = [...file.lines].sort(
    (a, b) =>
      lineTypes.indexOf(a.type) - lineTypes.indexOf(b.type) ||
      (positionOrder.get(a.fromPositionKey) ?? 0) - (positionOrder.get(b.fromPositionKey) ?? 0) ||
      (positionOrder.get(a.toPositionKey) ?? 0) - (positionOrder.get(b.toPositionKey) ?? 0) ||
      a.validFrom.localeCompare(b.validFrom),
  );
  return { units, positions, people, assignments, lines };
}

/** The organisation on `date` in the exchange format. Pure: `state` is everything it needs. */
export function organisationOn(state: OrganisationState, date: string, municipality?: { name: string; number: string }): OrganisationFile {
  const units: UnitRecord[] = [];
  for (const unit of state.units) {
    const v = unit.versions.find((version) => holds(version, date));
    if (!v) continue;
    units.push({
      key: unit.key,
      name: v.name,
      kind: v.kind,
      level: v.level,
      parentKey: v.parentKey,
      classification: v.classification,
      nameKnown: v.nameKnown,
      hrUnitId: v.hrUnitId,
      ansvarNumber: v.ansvarNumber,
      organisationNumber: v.organisationNumber,
      kostraFunction: v.kostraFunction,
      districts: v.districts,
      source: v.source,
      note: v.note,
    });
  }
  const positions: PositionRecord[] = [];
  for (const position of state.positions) {
    const v = position.versions.find((version) => holds(version, date));
    if (!v) continue;
    positions.push({
      key: position.key,
      title: v.title,
      unitKey: v.unitKey,
      roleType: v.roleType,
      personnelResponsibility: v.personnelResponsibility,
      professionallyIndependent: v.professionallyIndependent,
      fte: v.fte,
      costCentre: v.costCentre,
      source: v.source,
      note: v.note,
    });
  }
  const assignments: AssignmentRecord[] = state.assignments
    .filter((a) => holds(a, date))
    .map((a) => ({
      personKey: a.personKey,
      positionKey: a.positionKey,
      fte: a.fte,
      validFrom: a.validFrom,
      validTo: a.validTo,
      source: a.source,
    }));
  const holders = new Set(assignments.map((a) => a.personKey));
  const people: PersonRecord[] = state.people
    .filter((p) => holders.has(p.key))
    .map((p) => ({ key: p.key, name: p.name, synthetic: p.synthetic, source: p.source }));
  const lines: LineRecord[] = state.lines
    .filter((l) => holds(l, date))
    .map((l) => ({
      type: l.type,
      fromPositionKey: l.fromPositionKey,
      toPositionKey: l.toPositionKey,
      validFrom: l.validFrom,
      validTo: l.validTo,
      source: l.source,
      note: l.note,
    }));
  return {
    format: formatName,
    version: formatVersion,
    asOf: date,
    ...(municipality ? { municipality } : {}),
    ...sorted({ units, positions, people, assignments, lines }),
  };
}

export async function exportOrganisation(db: OrganisationDb, date: string): Promise<OrganisationFile> {
  const [state, municipality] = await Promise.all([selectOrganisationState(db), selectMunicipality(db)]);
  return organisationOn(state, date, municipality);
}

/**
 * The organisation as a scenario makes it on its effective date: the organisation that day with
 * the scenario's changes applied. What the scenario does not say (sources, notes, HR ids) is
 * taken from the organisation; new entries get the scenario as their source.
 */
export async function exportScenario(db: OrganisationDb, scenarioId: string): Promise<OrganisationFile> {
  const scenarios = withScenarios(db);
  const scenario = isUuid(scenarioId) ? await selectScenario(scenarios, scenarioId) : undefined;
  if (!scenario) throw scenarioNotFound(scenarioId);
  const date = scenario.effectiveDate;
  const [state, municipality, plan] = await Promise.all([
    selectOrganisationState(db),
    selectMunicipality(db),
    planScenario(scenarios, scenario),
  ]);
  const after = plan.after;
  const source = `Scenario «${scenario.name}»`;
  const unitKeys = new Map(after.units.map((u) => [u.id, u.key]));
  const positionKeys = new Map(after.positions.map((p) => [p.id, p.key]));
  const storedUnits = new Map(state.units.map((u) => [u.id, u.versions.find((v) => holds(v, date))]));
  const storedPositions = new Map(state.positions.map((p) => [p.id, p.versions.find((v) => holds(v, date))]));
  const storedAssignments = new Map(state.assignments.map((a) => [a.id, a]));
  const storedLines = new Map(state.lines.map((l) => [l.id, l]));
  const peopleById = new Map(state.people.map((p) => [p.id, p]));

  const units: UnitRecord[] = after.units.map((u) => {
    const v = storedUnits.get(u.id);
    return {
      key: u.key,
      name: u.name,
      kind: u.kind as UnitRecord['kind'],
      level: u.level,
      parentKey: u.parentId === null ? null : (unitKeys.get(u.parentId) ?? null),
      classification: u.classification as UnitRecord['classification'],
      nameKnown: u.nameKnown,
      hrUnitId: v?.hrUnitId ?? null,
      ansvarNumber: v?.ansvarNumber ?? null,
      organisationNumber: v?.organisationNumber ?? null,
      kostraFunction: v?.kostraFunction ?? null,
      districts: [...u.districts].sort((a, b) => a - b),
      source: v ? v.source : source,
      note: v?.note ?? null,
    };
  });
  const positions: PositionRecord[] = after.positions.map((p) => {
    const v = storedPositions.get(p.id);
    return {
      key: p.key,
      title: p.title,
      unitKey: unitKeys.get(p.unitId) ?? '',
      roleType: p.roleType as PositionRecord['roleType'],
      personnelResponsibility: p.personnelResponsibility,
      professionallyIndependent: p.professionallyIndependent,
      fte: p.fte,
      costCentre: v?.costCentre ?? null,
      source: v ? v.source : source,
      note: v?.note ?? null,
    };
  });
  const assignments: AssignmentRecord[] = [];
  const people = new Map<string, PersonRecord>();
  for (const a of after.assignments) {
    const person = peopleById.get(a.personId);
    const positionKey = positionKeys.get(a.positionId);
    if (!person || !positionKey) continue;
    const stored = storedAssignments.get(a.id);
    people.set(person.key, { key: person.key, name: person.name, synthetic: person.synthetic, source: person.source });
    assignments.push({
      personKey: person.key,
      positionKey,
      fte: a.fte,
      validFrom: stored?.validFrom ?? date,
      validTo: stored?.validTo ?? null,
      source: stored ? stored.source : source,
    });
  }
  const lines: LineRecord[] = [];
  for (const l of after.lines) {
    const fromKey = positionKeys.get(l.fromPositionId);
    const toKey = positionKeys.get(l.toPositionId);
    if (!fromKey || !toKey) continue;
    const stored = storedLines.get(l.id);
    lines.push({
      type: l.type,
      fromPositionKey: fromKey,
      toPositionKey: toKey,
      validFrom: stored?.validFrom ?? date,
      validTo: stored?.validTo ?? null,
      source: stored ? stored.source : source,
      note: stored?.note ?? null,
    });
  }
  return {
    format: formatName,
    version: formatVersion,
    asOf: date,
    ...(municipality ? { municipality } : {}),
    scenario: { id: scenario.id, name: scenario.name, effectiveDate: date, status: scenario.status },
    ...sorted({ units, positions, people: [...people.values()], assignments, lines }),
  };
}
