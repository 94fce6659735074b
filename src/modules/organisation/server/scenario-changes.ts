import { randomUUID } from 'node:crypto';
import { compareNorwegian } from '../../../kernel/index.js';
import type { LocalisedText, ScenarioProblem } from '../analytics.schemas.js';
import type { ScenarioChange, StoredChange } from '../scenarios.schemas.js';
import { leaderRoleTypes } from './organisation.queries.js';
import type { Snapshot, SnapshotAssignment, SnapshotLine, SnapshotPosition, SnapshotUnit } from './snapshot.js';

/**
 * A scenario's changes in two steps. `planChanges` turns each high-level change (merge, split, …)
 * into primitive steps — the same operations the dated edit commands perform — checking every
 * reference against the organisation as the earlier changes left it. `applyChanges` runs those
 * steps in memory; apply-scenario.ts runs the very same steps through the commands, so what the
 * comparison shows is what applying writes.
 */

/** What the changes refer to that is not in a snapshot: people, and keys already used on other dates. */
export interface ScenarioDirectory {
  people: { id: string; key: string; name: string }[];
  /** Unit and position keys that exist on any date: a key is never reused. */
  takenUnitKeys?: string[];
  takenPositionKeys?: string[];
}

/** New entities get a placeholder id until they are written. */
export const placeholderPrefix = 'new:';
export const isPlaceholder = (id: string): boolean => id.startsWith(placeholderPrefix);

export type Step =
  | {
      op: 'createUnit';
      unitId: string;
      key: string;
      name: string;
      kind: string;
      level: number;
      parentId: string | null;
      classification: string;
    }
  | { op: 'changeUnit'; unitId: string; name?: string; parentId?: string | null; level?: number }
  | { op: 'closeUnit'; unitId: string }
  | ({ op: 'createPosition'; positionId: string } & Omit<SnapshotPosition, 'id'>)
  | { op: 'changePosition'; positionId: string; unitId?: string; title?: string }
  | { op: 'closePosition'; positionId: string }
  | { op: 'assignPerson'; assignmentId: string; personId: string; positionId: string; fte: number }
  | { op: 'endAssignment'; assignmentId: string }
  | { op: 'addLine'; lineId: string; type: SnapshotLine['type']; fromPositionId: string; toPositionId: string }
  | { op: 'endLine'; lineId: string };

export type PlannedStep = Step & { changeIndex: number };

export interface Plan {
  steps: PlannedStep[];
  problems: ScenarioProblem[];
  /** The organisation with every change that resolved applied. */
  snapshot: Snapshot;
}

const lineTypeNb: Record<string, string> = { personnel: 'personalmessig', professional: 'faglig', coordination: 'koordinerende' };
const lineTypeEn: Record<string, string> = { personnel: 'personnel', professional: 'professional', coordination: 'coordination' };

/** The organisation being changed: mutable maps over a copy of the snapshot. */
class WorkingOrganisation {
  readonly units = new Map<string, SnapshotUnit>();
  readonly positions = new Map<string, SnapshotPosition>();
  readonly assignments = new Map<string, SnapshotAssignment>();
  readonly lines = new Map<string, SnapshotLine>();
  readonly levelExceptions: Snapshot['levelExceptions'];
  /** Units and positions created here, so that ending them can be refused (or cancelled) cleanly. */
  readonly created = new Set<string>();
  /** Existing units and positions given a new version on the effective date by an earlier step. */
  readonly changed = new Set<string>();
  private counter = 0;

  constructor(
    private readonly base: Snapshot,
    private readonly people: Map<string, { id: string; key: string; name: string }>,
  ) {
    for (const u of base.units) this.units.set(u.id, { ...u, districts: [...u.districts] });
    for (const p of base.positions) this.positions.set(p.id, { ...p });
    for (const a of base.assignments) this.assignments.set(a.id, { ...a });
    for (const l of base.lines) this.lines.set(l.id, { ...l });
    this.levelExceptions = base.levelExceptions.map((e) => ({ ...e }));
  }

  nextId(kind: string): string {
    this.counter += 1;
    return `${placeholderPrefix}${kind}:${this.counter}`;
  }

  unitByKey(key: string): SnapshotUnit | undefined {
    for (const unit of this.units.values()) if (unit.key === key) return unit;
    return undefined;
  }

