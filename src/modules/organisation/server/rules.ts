import { compareNorwegian } from '../../../kernel/index.js';
import {
  ruleIds,
  type AcceptedFinding,
  type ExceptedRuleId,
  type RuleEntity,
  type RuleFinding,
  type RuleId,
  type RulesReport,
} from '../rules.schemas.js';
import { breaksIndependence } from './independence.js';
import { leaderRoleTypes } from './organisation.queries.js';
import type { Snapshot, SnapshotLine, SnapshotPosition, SnapshotUnit } from './snapshot.js';

export type { RuleFinding, RuleEntity, RuleId } from '../rules.schemas.js';

/**
 * The organisation rules, checked on one snapshot: a date in the register or a scenario's draft.
 * Pure: the same snapshot gives the same findings in the same order. Errors break the model
 * (a position without its one personnel leader, a loop); warnings are for a person to judge
 * (a wide span of control, a level that does not follow from the chain of leaders).
 */
export function checkRules(snapshot: Snapshot): RuleFinding[] {
  return checkRulesAccepted(snapshot).findings;
}

/** The findings that count, and those an exception or an FTE override excuses (shown as accepted). */
export interface CheckedRules {
  findings: RuleFinding[];
  accepted: AcceptedFinding[];
}

export function checkRulesAccepted(snapshot: Snapshot): CheckedRules {
  // A frozen snapshot comes from loadSnapshot's cache and stays the same while the organisation does.
  const known = checked.get(snapshot);
  if (known) return known;
  const result = judge(indexSnapshot(snapshot), rawFindings(snapshot));
  if (Object.isFrozen(snapshot)) checked.set(snapshot, result);
  return result;
}

const checked = new WeakMap<Snapshot, CheckedRules>();

/** Every finding as if there were no exceptions: what an exception is checked against. */
export function rawFindings(snapshot: Snapshot): RuleFinding[] {
  const org = indexSnapshot(snapshot);
  const findings = [
    ...unitParentCycles(org),
    ...personnelLineCycles(org),
    ...danglingReferences(org),
    ...personnelLineCounts(org),
    ...personnelLinesWithoutResponsibility(org),
    ...independentPositionsWithProfessionalLines(org),
    ...spansOfControl(org),
    ...inconsistentLevels(org),
    ...leaderLinesOffUnitChain(org),
    ...peopleOverFullTime(org),
    ...unitsWithoutLeader(org),
  ];
  return findings.sort(compareFindings);
}

/** Does this finding concern the unit an exception names? (Each excusable finding names one unit.) */
export function excuses(exception: { unitId: string; rule?: ExceptedRuleId }, finding: RuleFinding): boolean {
  return (
    (exception.rule ?? 'level_inconsistent') === finding.rule &&
    finding.entities.some((e) => e.type === 'unit' && e.id === exception.unitId)
  );
}

/**
 * Exceptions excuse the findings they name; an exception that excuses nothing on the date is
 * stale (its reason is gone: the unit was moved, the span shrank). FTE overrides excuse the
 * person's finding. One definition for the report, the scenarios and the settings page.
 */
function judge(org: Org, raw: RuleFinding[]): CheckedRules {
  const exceptions = org.snapshot.levelExceptions;
  const findings: RuleFinding[] = [];
  const accepted: AcceptedFinding[] = [];
  const used = new Set<(typeof exceptions)[number]>();
  const overrides = new Map<string, string>();
  for (const a of org.snapshot.assignments) if (a.fteOverrideReason) overrides.set(a.personId, a.fteOverrideReason);
  for (const finding of raw) {
    const exception = exceptions.find((e) => excuses(e, finding));
    if (exception) {
      used.add(exception);
      accepted.push({ finding, reason: exception.reason, ...(exception.id ? { exceptionId: exception.id } : {}) });
      continue;
    }
    const override = finding.rule === 'person_fte_over_100' ? overrides.get(String(finding.details?.personId)) : undefined;
    if (override !== undefined) {
      accepted.push({ finding, reason: override });
      continue;
    }
    findings.push(finding);
  }
  for (const e of exceptions) {
    const unit = org.unitById.get(e.unitId);
    if (used.has(e) || !unit) continue;
    const rule = ruleNames[e.rule ?? 'level_inconsistent'];
    findings.push({
      rule: 'rule_exception_stale',
      severity: 'warning',
      entities: [unitEntity(unit)],
      message: {
        nb: `Unntaket for ${nbQuote(unit.name)} fra regelen ${nbQuote(rule.nb)} unnskylder ikke lenger noe: enheten følger regelen. Avslutt unntaket, så sjekkes enheten som vanlig.`,
        en: `The exception for ${enQuote(unit.name)} from the rule ${enQuote(rule.en)} no longer excuses anything: the unit follows the rule. End the exception so the unit is checked as usual.`,
      },
      details: { exceptionId: e.id ?? null, exceptedRule: e.rule ?? 'level_inconsistent', reason: e.reason },
    });
  }
  return { findings: findings.sort(compareFindings), accepted };
}

