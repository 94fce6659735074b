import type { ruleIds as serverRuleIds } from '../rules.schemas';
import type { scenarioChangeTypes as serverChangeTypes } from '../scenarios.schemas';
import type { Classification, LineType, RoleType, UnitKind } from './types';

// The model's vocabularies as lists for the pages (selects, ordering). Copied rather than
// imported: the schema files build TypeBox schemas when loaded, which the browser does not need.
// Each list is checked against the schema's: one that misses a value is a type error.

type Complete<All extends string, Listed extends readonly string[]> = [Exclude<All, Listed[number]>] extends [never] ? Listed : never;

export type RuleId = (typeof serverRuleIds)[number];
export type ScenarioChangeType = (typeof serverChangeTypes)[number];

const rules = [
  'unit_parent_cycle',
  'personnel_line_cycle',
  'dangling_reference',
  'personnel_line_missing',
  'personnel_line_multiple',
  'chief_executive_personnel_line',
  'personnel_line_without_responsibility',
  'independent_position_professional_line',
  'span_of_control',
  'level_inconsistent',
  'unit_without_leader',
] as const satisfies readonly RuleId[];
export const ruleIds: Complete<RuleId, typeof rules> = rules;

const changeTypes = [
  'create_unit',
  'rename_unit',
  'move_unit',
  'merge_units',
  'split_unit',
  'close_unit',
  'create_position',
  'move_position',
  'close_position',
  'assign_person',
  'end_assignment',
  'add_line',
  'end_line',
] as const satisfies readonly ScenarioChangeType[];
export const scenarioChangeTypes: Complete<ScenarioChangeType, typeof changeTypes> = changeTypes;

const kinds = [
  'leadership_team',
  'director_area',
  'service_area',
  'staff_area',
  'unit',
  'department',
  'staff_function',
  'hub',
] as const satisfies readonly UnitKind[];
export const unitKinds: Complete<UnitKind, typeof kinds> = kinds;

const classificationList = ['service', 'staff_support', 'administration'] as const satisfies readonly Classification[];
export const classifications: Complete<Classification, typeof classificationList> = classificationList;

const roles = [
  'chief_executive',
  'director',
  'service_area_head',
  'staff_area_head',
  'unit_leader',
  'department_leader',
  'professional_lead',
  'digital_agent',
  'case_handler',
  'coordinator',
  'adviser',
  'employee',
] as const satisfies readonly RoleType[];
export const roleTypes: Complete<RoleType, typeof roles> = roles;

const lines = ['personnel', 'professional', 'coordination'] as const satisfies readonly LineType[];
export const lineTypes: Complete<LineType, typeof lines> = lines;