  positionByKey(key: string): SnapshotPosition | undefined {
    for (const position of this.positions.values()) if (position.key === key) return position;
    return undefined;
  }

  person(key: string) {
    return this.people.get(key);
  }

  childUnits(unitId: string): SnapshotUnit[] {
    return [...this.units.values()].filter((u) => u.parentId === unitId);
  }

  positionsIn(unitId: string): SnapshotPosition[] {
    return [...this.positions.values()].filter((p) => p.unitId === unitId);
  }

  /** The unit's leader: its best-ranked leader position (same order as the tree), ties by title. */
  leaderOf(unitId: string): SnapshotPosition | undefined {
    const rank = (p: SnapshotPosition) => (leaderRoleTypes as readonly string[]).indexOf(p.roleType);
    return this.positionsIn(unitId)
      .filter((p) => rank(p) >= 0)
      .sort((a, b) => rank(a) - rank(b) || compareNorwegian(a.title, b.title))[0];
  }

  isUnder(unitId: string, ancestorId: string): boolean {
    const seen = new Set<string>();
    for (let id: string | null | undefined = unitId; id && !seen.has(id); id = this.units.get(id)?.parentId) {
      if (id === ancestorId) return true;
      seen.add(id);
    }
    return false;
  }

  findLine(type: string, fromPositionId: string, toPositionId: string): SnapshotLine | undefined {
    for (const line of this.lines.values())
      if (line.type === type && line.fromPositionId === fromPositionId && line.toPositionId === toPositionId) return line;
    return undefined;
  }

  apply(step: Step): void {
    switch (step.op) {
      case 'createUnit':
        this.units.set(step.unitId, {
          id: step.unitId,
          key: step.key,
          name: step.name,
          kind: step.kind,
          level: step.level,
          parentId: step.parentId,
          classification: step.classification,
          nameKnown: true,
          districts: [],
        });
        this.created.add(step.unitId);
        return;
      case 'changeUnit': {
        const unit = this.units.get(step.unitId)!;
        this.changed.add(step.unitId);
        if (step.name !== undefined) unit.name = step.name;
        if (step.parentId !== undefined) unit.parentId = step.parentId;
        if (step.level !== undefined) unit.level = step.level;
        return;
      }
      case 'closeUnit':
        this.units.delete(step.unitId);
        for (let i = this.levelExceptions.length - 1; i >= 0; i -= 1)
          if (this.levelExceptions[i]!.unitId === step.unitId) this.levelExceptions.splice(i, 1);
        return;
      case 'createPosition':
        this.positions.set(step.positionId, {
          id: step.positionId,
          key: step.key,
          title: step.title,
          unitId: step.unitId,
          roleType: step.roleType,
          personnelResponsibility: step.personnelResponsibility,
          professionallyIndependent: step.professionallyIndependent,
          fte: step.fte,
        });
        this.created.add(step.positionId);
        return;
      case 'changePosition': {
        const position = this.positions.get(step.positionId)!;
        this.changed.add(step.positionId);
        if (step.unitId !== undefined) position.unitId = step.unitId;
        if (step.title !== undefined) position.title = step.title;
        return;
      }
      case 'closePosition':
        this.positions.delete(step.positionId);
        return;
      case 'assignPerson': {
        const person = [...this.people.values()].find((p) => p.id === step.personId);
        this.assignments.set(step.assignmentId, {
          id: step.assignmentId,
          personId: step.personId,
          personName: person?.name ?? '',
          positionId: step.positionId,
          fte: step.fte,
        });
        return;
      }
      case 'endAssignment':
        this.assignments.delete(step.assignmentId);
        return;
      case 'addLine':
        this.lines.set(step.lineId, {
          id: step.lineId,
          type: step.type,
          fromPositionId: step.fromPositionId,
          toPositionId: step.toPositionId,
        });
        return;
      case 'endLine':
        this.lines.delete(step.lineId);
        return;
    }
  }

  toSnapshot(): Snapshot {
    return {
      date: this.base.date,
      units: [...this.units.values()],
      positions: [...this.positions.values()],
      assignments: [...this.assignments.values()],
      lines: [...this.lines.values()],
      levelExceptions: this.levelExceptions,
      spanThresholds: { ...this.base.spanThresholds },
    };
  }
}

class Refused extends Error {
  constructor(
    readonly code: string,
    readonly text: LocalisedText,
  ) {
    super(text.en);
  }
}

