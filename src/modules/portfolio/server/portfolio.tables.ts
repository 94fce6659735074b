import type { ColumnType, Generated, Kysely } from 'kysely';
import type { KernelTables } from '../../../kernel/index.js';
import type { OrganisationTables } from '../../organisation/index.js';
import type { SteeringTables } from '../../steering/index.js';

// jsonb goes in as JSON text (always JSON.stringify) and comes out parsed.
type Json<T = unknown> = ColumnType<T, string, string>;
type Created = ColumnType<Date, Date | string | undefined, Date | string>;
// numeric comes back from pg as a string; write numbers or strings.
type Numeric = ColumnType<string, number | string, number | string>;
type DateText = ColumnType<string, string, string>;

export const phases = ['idea', 'concept', 'planning', 'execution', 'closing', 'realisation'] as const;
export type Phase = (typeof phases)[number];
export const decisionPoints = ['BP1', 'BP2', 'BP3', 'BP4', 'BP5'] as const;
export type DecisionPoint = (typeof decisionPoints)[number];
export type InitiativeCategory = 'mandated' | 'strategy' | 'efficiency' | 'quality' | 'innovation';
export type InitiativeSize = 'small' | 'medium' | 'large';
export type InitiativeState = 'active' | 'paused' | 'stopped' | 'merged' | 'done';
export type DecisionOutcome = 'approve' | 'return' | 'pause' | 'stop';
export type Light = 'green' | 'yellow' | 'red';
export type PoolRole = 'service_designer' | 'concept_developer' | 'enterprise_architect' | 'project_manager' | 'line_staff';
export type BenefitType = 'money' | 'time' | 'quality' | 'others';
export type BenefitStatus = 'planned' | 'in_realisation' | 'realised' | 'closed';

/** Kysely types of the portfolio tables (migrations/0001_portfolio.sql). */
export interface PortfolioTables {
  pf_initiatives: {
    id: Generated<string>;
    number: Generated<number>;
    title: string;
    problem: Generated<string>;
    need: Generated<string>;
    beneficiaries: Generated<string>;
    owner_unit_id: string;
    digital_agent_id: string | null;
    category: InitiativeCategory;
    size: InitiativeSize;
    estimated_cost: ColumnType<string, number | string | undefined, number | string>;
    estimated_months: number | null;
    personal_data: Generated<boolean>;
    dpia_needed: boolean | null;
    architecture_notes: Generated<string>;
    privacy_notes: Generated<string>;
    phase: Generated<Phase>;
    state: Generated<InitiativeState>;
    merged_into_id: string | null;
    planned_start: DateText | null;
    planned_end: DateText | null;
    proposed_by: string;
    proposed_at: Created;
    synthetic: Generated<boolean>;
    revision: Generated<number>;
    updated_at: Created;
  };
  pf_initiative_goals: { initiative_id: string; goal_id: string };
  pf_initiative_decisions: { initiative_id: string; decision_id: string };
  pf_initiative_events: {
    id: Generated<string>;
    initiative_id: string;
    type: string;
    data: Json<Record<string, unknown>>;
    actor_id: string | null;
    occurred_at: Created;
  };
  pf_checklist_items: {
    id: Generated<string>;
    decision_point: DecisionPoint;
    key: string;
    label_nb: string;
    label_en: string;
    sort_order: Generated<number>;
    active: Generated<boolean>;
    source: string | null;
  };
  pf_board_meetings: {
    id: Generated<string>;
    meeting_date: DateText;
    title: string;
    minutes: Generated<string>;
    status: Generated<'planned' | 'held'>;
    revision: Generated<number>;
    created_by: string | null;
    created_at: Created;
  };
  pf_board_members: {
    id: Generated<string>;
    person_id: string;
    valid_from: DateText;
    valid_to: DateText | null;
    note: Generated<string>;
    source: string | null;
    revision: Generated<number>;
    created_at: Created;
  };
  pf_agenda_items: { meeting_id: string; initiative_id: string; position: number; note: Generated<string> };
  pf_decisions: {
    id: Generated<string>;
    initiative_id: string;
    decision_point: DecisionPoint;
    outcome: DecisionOutcome;
    rationale: string;
    decided_on: DateText;
    decided_by: string;
    meeting_id: string | null;
    checklist: Json<Record<string, boolean>>;
    phase_before: Phase;
    phase_after: Phase;
    created_at: Created;
  };
  pf_status_reports: {
    id: Generated<string>;
    initiative_id: string;
    period: string;
    progress: Generated<string>;
    scope_light: Light;
    time_light: Light;
    cost_light: Light;
    benefits_light: Light;
    risks: Generated<string>;
    issues: Generated<string>;
    next_steps: Generated<string>;
    percent_complete: number | null;
    reported_by: string;
    reported_at: Created;
    synthetic: Generated<boolean>;
    revision: Generated<number>;
  };
  pf_criteria: {
    id: Generated<string>;
    key: string;
    label_nb: string;
    label_en: string;
    weight: Numeric;
    higher_is_better: Generated<boolean>;
    sort_order: Generated<number>;
    revision: Generated<number>;
  };
  pf_scores: { initiative_id: string; criterion_id: string; score: number; scored_by: string | null; scored_at: Created };
  pf_settings: {
    id: Generated<boolean>;
    capacity_line: ColumnType<string, number | string | undefined, number | string>;
    report_due_day: Generated<number>;
    revision: Generated<number>;
  };
  pf_pool_members: {
    id: Generated<string>;
    name: string;
    person_id: string | null;
    role: PoolRole;
    home_unit_id: string | null;
    default_capacity: ColumnType<string, number | string | undefined, number | string>;
    active: Generated<boolean>;
    synthetic: Generated<boolean>;
    revision: Generated<number>;
    created_at: Created;
  };
  pf_capacity: { member_id: string; month: DateText; capacity: Numeric };
  pf_allocations: {
    member_id: string;
    initiative_id: string;
    month: DateText;
    share: Numeric;
    override_reason: string | null;
    allocated_by: string | null;
    allocated_at: Created;
  };
  pf_benefits: {
    id: Generated<string>;
    initiative_id: string;
    title: string;
    type: BenefitType;
    indicator: string;
    unit_of_measure: Generated<string>;
    baseline_value: Numeric;
    baseline_date: DateText;
    target_value: Numeric;
    annual_value: Numeric | null;
    owner_person_id: string;
    owner_unit_id: string;
    expected_date: DateText;
    actions: Generated<string>;
    assumptions: Generated<string>;
    planned: Generated<boolean>;
    status: Generated<BenefitStatus>;
    closed_reason: string | null;
    synthetic: Generated<boolean>;
    revision: Generated<number>;
    created_at: Created;
  };
  pf_benefit_measurements: {
    id: Generated<string>;
    benefit_id: string;
    measured_on: DateText;
    value: Numeric;
    comment: string | null;
    measured_by: string | null;
    created_at: Created;
  };
}

export type PortfolioDb = Kysely<KernelTables & OrganisationTables & SteeringTables & PortfolioTables>;
