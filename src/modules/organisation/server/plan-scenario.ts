import type { ScenarioProblem } from '../analytics.schemas.js';
import type { RuleFinding } from '../rules.schemas.js';
import { addDays } from './dated-versions.js';
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