/** The rules an exception can excuse, by name, for messages. */
const ruleNames: Record<ExceptedRuleId, { nb: string; en: string }> = {
  level_inconsistent: { nb: 'nivået følger lederlinjen', en: 'the level follows the line of leaders' },
  span_of_control: { nb: 'lederspenn innenfor grensen', en: 'span of control within the threshold' },
  leader_line_off_unit_chain: { nb: 'lederen rapporterer til lederen over', en: 'the leader reports to the leader above' },
};

/** Counts per severity and per rule; every rule is listed, so "0" shows that it was checked. */
export function summariseFindings(findings: readonly RuleFinding[]): RulesReport['summary'] {
  const byRule: Record<string, number> = Object.fromEntries(ruleIds.map((id) => [id, 0]));
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    byRule,
  };
}

interface Org {
  snapshot: Snapshot;
  units: SnapshotUnit[];
  positions: SnapshotPosition[];
  unitById: Map<string, SnapshotUnit>;
  positionById: Map<string, SnapshotPosition>;
  filled: Map<string, string[]>;
  /** Personnel lines whose both ends exist on the date, by the position that reports. */
  personnelFrom: Map<string, SnapshotLine[]>;
  /** The same lines, by the position reported to. */
  personnelTo: Map<string, SnapshotLine[]>;
  leaderOf: Map<string, SnapshotPosition>;
}

