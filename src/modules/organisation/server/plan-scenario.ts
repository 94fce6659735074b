import { compareNorwegian, counted } from '../../../kernel/index.js';
import type { ScenarioProblem } from '../analytics.schemas.js';
import type { RuleFinding } from '../rules.schemas.js';
import type { Analytics, AnalyticsSummary } from '../analytics.schemas.js';
import type { ChangeSummary, Difference, ScenarioBlocker, ScenarioComparison } from '../scenarios.schemas.js';
import { computeAnalytics } from './analytics.js';
import { compareSnapshots } from './compare-snapshots.js';
import { addDays, norwegianDate } from './dated-versions.js';
import type { OrganisationDb } from './organisation.tables.js';
import { checkRules } from './rules.js';
import { createdKeysOf, personKeysOf, planChanges, type PlannedStep } from './scenario-changes.js';
import { selectPeopleByKeys, selectTakenKeys, type ScenarioDb, type ScenarioRow } from './scenarios.queries.js';
import { loadSnapshot, type Snapshot } from './snapshot.js';

/** A scenario read against the database: the organisation before, as the scenario makes it, and how. */
export interface ScenarioPlan {
  before: Snapshot;
  after: Snapshot;
  steps: PlannedStep[];
  problems: ScenarioProblem[];
}

/**
 * The organisation before and after a scenario. A draft is planned on the organisation as of its
 * effective date. An applied scenario is history: the day before against the effective date, as
 * stored, so its comparison still shows what it did.
 */
export async function planScenario(db: ScenarioDb, scenario: ScenarioRow): Promise<ScenarioPlan> {
  const orgDb = db as unknown as OrganisationDb;
  if (scenario.status === 'applied') {
    const [before, after] = await Promise.all([
      loadSnapshot(orgDb, addDays(scenario.effectiveDate, -1)),
      loadSnapshot(orgDb, scenario.effectiveDate),
    ]);
    return { before, after, steps: [], problems: [] };
  }
  const [before, people, taken] = await Promise.all([
    loadSnapshot(orgDb, scenario.effectiveDate),
    selectPeopleByKeys(db, personKeysOf(scenario.changes)),
    selectTakenKeys(db, createdKeysOf(scenario.changes)),
  ]);
  const plan = planChanges(before, scenario.changes, { people, takenUnitKeys: taken.unitKeys, takenPositionKeys: taken.positionKeys });
  return { before, after: plan.snapshot, steps: plan.steps, problems: plan.problems };
}

/** A finding's identity across two snapshots: the rule and the keys of what it is about (ids of new entries differ). */
function findingKey(finding: RuleFinding): string {
  return `${finding.rule}|${finding.entities.map((e) => `${e.type}:${e.key}`).join(',')}`;
}

/**
 * The rules on both sides. A scenario is held to account for the errors it brings, not for those the
 * organisation already has: `newErrors` are errors after that were not there before.
 */
export function checkScenarioRules(plan: ScenarioPlan): {
  findings: RuleFinding[];
  currentFindings: RuleFinding[];
  newErrors: RuleFinding[];
  resolvedErrors: RuleFinding[];
} {
  const currentFindings = checkRules(plan.before);
  const findings = checkRules(plan.after);
  const errorsBefore = new Set(currentFindings.filter((f) => f.severity === 'error').map(findingKey));
  const errorsAfter = new Set(findings.filter((f) => f.severity === 'error').map(findingKey));
  return {
    findings,
    currentFindings,
    newErrors: findings.filter((f) => f.severity === 'error' && !errorsBefore.has(findingKey(f))),
    resolvedErrors: currentFindings.filter((f) => f.severity === 'error' && !errorsAfter.has(findingKey(f))),
  };
}

/**
 * What stops a scenario being submitted or applied, in the order apply checks it. The comparison
 * shows this list and apply refuses with its first entry, so apply refuses exactly what the
 * comparison does (and applies whatever it accepts).
 */
