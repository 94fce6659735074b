import { ruleIds, type RuleId } from '../rules.schemas';
import { scenarioChangeTypes } from '../scenarios.schemas';
import { classifications, lineTypes, roleTypes, unitKinds } from '../organisation.schemas';

// The model's vocabularies as lists for the pages (selects, ordering): the schema files' own lists,
// which they share with the browser.

export type { RuleId };
export type ScenarioChangeType = (typeof scenarioChangeTypes)[number];

export { ruleIds, scenarioChangeTypes, unitKinds, classifications, roleTypes, lineTypes };