function indexSnapshot(snapshot: Snapshot): Org {
  // Sorted by key so that every walk below, and so every finding, comes out in the same order.
  const units = [...snapshot.units].sort((a, b) => compareKeys(a.key, b.key));
  const positions = [...snapshot.positions].sort((a, b) => compareKeys(a.key, b.key));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const positionById = new Map(positions.map((p) => [p.id, p]));

  const filled = new Map<string, string[]>();
  for (const a of snapshot.assignments) push(filled, a.positionId, a.personName);

  const personnelFrom = new Map<string, SnapshotLine[]>();
  const personnelTo = new Map<string, SnapshotLine[]>();
  const keyOf = (id: string) => positionById.get(id)?.key ?? id;
  const personnel = snapshot.lines
    .filter((l) => l.type === 'personnel' && positionById.has(l.fromPositionId) && positionById.has(l.toPositionId))
    .sort(
      (a, b) => compareKeys(keyOf(a.toPositionId), keyOf(b.toPositionId)) || compareKeys(keyOf(a.fromPositionId), keyOf(b.fromPositionId)),
    );
  for (const l of personnel) {
    push(personnelFrom, l.fromPositionId, l);
    push(personnelTo, l.toPositionId, l);
  }

  // The same choice as the organisation tree: the best-ranked leader role type, then the title.
  const rank = (p: SnapshotPosition) => (leaderRoleTypes as readonly string[]).indexOf(p.roleType);
  const leaderOf = new Map<string, SnapshotPosition>();
  for (const p of positions) {
    if (rank(p) < 0) continue;
    const current = leaderOf.get(p.unitId);
    if (!current || rank(p) < rank(current) || (rank(p) === rank(current) && compareNorwegian(p.title, current.title) < 0))
      leaderOf.set(p.unitId, p);
  }

  return {
    snapshot,
    units,
    positions,
    unitById,
    positionById,
    filled,
    personnelFrom,
    personnelTo,
    leaderOf,
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------------
// Cycles

/** A unit that is its own ancestor: the tree has no top there, and every walk up it would loop. */
function unitParentCycles(org: Org): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const state = new Map<string, 'on_path' | 'done'>();
  for (const start of org.units) {
    const path: SnapshotUnit[] = [];
    let current: SnapshotUnit | undefined = start;
    while (current && !state.has(current.id)) {
      state.set(current.id, 'on_path');
      path.push(current);
      current = current.parentId === null ? undefined : org.unitById.get(current.parentId);
    }
    if (current && state.get(current.id) === 'on_path') {
      const cycle = rotateToFirstName(path.slice(path.indexOf(current)), (u) => u.name);
      const names = [...cycle, cycle[0]!].map((u) => u.name);
      findings.push({
        rule: 'unit_parent_cycle',
        severity: 'error',
        entities: cycle.map(unitEntity),
        message: {
          nb: `Enhetene ligger i ring i enhetstreet: ${names.map(nbQuote).join(' → ')}. Én av dem må flyttes under en enhet utenfor ringen.`,
          en: `The units form a loop in the unit tree: ${names.map(enQuote).join(' → ')}. One of them must be moved under a unit outside the loop.`,
        },
      });
    }
    for (const u of path) state.set(u.id, 'done');
  }
  return findings;
}

/**
 * Personnel lines that go round in a loop: nobody in it reaches the chief executive. Found as the
 * strongly connected components of the personnel graph (iterative Tarjan, so a long chain in a
 * generated scenario cannot overflow the stack); one finding per loop.
 */
function personnelLineCycles(org: Org): RuleFinding[] {
  const successors = (id: string) => (org.personnelFrom.get(id) ?? []).map((l) => l.toPositionId);
  const components = stronglyConnected(
    org.positions.map((p) => p.id),
    successors,
  );
  const findings: RuleFinding[] = [];
  for (const component of components) {
    const members = new Set(component);
    const selfLoop = component.length === 1 && successors(component[0]!).includes(component[0]!);
    if (component.length < 2 && !selfLoop) continue;

    // Walk from the first name along lines inside the component until a position repeats: that is a loop to show.
    const start = rotateToFirstName(component, (id) => positionName(org, org.positionById.get(id)!))[0]!;
    const walk: string[] = [];
    let current = start;
    while (!walk.includes(current)) {
      walk.push(current);
      current = successors(current).find((next) => members.has(next))!;
    }
    const loop = walk.slice(walk.indexOf(current));
    const loopLines = loop.map((from, i) => org.personnelFrom.get(from)!.find((l) => l.toPositionId === loop[(i + 1) % loop.length])!);
    const names = [...loop, loop[0]!].map((id) => positionName(org, org.positionById.get(id)!));
    const others = component.filter((id) => !loop.includes(id));
    findings.push({
      rule: 'personnel_line_cycle',
      severity: 'error',
      entities: [...loop, ...others]
        .map((id) => positionEntity(org, org.positionById.get(id)!))
        .concat(loopLines.map((l) => lineEntity(org, l))),
      message: {
        nb: `Personallinjene går i ring: ${names.map(nbQuote).join(' → ')}. Ingen i ringen når rådmannen gjennom personallinjene.`,
        en: `The personnel lines form a loop: ${names.map(enQuote).join(' → ')}. Nobody in the loop reaches the chief executive through personnel lines.`,
      },
      details: { positions: component.length },
    });
  }
  return findings;
}

function stronglyConnected(nodes: string[], successors: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const visit = (id: string) => {
    index.set(id, counter);
    low.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    visit(root);
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = successors(frame.id);
      if (frame.next < edges.length) {
        const to = edges[frame.next]!;
        frame.next += 1;
        if (!index.has(to)) {
          visit(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component.reverse());
      }
    }
  }
  return components;
}

// ---------------------------------------------------------------------------------------------
// References that point at nothing on the date

/**
 * An entry that points at a unit or position that does not exist on the date: ended without its
 * dependants, or removed in a scenario. The other rules skip such references, so this names them.
 */
function danglingReferences(org: Org): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const u of org.units) {
    if (u.parentId === null || org.unitById.has(u.parentId)) continue;
    findings.push({
      rule: 'dangling_reference',
      severity: 'error',
      entities: [unitEntity(u)],
      message: {
        nb: `Enheten ${nbQuote(u.name)} ligger under en enhet som ikke finnes på denne datoen.`,
        en: `The unit ${enQuote(u.name)} is placed under a unit that does not exist on this date.`,
      },
      details: { missingUnitId: u.parentId },
    });
  }
  for (const p of org.positions) {
    if (org.unitById.has(p.unitId)) continue;
    findings.push({
      rule: 'dangling_reference',
      severity: 'error',
      entities: [positionEntity(org, p)],
      message: {
        nb: `Stillingen ${nbQuote(p.title)} hører til en enhet som ikke finnes på denne datoen.`,
        en: `The position ${enQuote(p.title)} belongs to a unit that does not exist on this date.`,
      },
      details: { missingUnitId: p.unitId },
    });
  }
  const lines = [...org.snapshot.lines].sort((a, b) => compareKeys(lineKey(org, a), lineKey(org, b)));
  for (const l of lines) {
    const from = org.positionById.get(l.fromPositionId);
    const to = org.positionById.get(l.toPositionId);
    if (from && to) continue;
    const kind = lineTypeNames[l.type];
    const [nb, en] = from
      ? [
          `${capitalise(kind.nb)} fra ${nbQuote(positionName(org, from))} går til en stilling som ikke finnes på denne datoen.`,
          `The ${kind.en} from ${enQuote(positionName(org, from))} goes to a position that does not exist on this date.`,
        ]
      : to
        ? [
            `${capitalise(kind.nb)} til ${nbQuote(positionName(org, to))} kommer fra en stilling som ikke finnes på denne datoen.`,
            `The ${kind.en} to ${enQuote(positionName(org, to))} comes from a position that does not exist on this date.`,
          ]
        : [
            `${capitalise(kind.nb)} går mellom to stillinger som ikke finnes på denne datoen.`,
            `A ${kind.en} joins two positions that do not exist on this date.`,
          ];
    findings.push({
      rule: 'dangling_reference',
      severity: 'error',
      entities: [...(from ? [positionEntity(org, from)] : []), ...(to ? [positionEntity(org, to)] : []), lineEntity(org, l)],
      message: { nb, en },
      details: { missingPositionIds: [from ? null : l.fromPositionId, to ? null : l.toPositionId].filter((id) => id !== null) },
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Personnel lines

/**
 * Every position has exactly one personnel line: one leader with personnel responsibility. The
 * chief executive is the top and has none. A vacant position without a line is a gap to close
 * before it is filled (warning); a filled one leaves a person without a leader (error).
 */
function personnelLineCounts(org: Org): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const p of org.positions) {
    const lines = org.personnelFrom.get(p.id) ?? [];
    if (lines.length === 1 && p.roleType !== 'chief_executive') continue;
    if (lines.length === 0 && p.roleType === 'chief_executive') continue;
    const name = positionName(org, p);
    const targets = lines.map((l) => positionName(org, org.positionById.get(l.toPositionId)!));
    const lineEntities = lines.flatMap((l) => [positionEntity(org, org.positionById.get(l.toPositionId)!), lineEntity(org, l)]);
    if (p.roleType === 'chief_executive') {
      findings.push({
        rule: 'chief_executive_personnel_line',
        severity: 'error',
        entities: [positionEntity(org, p), ...lineEntities],
        message: {
          nb: `Stillingen ${nbQuote(name)} er kommunens øverste leder og skal ikke ha personallinje, men har personallinje til ${nbList(targets)}.`,
          en: `The position ${enQuote(name)} is the chief executive and must have no personnel line, but has one to ${enList(targets)}.`,
        },
      });
    } else if (lines.length === 0) {
      const holders = org.filled.get(p.id);
      findings.push({
        rule: 'personnel_line_missing',
        severity: holders ? 'error' : 'warning',
        entities: [positionEntity(org, p)],
        message: holders
          ? {
              nb: `Stillingen ${nbQuote(name)} har ingen personallinje, så ${nbList(holders)} har ingen leder med personalansvar.`,
              en: `The position ${enQuote(name)} has no personnel line, so ${enList(holders)} has no leader with personnel responsibility.`,
            }
          : {
              nb: `Stillingen ${nbQuote(name)} har ingen personallinje. Den er ledig, men må få en før den besettes.`,
              en: `The position ${enQuote(name)} has no personnel line. It is vacant, but needs one before it is filled.`,
            },
        details: { filled: Boolean(holders) },
      });
    } else {
      findings.push({
        rule: 'personnel_line_multiple',
        severity: 'error',
        entities: [positionEntity(org, p), ...lineEntities],
        message: {
          nb: `Stillingen ${nbQuote(name)} har ${lines.length} personallinjer (til ${nbList(targets)}), men skal ha nøyaktig én.`,
          en: `The position ${enQuote(name)} has ${lines.length} personnel lines (to ${enList(targets)}), but must have exactly one.`,
        },
        details: { count: lines.length },
      });
    }
  }
  return findings;
}

/** Personnel responsibility is what a personnel line points at: a line to a position without it leads nowhere. */
function personnelLinesWithoutResponsibility(org: Org): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const lines of org.personnelTo.values()) {
    for (const l of lines) {
      const from = org.positionById.get(l.fromPositionId)!;
      const to = org.positionById.get(l.toPositionId)!;
      if (to.personnelResponsibility) continue;
      findings.push({
        rule: 'personnel_line_without_responsibility',
        severity: 'error',
        entities: [positionEntity(org, from), positionEntity(org, to), lineEntity(org, l)],
        message: {
          nb: `Stillingen ${nbQuote(positionName(org, from))} har personallinje til ${nbQuote(positionName(org, to))}, som ikke har personalansvar.`,
          en: `The position ${enQuote(positionName(org, from))} has a personnel line to ${enQuote(positionName(org, to))}, which has no personnel responsibility.`,
        },
      });
    }
  }
  return findings;
}