export function scenarioBlockers(
  scenario: Pick<ScenarioRow, 'name' | 'effectiveDate'>,
  plan: ScenarioPlan,
  baseChanged: boolean,
): ScenarioBlocker[] {
  const blockers: ScenarioBlocker[] = [];
  if (baseChanged) {
    blockers.push({
      reason: 'base_changed',
      message: {
        nb: `Organisasjonen er endret siden scenariet «${scenario.name}» ble laget eller sendt inn. Se over endringene og ta dagens organisasjon som nytt utgangspunkt før scenariet sendes inn og gjennomføres.`,
        en: `The organisation has changed since the scenario "${scenario.name}" was drafted or submitted. Review the edits and take today's organisation as the new base before it is submitted and applied.`,
      },
    });
  }
  if (plan.problems.length > 0) {
    const n = plan.problems.length;
    blockers.push({
      reason: 'problems',
      message: {
        nb: `${counted('nb', n, 'endring', 'endringer')} i scenariet passer ikke med organisasjonen per ${norwegianDate(scenario.effectiveDate)}. Rett dem før scenariet sendes inn og gjennomføres.`,
        en: `${counted('en', n, 'change', 'changes')} in the scenario do not fit the organisation as of ${scenario.effectiveDate}. Correct them before it is submitted and applied.`,
      },
    });
  }
  const rules = checkScenarioRules(plan);
  if (rules.newErrors.length > 0) {
    const n = rules.newErrors.length;
    blockers.push({
      reason: 'rule_errors',
      message: {
        nb: `Scenariet gir ${counted('nb', n, 'regelbrudd', 'regelbrudd')} (feil) som organisasjonen ikke har i dag. Rett dem før scenariet sendes inn og gjennomføres.`,
        en: `The scenario causes ${counted('en', n, 'rule error', 'rule errors')} the organisation does not have today. Correct them before it is submitted and applied.`,
      },
    });
  }
  // The placement command refuses a person above 100 % without a reason given by hand, so a scenario cannot
  // apply one: the comparison says so here rather than letting apply fail on it.
  const fullTimeBefore = new Set(rules.currentFindings.filter((f) => f.rule === 'person_fte_over_100').map(findingKey));
  const overFullTime = rules.findings.filter((f) => f.rule === 'person_fte_over_100' && !fullTimeBefore.has(findingKey(f)));
  if (overFullTime.length > 0) {
    const names = overFullTime.map((f) => `«${f.entities.find((e) => e.type === 'person')?.name ?? f.entities[0]?.name ?? ''}»`).join(', ');
    blockers.push({
      reason: 'fte_over_100',
      message: {
        nb: `Scenariet gir ${counted('nb', overFullTime.length, 'person', 'personer')} mer enn 100 % stilling (${names}). Juster stillingsandelene, eller plasser personen for hånd med en begrunnelse, før scenariet sendes inn og gjennomføres.`,
        en: `The scenario gives ${counted('en', overFullTime.length, 'person', 'people')} more than 100 % FTE (${names}). Adjust the shares, or place the person by hand with a reason, before it is submitted and applied.`,
      },
    });
  }
  if (plan.steps.length === 0) {
    blockers.push({
      reason: 'no_changes',
      message: {
        nb: 'Scenariet endrer ingenting (endringer som oppheves samme dag, teller ikke) og kan ikke sendes inn eller gjennomføres.',
        en: 'The scenario changes nothing (changes reversed on the same day do not count) and cannot be submitted or applied.',
      },
    });
  }
  return blockers;
}

const unitKinds = new Set([
  'unit_created',
  'unit_closed',
  'unit_renamed',
  'unit_moved',
  'unit_level_changed',
  'unit_kind_changed',
  'unit_classification_changed',
]);

/** The differences per kind, counted, with the units they concern (a position's unit for position and line kinds). */
export function summariseDifferences(differences: readonly Difference[], plan: Pick<ScenarioPlan, 'before' | 'after'>): ChangeSummary {
  const unitName = new Map<string, string>();
  for (const snapshot of [plan.before, plan.after]) for (const u of snapshot.units) unitName.set(u.id, u.name);
  const positionUnit = new Map<string, string>();
  for (const snapshot of [plan.before, plan.after]) for (const p of snapshot.positions) positionUnit.set(p.id, p.unitId);
  const lineFrom = new Map<string, string>();
  for (const snapshot of [plan.before, plan.after]) for (const l of snapshot.lines) lineFrom.set(l.id, l.fromPositionId);
  const assignmentPosition = new Map<string, string>();
  for (const snapshot of [plan.before, plan.after]) for (const a of snapshot.assignments) assignmentPosition.set(a.id, a.positionId);

  const kinds = new Map<string, { count: number; units: Set<string> }>();
  for (const difference of differences) {
    const entry = kinds.get(difference.kind) ?? { count: 0, units: new Set<string>() };
    entry.count += 1;
    const id = difference.subjectId;
    const unitId = unitKinds.has(difference.kind)
      ? id
      : (positionUnit.get(id) ?? positionUnit.get(lineFrom.get(id) ?? '') ?? positionUnit.get(assignmentPosition.get(id) ?? ''));
    const name = unitId ? unitName.get(unitId) : undefined;
    if (name) entry.units.add(name);
    kinds.set(difference.kind, entry);
  }
  return [...kinds].map(([kind, { count, units }]) => ({ kind, count, units: [...units].sort(compareNorwegian) }));
}

function summaryOf({ date, totals, levels, layers, administrationShare }: Analytics): AnalyticsSummary {
  return { date, totals, levels, layers, administrationShare };
}

/** The comparison as it stands now: what GET …/compare shows for a draft, and what submitting freezes. */
export function comparePlan(scenario: ScenarioRow, plan: ScenarioPlan, baseChanged: boolean): ScenarioComparison {
  const before = computeAnalytics(plan.before);
  const after = computeAnalytics(plan.after);
  const comparison = compareSnapshots(plan.before, plan.after, { before, after });
  return {
    scenario: { id: scenario.id, name: scenario.name, effectiveDate: scenario.effectiveDate, baseChanged },
    problems: plan.problems,
    frozenAt: null,
    // An applied scenario is history: nothing stops it any more.
    blockers: scenario.status === 'applied' ? [] : scenarioBlockers(scenario, plan, baseChanged),
    summary: summariseDifferences(comparison.differences, plan),
    comparison,
    before: summaryOf(before),
    after: summaryOf(after),
  };
}
