import type { ColumnType, Generated, Kysely } from 'kysely';
import type { KernelTables } from '../../../kernel/index.js';
import type { OrganisationTables } from '../../organisation/index.js';

// jsonb goes in as JSON text (always JSON.stringify) and comes out parsed.
type Json<T = unknown> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Created = ColumnType<Date, Date | string | undefined, Date | string>;
// numeric and bigint come back from pg as strings; write numbers or strings.
type Numeric = ColumnType<string, number | string, number | string>;
type DateText = ColumnType<string, string, string>;

export type Direction = 'higher' | 'lower';
export type Frequency = 'month' | 'tertial' | 'year';
export type DataSource = 'manual' | 'import' | 'kostra' | 'leader_support';
export type ValueOrigin = 'manual' | 'csv' | 'jsonstat' | 'leader_support' | 'synthetic';
export type DecisionBody = 'city_council' | 'executive_committee' | 'committee' | 'joint_committee';
export type DecisionStatus = 'not_started' | 'in_progress' | 'completed' | 'delayed' | 'cannot_be_done';
export type ReportKind = 'month' | 'tertial' | 'year';

/** Kysely types of the steering tables (migrations/0001_steering.sql). */
export interface SteeringTables {
  st_programme_areas: {
    id: Generated<string>;
    code: string;
    name: string;
    committee: string | null;
    active: Generated<boolean>;
    sort_order: Generated<number>;
    source: string | null;
    synthetic: Generated<boolean>;
    revision: Generated<number>;
    created_at: Created;
  };
  st_area_units: { area_id: string; unit_id: string };
  st_goals: {
    id: Generated<string>;
    key: string | null;
    parent_id: string | null;
    level: 'community' | 'area' | 'unit';
    title: string;
    description: string | null;
    strategies: Generated<string[]>;
    area_id: string | null;
    sort_order: Generated<number>;
    source: string | null;
    synthetic: Generated<boolean>;
    active: Generated<boolean>;
    revision: Generated<number>;
    created_at: Created;
  };
  st_goal_owners: { goal_id: string; unit_id: string };
  st_indicators: {
    id: Generated<string>;
    key: string;
    name: string;
    definition: string | null;
    unit_of_measure: Generated<string>;
    direction: Direction;
    frequency: Frequency;
    data_source: DataSource;
    ssb_table: string | null;
    ssb_contents_code: string | null;
    green_at: Numeric | null;
    red_at: Numeric | null;
    area_id: string | null;
    hub_id: string | null;
    source: string | null;
    synthetic: Generated<boolean>;
    active: Generated<boolean>;
    revision: Generated<number>;
    created_at: Created;
  };
  st_indicator_owners: { indicator_id: string; unit_id: string };
  st_indicator_goals: { indicator_id: string; goal_id: string };
  st_indicator_targets: { indicator_id: string; period: string; target: Numeric };
  st_indicator_values: {
    id: Generated<string>;
    indicator_id: string;
    period: string;
    unit_id: string | null;
    district: number | null;
    region: string | null;
    value: Numeric;
    origin: ValueOrigin;
    import_id: string | null;
    updated_by: string | null;
    updated_at: Created;
  };
  st_indicator_comments: {
    id: Generated<string>;
    indicator_id: string;
    unit_id: string | null;
    period: string | null;
    body: string;
    measure: string | null;
    author_id: string;
    created_at: Created;
  };
  st_imports: {
    id: Generated<string>;
    kind: 'indicator_csv' | 'jsonstat' | 'actuals_csv';
    file_name: string;
    status: 'running' | 'done' | 'failed';
    bytes_total: ColumnType<string, number | string | undefined, number | string>;
    bytes_done: ColumnType<string, number | string | undefined, number | string>;
    rows_written: Generated<number>;
    problems: Json;
    created_by: string;
    created_at: Created;
    finished_at: Timestamp | null;
  };
  st_political_decisions: {
    id: Generated<string>;
    body: DecisionBody;
    committee_name: string | null;
    meeting_date: DateText;
    case_number: string;
    archive_reference: string | null;
    title: string;
    decision_text: Generated<string>;
    responsible_unit_id: string;
    responsible_person_id: string | null;
    deadline: DateText | null;
    status: Generated<DecisionStatus>;
    completed_on: DateText | null;
    source: string | null;
    synthetic: Generated<boolean>;
    revision: Generated<number>;
    created_at: Created;
  };
  st_decision_notes: {
    id: Generated<string>;
    decision_id: string;
    body: string;
    status_from: string | null;
    status_to: string | null;
    author_id: string | null;
    created_at: Created;
  };
  st_budgets: {
    area_id: string;
    year: number;
    kind: 'budget' | 'plan';
    plan_year: number;
    amount: Numeric;
    source: string | null;
    synthetic: Generated<boolean>;
  };
  st_actuals: { area_id: string; year: number; month: number; amount: Numeric; import_id: string | null; synthetic: Generated<boolean> };
  st_forecasts: {
    area_id: string;
    year: number;
    as_of_month: number;
    amount: Numeric;
    comment: string | null;
    updated_by: string | null;
    updated_at: Created;
    source: string | null;
    synthetic: Generated<boolean>;
  };
  st_adjustments: {
    id: Generated<string>;
    area_id: string;
    year: number;
    title: string;
    reason: Generated<string>;
    amount: Numeric;
    decision_id: string | null;
    decision_reference: string | null;
    status: Generated<'proposed' | 'adopted' | 'rejected'>;
    source: string | null;
    synthetic: Generated<boolean>;
    revision: Generated<number>;
    created_at: Created;
  };
  st_reports: {
    id: Generated<string>;
    kind: ReportKind;
    period: string;
    as_of: DateText;
    title: string;
    status: Generated<'draft' | 'in_review' | 'published'>;
    snapshot: Json | null;
    published_at: Timestamp | null;
    published_by: string | null;
    created_by: string | null;
    revision: Generated<number>;
    created_at: Created;
  };
  st_report_sections: {
    id: Generated<string>;
    report_id: string;
    area_id: string;
    status_text: Generated<string>;
    assessment: Generated<string>;
    conclusion: Generated<string>;
    state: Generated<'open' | 'submitted' | 'approved' | 'returned'>;
    review_comment: string | null;
    updated_by: string | null;
    updated_at: Created;
    revision: Generated<number>;
  };
}

export type SteeringDb = Kysely<KernelTables & OrganisationTables & SteeringTables>;

/** Kysely types of migrations/0004_budget.sql (budget part). */
export interface SteeringBudgetTables {
  st_budget_assessments: {
    area_id: string;
    year: number;
    as_of_month: number;
    stated_deviation: ColumnType<string | null, number | string | null | undefined, number | string | null>;
    status_text: Generated<string>;
    assessment: Generated<string>;
    conclusion: Generated<string>;
    proposed_change: ColumnType<string | null, number | string | null | undefined, number | string | null>;
    source: string | null;
    synthetic: Generated<boolean>;
  };
}

/** Kysely types of migrations/0003_imports.sql (imports part): st_regions, and st_imports' added columns. */
export interface SteeringImportTables {
  st_regions: {
    code: string;
    label: string;
    updated_at: Generated<Date>;
  };
  st_imports: SteeringTables['st_imports'] & {
    indicator_id: string | null;
    summary: Json | null;
  };
}