/** A professional line from a professionally independent position: the definition is independence.ts's, shared with the command. */
function independentPositionsWithProfessionalLines(org: Org): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const lines = org.snapshot.lines.filter((l) => l.type === 'professional').sort((a, b) => compareKeys(lineKey(org, a), lineKey(org, b)));
  for (const l of lines) {
    const from = org.positionById.get(l.fromPositionId);
    const to = org.positionById.get(l.toPositionId);
    if (!from || !to || !breaksIndependence(l.type, from)) continue;
    findings.push({
      rule: 'independent_position_professional_line',
      severity: 'error',
      entities: [positionEntity(org, from), positionEntity(org, to), lineEntity(org, l)],
      message: {
        nb: `Stillingen ${nbQuote(positionName(org, from))} er faglig selvstendig, men har faglig linje til ${nbQuote(positionName(org, to))}.`,
        en: `The position ${enQuote(positionName(org, from))} is professionally independent, but has a professional line to ${enQuote(positionName(org, to))}.`,
      },
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Span of control, levels, leaders

/**
 * Span of control: positions with a personnel line to the leader, against the administrators'
 * threshold for the leader's role type. Positions, not heads: a position may stand for a role
 * held by many (dataset/README.md), so the span is a lower bound.
 */
function spansOfControl(org: Org): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const p of org.positions) {
    const threshold = org.snapshot.spanThresholds[p.roleType];
    if (threshold === undefined) continue;
    const span = new Set((org.personnelTo.get(p.id) ?? []).map((l) => l.fromPositionId)).size;
    if (span <= threshold) continue;
    const role = roleTypeNames[p.roleType] ?? { nb: p.roleType, en: p.roleType };
    const unit = org.unitById.get(p.unitId);
    findings.push({
      rule: 'span_of_control',
      severity: 'warning',
      entities: [positionEntity(org, p), ...(unit ? [unitEntity(unit)] : [])],
      message: {
        nb: `Lederspennet til ${nbQuote(positionName(org, p))} er ${span} direkte personalmessige rapporter; grensen for ${role.nb} er ${threshold}.`,
        en: `The span of control of ${enQuote(positionName(org, p))} is ${span} direct personnel reports; the threshold for ${role.en} is ${threshold}.`,
      },
      details: { span, threshold, roleType: p.roleType },
    });
  }
  return findings;
}

/**
 * The declared level of a unit must follow from its chain of leaders (002 p. 18: level 1 is the
 * chief executive's leadership team, level 2 the kommunalsjefer and stabsledere, level 3 the unit
 * leaders, level 4 the department leaders, level 5 their employees). Decided as follows:
 *
 * - The rule looks at units with a leader (the position the organisation tree shows as leader).
 *   Staff functions have none: their people report to the leader they are attached to.
 * - The leader of a level-L unit must have its personnel line to a position at level L−1; for
 *   level 1 (directors), to level 1 too, since the chief executive and the directors make up
 *   level 1 together.
 * - A position's level is its unit's level if it leads the unit, and one below if it works in it
 *   (the declared level of a unit is the level of its leader). A staff function already carries
 *   the level of the people in it (dataset convention), so its positions have its level.
 * - A unit with a level exception on the date is not flagged: its declared level is deliberate
 *   (the pilot hub, level 3 with its leader reporting to a director, 002 p. 17).
 * - A leader without exactly one personnel line is left to the personnel-line rules.
 *
 * Employees who report straight to a level-2 leader (staff areas without level 3, 002 p. 58) are
 * not leaders of a unit and are not checked: p. 58 makes that a normal arrangement.
 */
function inconsistentLevels(org: Org): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const levelOf = (p: SnapshotPosition): number | null => {
    const unit = org.unitById.get(p.unitId);
    if (!unit) return null;
    if (unit.kind === 'staff_function' || org.leaderOf.get(unit.id)?.id === p.id) return unit.level;
    return unit.level + 1;
  };
  for (const unit of org.units) {
    if (unit.kind === 'staff_function') continue;
    const leader = org.leaderOf.get(unit.id);
    if (!leader || leader.roleType === 'chief_executive') continue;
    const lines = org.personnelFrom.get(leader.id) ?? [];
    if (lines.length !== 1) continue;
    const line = lines[0]!;
    const superior = org.positionById.get(line.toPositionId)!;
    const superiorLevel = levelOf(superior);
    const expectedLevel = Math.max(1, unit.level - 1);
    if (superiorLevel === null || superiorLevel === expectedLevel) continue;
    findings.push({
      rule: 'level_inconsistent',
      severity: 'warning',
      entities: [unitEntity(unit), positionEntity(org, leader), positionEntity(org, superior), lineEntity(org, line)],
      message: {
        nb: `Enheten ${nbQuote(unit.name)} er på nivå ${unit.level}, men lederen ${nbQuote(positionName(org, leader))} rapporterer personalmessig til ${nbQuote(positionName(org, superior))} på nivå ${superiorLevel}; ventet nivå ${expectedLevel}. Er det meningen, registrer et unntak fra nivåregelen med begrunnelse.`,
        en: `The unit ${enQuote(unit.name)} is at level ${unit.level}, but its leader ${enQuote(positionName(org, leader))} reports (personnel) to ${enQuote(positionName(org, superior))} at level ${superiorLevel}; expected level ${expectedLevel}. If this is intended, record a level exception with a reason.`,
      },
      details: { declaredLevel: unit.level, superiorLevel, expectedLevel },
    });
  }
  return findings;
}