/** Plans one change: checks it against the working organisation, then records and applies its steps. */
class ChangePlanner {
  private pending: Step[] = [];
  private cancelled = new Set<string>();

  constructor(
    private readonly org: WorkingOrganisation,
    private readonly steps: PlannedStep[],
    private readonly directory: { takenUnitKeys: Set<string>; takenPositionKeys: Set<string> },
  ) {}

  /** Runs a change; either all its steps are kept or, when it is refused, none. */
  plan(change: ScenarioChange, changeIndex: number): void {
    this.pending = [];
    this.cancelled = new Set();
    const undo = snapshotOf(this.org);
    try {
      this.run(change);
    } catch (error) {
      restore(this.org, undo);
      throw error;
    }
    for (let i = this.steps.length - 1; i >= 0; i -= 1) {
      const created = createdIdOf(this.steps[i]!);
      if (created !== undefined && this.cancelled.has(created)) this.steps.splice(i, 1);
    }
    for (const step of this.pending) this.steps.push({ ...step, changeIndex });
  }

  private emit(step: Step): void {
    this.org.apply(step);
    // A line or assignment this scenario added and now ends again is simply never added.
    if ((step.op === 'endLine' || step.op === 'endAssignment') && isPlaceholder(step.op === 'endLine' ? step.lineId : step.assignmentId)) {
      const id = step.op === 'endLine' ? step.lineId : step.assignmentId;
      const inPending = this.pending.findIndex((s) => createdIdOf(s) === id);
      if (inPending >= 0) this.pending.splice(inPending, 1);
      else this.cancelled.add(id);
      return;
    }
    this.pending.push(step);
  }

  private unit(key: string): SnapshotUnit {
    const unit = this.org.unitByKey(key);
    if (!unit) {
      throw new Refused('unit_not_found', {
        nb: `Fant ingen enhet med nøkkelen «${key}» på datoen (den finnes ikke, er avviklet eller slått sammen av en tidligere endring).`,
        en: `No unit with the key "${key}" on the date (it does not exist, is closed or was merged by an earlier change).`,
      });
    }
    return unit;
  }

  private position(key: string): SnapshotPosition {
    const position = this.org.positionByKey(key);
    if (!position) {
      throw new Refused('position_not_found', {
        nb: `Fant ingen stilling med nøkkelen «${key}» på datoen (den finnes ikke eller er avviklet av en tidligere endring).`,
        en: `No position with the key "${key}" on the date (it does not exist or was closed by an earlier change).`,
      });
    }
    return position;
  }

  private person(key: string) {
    const person = this.org.person(key);
    if (!person)
      throw new Refused('person_not_found', { nb: `Fant ingen person med nøkkelen «${key}».`, en: `No person with the key "${key}".` });
    return person;
  }

  private freeUnitKey(key: string): void {
    if (this.org.unitByKey(key) || this.directory.takenUnitKeys.has(key)) {
      throw new Refused('key_taken', {
        nb: `Nøkkelen «${key}» er allerede brukt av en enhet.`,
        en: `The key "${key}" is already used by a unit.`,
      });
    }
  }

  private freePositionKey(key: string): void {
    if (this.org.positionByKey(key) || this.directory.takenPositionKeys.has(key)) {
      throw new Refused('key_taken', {
        nb: `Nøkkelen «${key}» er allerede brukt av en stilling.`,
        en: `The key "${key}" is already used by a position.`,
      });
    }
  }

  private closeUnit(unit: SnapshotUnit): void {
    const children = this.org.childUnits(unit.id);
    const positions = this.org.positionsIn(unit.id);
    if (children.length > 0 || positions.length > 0) {
      throw new Refused('unit_not_empty', {
        nb: `Enheten «${unit.name}» kan ikke avvikles før underenhetene (${children.length}) og stillingene (${positions.length}) er flyttet eller avviklet.`,
        en: `The unit "${unit.name}" cannot be closed until its sub-units (${children.length}) and positions (${positions.length}) are moved or closed.`,
      });
    }
    this.assertMayClose(unit.id, { nb: `Enheten «${unit.name}»`, en: `The unit "${unit.name}"` });
    this.emit({ op: 'closeUnit', unitId: unit.id });
  }

