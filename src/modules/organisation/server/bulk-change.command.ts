import { counted, invalid, type WriteContext } from '../../../kernel/index.js';
import type { BulkChangeBody } from '../bulk-change.schemas.js';
import { planBulkChange } from './bulk-change.plan.js';
import { createScenario } from './edit-scenario.js';
import type { OrganisationDb } from './organisation.tables.js';
import type { ScenarioDb, ScenarioRow } from './scenarios.queries.js';
import { loadSnapshot } from './snapshot.js';

/**
 * Drafts one scenario from a selection of units: every unit is checked on the effective date first,
 * and any row that cannot be drafted refuses the whole request (400 naming the rows, nothing
 * written). The scenario and its changes are then written, and audited, in one transaction by
 * `createScenario`, so the draft goes through the same comparison, rules and approval as any other.
 */
export async function draftBulkChange(db: ScenarioDb, context: WriteContext, body: BulkChangeBody): Promise<ScenarioRow> {
  const snapshot = await loadSnapshot(db as unknown as OrganisationDb, body.effectiveDate);
  const { changes, problems } = planBulkChange(snapshot, body);
  if (problems.length > 0) {
    const [first] = problems;
    throw invalid(
      `Scenariet ble ikke laget (${counted('nb', problems.length, 'problem', 'problemer')} i utvalget). ${first!.problem.nb}`,
      `The scenario was not drafted (${counted('en', problems.length, 'problem', 'problems')} in the selection). ${first!.problem.en}`,
      problems.map(({ path, problem }) => ({ in: 'body', path, problem })),
    );
  }
  return createScenario(db, context, {
    name: body.name,
    description: body.description,
    effectiveDate: body.effectiveDate,
    changes,
  });
}