/**
 * A unit leader's personnel line goes to the leader of the unit chain above: the next unit up that
 * has a leader (002 p. 18: each level reports to the level above). A move that leaves the line with
 * the old parent's leader shows here. A leader without exactly one line is left to the line rules;
 * staff functions have no leader of their own. An exception for the unit says it is deliberate.
 */
function leaderLinesOffUnitChain(org: Org): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const unit of org.units) {
    if (unit.kind === 'staff_function') continue;
    const leader = org.leaderOf.get(unit.id);
    if (!leader || leader.roleType === 'chief_executive') continue;
    const lines = org.personnelFrom.get(leader.id) ?? [];
    if (lines.length !== 1) continue;
    const expected = leaderAbove(org, unit);
    if (!expected || expected.id === leader.id) continue;
    const line = lines[0]!;
    if (line.toPositionId === expected.id) continue;
    const actual = org.positionById.get(line.toPositionId)!;
    findings.push({
      rule: 'leader_line_off_unit_chain',
      severity: 'warning',
      entities: [
        unitEntity(unit),
        positionEntity(org, leader),
        positionEntity(org, actual),
        positionEntity(org, expected),
        lineEntity(org, line),
      ],
      message: {
        nb: `Lederen ${nbQuote(positionName(org, leader))} for ${nbQuote(unit.name)} rapporterer personalmessig til ${nbQuote(positionName(org, actual))}, men enheten ligger under ${nbQuote(positionName(org, expected))}. Flytt personallinjen, eller registrer et unntak med begrunnelse hvis det er meningen.`,
        en: `The leader ${enQuote(positionName(org, leader))} of ${enQuote(unit.name)} reports (personnel) to ${enQuote(positionName(org, actual))}, but the unit lies under ${enQuote(positionName(org, expected))}. Move the personnel line, or record an exception with a reason if this is intended.`,
      },
      details: { expectedPositionId: expected.id, actualPositionId: actual.id },
    });
  }
  return findings;
}