  /** Refuses closing what this scenario creates, or changes on the same day. */
  private assertMayClose(id: string, what: { nb: string; en: string }): void {
    if (this.org.created.has(id)) {
      throw new Refused('created_and_closed', {
        nb: `${what.nb} opprettes og avvikles i samme scenario; fjern begge endringene i stedet.`,
        en: `${what.en} is created and closed in the same scenario; remove both changes instead.`,
      });
    }
    // Both would fall on the effective date: a version that holds no day at all.
    if (this.org.changed.has(id)) {
      throw new Refused('changed_and_closed', {
        nb: `${what.nb} endres av en tidligere endring i scenariet og kan ikke også avvikles samme dag; fjern den tidligere endringen.`,
        en: `${what.en} is changed by an earlier change in the scenario and cannot also be closed on the same day; remove the earlier change.`,
      });
    }
  }

  /** Ends a position's assignments and lines, then the position itself. */
  private closePosition(position: SnapshotPosition): void {
    this.assertMayClose(position.id, { nb: `Stillingen «${position.title}»`, en: `The position "${position.title}"` });
    for (const a of [...this.org.assignments.values()])
      if (a.positionId === position.id) this.emit({ op: 'endAssignment', assignmentId: a.id });
    for (const l of [...this.org.lines.values()]) {
      if (l.fromPositionId === position.id || l.toPositionId === position.id) this.emit({ op: 'endLine', lineId: l.id });
    }
    this.emit({ op: 'closePosition', positionId: position.id });
  }

  private addLine(type: SnapshotLine['type'], fromPositionId: string, toPositionId: string): void {
    if (fromPositionId === toPositionId || this.org.findLine(type, fromPositionId, toPositionId)) return;
    this.emit({ op: 'addLine', lineId: this.org.nextId('line'), type, fromPositionId, toPositionId });
  }

  /** The position's personnel leader becomes `leaderId`: other personnel lines from it end. */
  private setPersonnelLeader(position: SnapshotPosition, leader: SnapshotPosition): void {
    if (position.id === leader.id) {
      throw new Refused('line_to_itself', {
        nb: `Stillingen «${position.title}» kan ikke rapportere til seg selv.`,
        en: `The position "${position.title}" cannot report to itself.`,
      });
    }
    for (const l of [...this.org.lines.values()]) {
      if (l.type === 'personnel' && l.fromPositionId === position.id && l.toPositionId !== leader.id)
        this.emit({ op: 'endLine', lineId: l.id });
    }
    this.addLine('personnel', position.id, leader.id);
  }

  private moveUnit(unit: SnapshotUnit, parent: SnapshotUnit, level?: number): void {
    if (this.org.isUnder(parent.id, unit.id)) {
      throw new Refused('cycle', {
        nb: `Enheten «${unit.name}» kan ikke flyttes under «${parent.name}», som ligger under den selv.`,
        en: `The unit "${unit.name}" cannot move under "${parent.name}", which is below it.`,
      });
    }
    const step: Step = { op: 'changeUnit', unitId: unit.id };
    const oldParentId = unit.parentId;
    if (unit.parentId !== parent.id) step.parentId = parent.id;
    if (level !== undefined && level !== unit.level) step.level = level;
    if (step.parentId !== undefined || step.level !== undefined) this.emit(step);
    // The unit's leader followed the old parent's leader; under the new parent they follow its
    // leader, as a planner would draw it. A leader reporting elsewhere on purpose is left alone.
    if (step.parentId === undefined || oldParentId === null) return;
    const leader = this.org.leaderOf(unit.id);
    const oldLeader = this.org.leaderOf(oldParentId);
    const newLeader = this.org.leaderOf(parent.id);
    if (!leader || !oldLeader || !newLeader || leader.id === newLeader.id) return;
    const followsOldParent = [...this.org.lines.values()].some(
      (l) => l.type === 'personnel' && l.fromPositionId === leader.id && l.toPositionId === oldLeader.id,
    );
    if (followsOldParent) this.setPersonnelLeader(leader, newLeader);
  }