/** The leader of the nearest unit above `unit` that has one; null at the top or in a loop. */
function leaderAbove(org: Org, unit: SnapshotUnit): SnapshotPosition | null {
  const seen = new Set([unit.id]);
  let current = unit.parentId === null ? undefined : org.unitById.get(unit.parentId);
  while (current && !seen.has(current.id)) {
    const leader = org.leaderOf.get(current.id);
    if (leader) return leader;
    seen.add(current.id);
    current = current.parentId === null ? undefined : org.unitById.get(current.parentId);
  }
  return null;
}

/**
 * A person holds at most 100 % FTE on a day: 0,8 + 0,8 is a mistake, or a decision someone must
 * accept with a reason (the override on the assignment; then it shows as accepted).
 */
function peopleOverFullTime(org: Org): RuleFinding[] {
  const byPerson = new Map<string, Snapshot['assignments'][number][]>();
  for (const a of org.snapshot.assignments) push(byPerson, a.personId, a);
  const findings: RuleFinding[] = [];
  for (const [personId, held] of byPerson) {
    const total = fteTotal(held.map((a) => a.fte));
    if (total <= 100) continue;
    const parts = held
      .map((a) => ({ a, p: org.positionById.get(a.positionId) }))
      .sort((x, y) => compareKeys(x.p?.key ?? x.a.positionId, y.p?.key ?? y.a.positionId));
    const name = held[0]!.personName;
    const describe = (quote: (s: string) => string, as: string, and: (items: string[]) => string) =>
      and(parts.map(({ a, p }) => `${Math.round(a.fte * 100)} % ${as} ${quote(p ? positionName(org, p) : a.positionId)}`));
    findings.push({
      rule: 'person_fte_over_100',
      severity: 'warning',
      entities: [{ type: 'person', id: personId, key: personId, name }, ...parts.flatMap(({ p }) => (p ? [positionEntity(org, p)] : []))],
      message: {
        nb: `${name} har ${total} % stilling: ${describe(nbQuote, 'som', (i) => joinList(i, 'og'))}. Mer enn 100 % må godtas med en begrunnelse.`,
        en: `${name} holds ${total}% FTE: ${describe(enQuote, 'as', (i) => joinList(i, 'and')).replace(/ %/g, '%')}. More than 100% must be accepted with a reason.`,
      },
      details: { personId, ftePercent: total },
    });
  }
  return findings;
}

/** A sum of FTE fractions as whole percent, without floating-point dust (0,8 + 0,8 = 160). */
export function fteTotal(ftes: readonly number[]): number {
  return ftes.reduce((sum, fte) => sum + Math.round(fte * 100), 0);
}

/** Every unit is led by someone. Staff functions are excepted: they are resources attached to a leader, not units of their own. */
function unitsWithoutLeader(org: Org): RuleFinding[] {
  return org.units
    .filter((u) => u.kind !== 'staff_function' && !org.leaderOf.has(u.id))
    .map((u) => ({
      rule: 'unit_without_leader' as const,
      severity: 'warning' as const,
      entities: [unitEntity(u)],
      message: {
        nb: `Enheten ${nbQuote(u.name)} har ingen lederstilling.`,
        en: `The unit ${enQuote(u.name)} has no leader position.`,
      },
    }));
}

// ---------------------------------------------------------------------------------------------
// Names, entities, order

/** Leader role types in the plural, as in «grensen for kommunalsjefer er 20». */
const roleTypeNames: Record<string, { nb: string; en: string }> = {
  chief_executive: { nb: 'rådmannen', en: 'the chief executive' },
  director: { nb: 'direktører', en: 'directors' },
  service_area_head: { nb: 'kommunalsjefer', en: 'service area heads' },
  staff_area_head: { nb: 'stabsledere', en: 'staff area heads' },
  unit_leader: { nb: 'virksomhetsledere', en: 'unit leaders' },
  department_leader: { nb: 'avdelingsledere', en: 'department leaders' },
};