  private run(change: ScenarioChange): void {
    switch (change.type) {
      case 'create_unit': {
        this.freeUnitKey(change.key);
        const parent = change.parentKey === null ? null : this.unit(change.parentKey);
        this.emit({
          op: 'createUnit',
          unitId: this.org.nextId('unit'),
          key: change.key,
          name: change.name.trim(),
          kind: change.kind,
          level: change.level,
          parentId: parent?.id ?? null,
          classification: change.classification,
        });
        return;
      }
      case 'rename_unit': {
        const unit = this.unit(change.unitKey);
        if (unit.name !== change.name.trim()) this.emit({ op: 'changeUnit', unitId: unit.id, name: change.name.trim() });
        return;
      }
      case 'move_unit':
        this.moveUnit(this.unit(change.unitKey), this.unit(change.parentKey), change.level);
        return;
      case 'merge_units':
        this.mergeUnits(change);
        return;
      case 'split_unit':
        this.splitUnit(change);
        return;
      case 'close_unit':
        this.closeUnit(this.unit(change.unitKey));
        return;
      case 'create_position': {
        this.freePositionKey(change.key);
        const unit = this.unit(change.unitKey);
        const leader = change.reportsToPositionKey ? this.position(change.reportsToPositionKey) : null;
        const positionId = this.org.nextId('position');
        this.emit({
          op: 'createPosition',
          positionId,
          key: change.key,
          title: change.title.trim(),
          unitId: unit.id,
          roleType: change.roleType,
          personnelResponsibility: change.personnelResponsibility ?? false,
          professionallyIndependent: change.professionallyIndependent ?? false,
          fte: change.fte ?? null,
        });
        if (leader) this.addLine('personnel', positionId, leader.id);
        return;
      }
      case 'move_position': {
        const position = this.position(change.positionKey);
        const unit = this.unit(change.unitKey);
        const leader = change.reportsToPositionKey ? this.position(change.reportsToPositionKey) : null;
        const step: Step = { op: 'changePosition', positionId: position.id };
        if (position.unitId !== unit.id) step.unitId = unit.id;
        if (change.title !== undefined && change.title.trim() !== position.title) step.title = change.title.trim();
        if (step.unitId !== undefined || step.title !== undefined) this.emit(step);
        if (leader) this.setPersonnelLeader(position, leader);
        return;
      }
      case 'close_position':
        this.closePosition(this.position(change.positionKey));
        return;
      case 'assign_person': {
        const person = this.person(change.personKey);
        const position = this.position(change.positionKey);
        const existing = [...this.org.assignments.values()].find((a) => a.personId === person.id && a.positionId === position.id);
        if (existing) {
          throw new Refused('already_assigned', {
            nb: `${person.name} har allerede stillingen «${position.title}».`,
            en: `${person.name} already holds the position "${position.title}".`,
          });
        }
        this.emit({
          op: 'assignPerson',
          assignmentId: this.org.nextId('assignment'),
          personId: person.id,
          positionId: position.id,
          fte: change.fte ?? 1,
        });
        return;
      }
      case 'end_assignment': {
        const person = this.person(change.personKey);
        const position = this.position(change.positionKey);
        const existing = [...this.org.assignments.values()].filter((a) => a.personId === person.id && a.positionId === position.id);
        if (existing.length === 0) {
          throw new Refused('no_assignment', {
            nb: `${person.name} har ikke stillingen «${position.title}» på datoen.`,
            en: `${person.name} does not hold the position "${position.title}" on the date.`,
          });
        }
        for (const a of existing) this.emit({ op: 'endAssignment', assignmentId: a.id });
        return;
      }
      case 'add_line': {
        const from = this.position(change.fromPositionKey);
        const to = this.position(change.toPositionKey);
        if (from.id === to.id)
          throw new Refused('line_to_itself', {
            nb: `Stillingen «${from.title}» kan ikke rapportere til seg selv.`,
            en: `The position "${from.title}" cannot report to itself.`,
          });
        if (this.org.findLine(change.lineType, from.id, to.id)) {
          throw new Refused('line_exists', {
            nb: `«${from.title}» har allerede en ${lineTypeNb[change.lineType]} linje til «${to.title}».`,
            en: `"${from.title}" already has a ${lineTypeEn[change.lineType]} line to "${to.title}".`,
          });
        }
        this.addLine(change.lineType, from.id, to.id);
        return;
      }
      case 'end_line': {
        const from = this.position(change.fromPositionKey);
        const to = this.position(change.toPositionKey);
        const line = this.org.findLine(change.lineType, from.id, to.id);
        if (!line) {
          throw new Refused('no_line', {
            nb: `«${from.title}» har ingen ${lineTypeNb[change.lineType]} linje til «${to.title}» på datoen.`,
            en: `"${from.title}" has no ${lineTypeEn[change.lineType]} line to "${to.title}" on the date.`,
          });
        }
        this.emit({ op: 'endLine', lineId: line.id });
        return;
      }
    }
  }

  /**
   * Sub-units and positions of each source move to the target. The source's leader position is
   * closed and lines to it go to the target's leader, so the merged area has one leader; when the
   * target has no leader, the source's leader moves in and becomes it.
   */
  private mergeUnits(change: Extract<ScenarioChange, { type: 'merge_units' }>): void {
    const target = this.unit(change.targetUnitKey);
    const sources = change.sourceUnitKeys.map((key) => this.unit(key));
    if (new Set(change.sourceUnitKeys).size !== sources.length) {
      throw new Refused('duplicate', { nb: 'Samme enhet er oppgitt flere ganger.', en: 'The same unit is given more than once.' });
    }
    for (const source of sources) {
      if (source.id === target.id)
        throw new Refused('merge_into_itself', {
          nb: `Enheten «${target.name}» kan ikke slås sammen med seg selv.`,
          en: `The unit "${target.name}" cannot be merged into itself.`,
        });
      if (this.org.isUnder(target.id, source.id)) {
        throw new Refused('cycle', {
          nb: `«${target.name}» ligger under «${source.name}» og kan ikke være enheten den slås sammen inn i.`,
          en: `"${target.name}" is below "${source.name}" and cannot be the unit it merges into.`,
        });
      }
    }
    if (change.name !== undefined && change.name.trim() !== target.name)
      this.emit({ op: 'changeUnit', unitId: target.id, name: change.name.trim() });

    for (const source of sources) {
      for (const child of this.org.childUnits(source.id)) this.emit({ op: 'changeUnit', unitId: child.id, parentId: target.id });
      const sourceLeader = this.org.leaderOf(source.id);
      const targetLeader = this.org.leaderOf(target.id);
      for (const position of this.org.positionsIn(source.id)) {
        if (position.id !== sourceLeader?.id || !targetLeader)
          this.emit({ op: 'changePosition', positionId: position.id, unitId: target.id });
      }
      if (sourceLeader && targetLeader) {
        // The old line ends before the new one starts: a position has one personnel line at a time.
        for (const line of [...this.org.lines.values()]) {
          if (line.toPositionId !== sourceLeader.id) continue;
          this.emit({ op: 'endLine', lineId: line.id });
          this.addLine(line.type, line.fromPositionId, targetLeader.id);
        }
        this.closePosition(sourceLeader);
      }
      this.closeUnit(source);
    }
  }

  /** New units beside the original (same parent); the named sub-units and positions move into them. */
  private splitUnit(change: Extract<ScenarioChange, { type: 'split_unit' }>): void {
    const original = this.unit(change.unitKey);
    const keys = change.into.map((part) => part.key);
    if (new Set(keys).size !== keys.length)
      throw new Refused('duplicate', {
        nb: 'Samme nøkkel er brukt for flere nye enheter.',
        en: 'The same key is used for several new units.',
      });
    for (const part of change.into) {
      this.freeUnitKey(part.key);
      const unitId = this.org.nextId('unit');
      this.emit({
        op: 'createUnit',
        unitId,
        key: part.key,
        name: part.name.trim(),
        kind: part.kind ?? original.kind,
        level: part.level ?? original.level,
        parentId: original.parentId,
        classification: part.classification ?? original.classification,
      });
      for (const key of part.unitKeys ?? []) {
        const child = this.unit(key);
        if (child.parentId !== original.id) {
          throw new Refused('not_in_unit', {
            nb: `«${child.name}» ligger ikke direkte under «${original.name}».`,
            en: `"${child.name}" is not directly below "${original.name}".`,
          });
        }
        this.emit({ op: 'changeUnit', unitId: child.id, parentId: unitId });
      }
      for (const key of part.positionKeys ?? []) {
        const position = this.position(key);
        if (position.unitId !== original.id) {
          throw new Refused('not_in_unit', {
            nb: `Stillingen «${position.title}» er ikke i «${original.name}».`,
            en: `The position "${position.title}" is not in "${original.name}".`,
          });
        }
        this.emit({ op: 'changePosition', positionId: position.id, unitId });
      }
    }
    if (change.closeOriginal) this.closeUnit(original);
  }
}