const lineTypeNames: Record<SnapshotLine['type'], { nb: string; en: string }> = {
  personnel: { nb: 'personallinjen', en: 'personnel line' },
  professional: { nb: 'den faglige linjen', en: 'professional line' },
  coordination: { nb: 'koordineringslinjen', en: 'coordination line' },
};

/**
 * A position's title is often shared by many ("virksomhetsleder", "rektor"); with its unit it names
 * one. A title that already names the unit ("kommunalsjef for skole") is left as it is.
 */
function positionName(org: Org, p: SnapshotPosition): string {
  const unit = org.unitById.get(p.unitId);
  if (!unit || p.title.toLocaleLowerCase('nb').includes(unit.name.toLocaleLowerCase('nb'))) return p.title;
  return `${p.title} (${unit.name})`;
}

function unitEntity(u: SnapshotUnit): RuleEntity {
  return { type: 'unit', id: u.id, key: u.key, name: u.name };
}

function positionEntity(org: Org, p: SnapshotPosition): RuleEntity {
  return { type: 'position', id: p.id, key: p.key, name: positionName(org, p) };
}

function lineKey(org: Org, l: SnapshotLine): string {
  const key = (id: string) => org.positionById.get(id)?.key ?? id;
  return `${l.type}:${key(l.fromPositionId)}->${key(l.toPositionId)}`;
}

function lineEntity(org: Org, l: SnapshotLine): RuleEntity {
  const name = (id: string) => {
    const p = org.positionById.get(id);
    return p ? positionName(org, p) : '?';
  };
  return { type: 'line', id: l.id, key: lineKey(org, l), name: `${name(l.fromPositionId)} → ${name(l.toPositionId)}` };
}

const nbQuote = (s: string) => `«${s}»`;
const enQuote = (s: string) => `“${s}”`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function joinList(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
const nbList = (items: string[]) => joinList(items.map(nbQuote), 'og');
const enList = (items: string[]) => joinList(items.map(enQuote), 'and');

/** Keys are ASCII kebab-case; a plain comparison keeps "skole-ukjent-17" before "skole-ukjent-2" stable across machines. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A loop has no first element; start it at the first name so the same loop always reads the same. */
function rotateToFirstName<T>(items: T[], name: (item: T) => string): T[] {
  let first = 0;
  items.forEach((item, i) => {
    if (compareNorwegian(name(item), name(items[first]!)) < 0) first = i;
  });
  return [...items.slice(first), ...items.slice(0, first)];
}

const ruleOrder = new Map<RuleId, number>(ruleIds.map((id, i) => [id, i]));

function compareFindings(a: RuleFinding, b: RuleFinding): number {
  return (
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    ruleOrder.get(a.rule)! - ruleOrder.get(b.rule)! ||
    compareNorwegian(a.entities[0]?.name ?? '', b.entities[0]?.name ?? '') ||
    compareKeys(a.entities[0]?.key ?? '', b.entities[0]?.key ?? '')
  );
}