/** The id a step gives a new line or assignment, if it makes one. */
function createdIdOf(step: Step): string | undefined {
  if (step.op === 'addLine') return step.lineId;
  if (step.op === 'assignPerson') return step.assignmentId;
  return undefined;
}

interface Undo {
  units: [string, SnapshotUnit][];
  positions: [string, SnapshotPosition][];
  assignments: [string, SnapshotAssignment][];
  lines: [string, SnapshotLine][];
  levelExceptions: Snapshot['levelExceptions'];
  created: string[];
  changed: string[];
}

function snapshotOf(org: WorkingOrganisation): Undo {
  return {
    units: [...org.units].map(([id, u]) => [id, { ...u }]),
    positions: [...org.positions].map(([id, p]) => [id, { ...p }]),
    assignments: [...org.assignments].map(([id, a]) => [id, { ...a }]),
    lines: [...org.lines].map(([id, l]) => [id, { ...l }]),
    levelExceptions: [...org.levelExceptions],
    created: [...org.created],
    changed: [...org.changed],
  };
}

function restore(org: WorkingOrganisation, undo: Undo): void {
  const reset = <T>(map: Map<string, T>, entries: [string, T][]) => {
    map.clear();
    for (const [id, value] of entries) map.set(id, value);
  };
  reset(org.units, undo.units);
  reset(org.positions, undo.positions);
  reset(org.assignments, undo.assignments);
  reset(org.lines, undo.lines);
  org.levelExceptions.splice(0, org.levelExceptions.length, ...undo.levelExceptions);
  org.created.clear();
  for (const id of undo.created) org.created.add(id);
  org.changed.clear();
  for (const id of undo.changed) org.changed.add(id);
}

/** Turns the changes into the steps that make them, in order; a change that does not resolve becomes a problem and is skipped. */
export function planChanges(snapshot: Snapshot, changes: readonly ScenarioChange[], directory: ScenarioDirectory = { people: [] }): Plan {
  const org = new WorkingOrganisation(snapshot, new Map(directory.people.map((p) => [p.key, p])));
  const steps: PlannedStep[] = [];
  const problems: ScenarioProblem[] = [];
  const planner = new ChangePlanner(org, steps, {
    takenUnitKeys: new Set(directory.takenUnitKeys ?? []),
    takenPositionKeys: new Set(directory.takenPositionKeys ?? []),
  });
  changes.forEach((change, changeIndex) => {
    try {
      planner.plan(change, changeIndex);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      problems.push({ changeIndex, changeId: change.id ?? null, code: error.code, message: error.text });
    }
  });
  const after = org.toSnapshot();
  return { steps: collapseReversals(snapshot, after, steps), problems, snapshot: after };
}

/**
 * A change and its reversal on the same day are no change: a value that ends the day as it began
 * is not written (a rename and back, a move there and back), and a line or assignment ended and
 * made again alike keeps the one that was there, id included. Applying writes only what differs,
 * so the dated commands never see two versions on one day that cancel out. `after` is adjusted in place.
 */
function collapseReversals(before: Snapshot, after: Snapshot, steps: PlannedStep[]): PlannedStep[] {
  const unitsBefore = new Map(before.units.map((u) => [u.id, u]));
  const positionsBefore = new Map(before.positions.map((p) => [p.id, p]));
  const kept: PlannedStep[] = [];
  for (const step of steps) {
    if (step.op === 'changeUnit') {
      const was = unitsBefore.get(step.unitId);
      const now = after.units.find((u) => u.id === step.unitId);
      if (!was || !now) {
        kept.push(step);
        continue;
      }
      const net: PlannedStep = { op: 'changeUnit', unitId: step.unitId, changeIndex: step.changeIndex };
      if (step.name !== undefined && now.name !== was.name) net.name = step.name;
      if (step.parentId !== undefined && now.parentId !== was.parentId) net.parentId = step.parentId;
      if (step.level !== undefined && now.level !== was.level) net.level = step.level;
      if (net.name !== undefined || net.parentId !== undefined || net.level !== undefined) kept.push(net);
      continue;
    }
    if (step.op === 'changePosition') {
      const was = positionsBefore.get(step.positionId);
      const now = after.positions.find((p) => p.id === step.positionId);
      if (!was || !now) {
        kept.push(step);
        continue;
      }
      const net: PlannedStep = { op: 'changePosition', positionId: step.positionId, changeIndex: step.changeIndex };
      if (step.unitId !== undefined && now.unitId !== was.unitId) net.unitId = step.unitId;
      if (step.title !== undefined && now.title !== was.title) net.title = step.title;
      if (net.unitId !== undefined || net.title !== undefined) kept.push(net);
      continue;
    }
    kept.push(step);
  }

  // A line ended and made again with the same type and ends: the old one simply stays.
  const linesBefore = new Map(before.lines.map((l) => [l.id, l]));
  const lineKey = (l: { type: string; fromPositionId: string; toPositionId: string }) => `${l.type}|${l.fromPositionId}|${l.toPositionId}`;
  const endedLines = new Map<string, string>();
  for (const step of kept) {
    const line = step.op === 'endLine' ? linesBefore.get(step.lineId) : undefined;
    if (line) endedLines.set(lineKey(line), line.id);
  }
  const assignmentsBefore = new Map(before.assignments.map((a) => [a.id, a]));
  const assignmentKey = (a: { personId: string; positionId: string; fte: number }) => `${a.personId}|${a.positionId}|${a.fte}`;
  const endedAssignments = new Map<string, string>();
  for (const step of kept) {
    const assignment = step.op === 'endAssignment' ? assignmentsBefore.get(step.assignmentId) : undefined;
    if (assignment) endedAssignments.set(assignmentKey(assignment), assignment.id);
  }
  const restored = new Map<string, string>();
  for (const step of kept) {
    if (step.op === 'addLine') {
      const old = endedLines.get(lineKey(step));
      if (old && !restored.has(old)) restored.set(step.lineId, old).set(old, step.lineId);
    }
    if (step.op === 'assignPerson') {
      const old = endedAssignments.get(assignmentKey(step));
      if (old && !restored.has(old)) restored.set(step.assignmentId, old).set(old, step.assignmentId);
    }
  }
  if (restored.size === 0) return kept;
  for (const line of after.lines) {
    const old = restored.get(line.id);
    if (old && linesBefore.has(old)) Object.assign(line, linesBefore.get(old));
  }
  for (const assignment of after.assignments) {
    const old = restored.get(assignment.id);
    if (old && assignmentsBefore.has(old)) Object.assign(assignment, assignmentsBefore.get(old));
  }
  return kept.filter((step) => {
    if (step.op === 'endLine' || step.op === 'endAssignment') return !restored.has(step.op === 'endLine' ? step.lineId : step.assignmentId);
    if (step.op === 'addLine' || step.op === 'assignPerson') return !restored.has(step.op === 'addLine' ? step.lineId : step.assignmentId);
    return true;
  });
}

/** The scenario's organisation in memory, and the changes that did not resolve. */
export function applyChanges(
  snapshot: Snapshot,
  changes: readonly ScenarioChange[],
  directory?: ScenarioDirectory,
): { snapshot: Snapshot; problems: ScenarioProblem[] } {
  const { snapshot: after, problems } = planChanges(snapshot, changes, directory);
  return { snapshot: after, problems };
}

/** Gives every change an id, keeping the ones it has, so a change can be removed by id. */
export function withChangeIds(changes: readonly ScenarioChange[]): StoredChange[] {
  return changes.map((change) => ({ ...change, id: change.id ?? randomUUID() }));
}

/** The keys of people the changes name, to look them up before planning. */
export function personKeysOf(changes: readonly ScenarioChange[]): string[] {
  const keys = new Set<string>();
  for (const change of changes) if (change.type === 'assign_person' || change.type === 'end_assignment') keys.add(change.personKey);
  return [...keys];
}

/** The unit and position keys the changes create, to check them against keys used on other dates. */
export function createdKeysOf(changes: readonly ScenarioChange[]): { unitKeys: string[]; positionKeys: string[] } {
  const unitKeys = new Set<string>();
  const positionKeys = new Set<string>();
  for (const change of changes) {
    if (change.type === 'create_unit') unitKeys.add(change.key);
    if (change.type === 'split_unit') for (const part of change.into) unitKeys.add(part.key);
    if (change.type === 'create_position') positionKeys.add(change.key);
  }
  return { unitKeys: [...unitKeys], positionKeys: [...positionKeys] };
}
