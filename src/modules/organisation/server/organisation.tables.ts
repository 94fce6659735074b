import type { ColumnType, Generated, Kysely } from 'kysely';
import type { KernelTables } from '../../../kernel/index.js';

type DateColumn = ColumnType<string, string, string>;
type Numeric = ColumnType<string | null, number | string | null, number | string | null>;

/** Kysely types of the organisation tables (migrations/0001_organisation.sql). */
export interface OrganisationTables {
  org_units: { id: Generated<string>; key: string; revision: Generated<number>; created_at: Generated<Date> };
  org_unit_versions: {
    id: Generated<string>;
    unit_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    name: string;
    kind: string;
    level: number;
    parent_id: string | null;
    classification: string;
    name_known: Generated<boolean>;
    hr_unit_id: string | null;
    ansvar_number: string | null;
    organisation_number: string | null;
    kostra_function: string | null;
    districts: Generated<number[]>;
    source: string | null;
    note: string | null;
  };
  org_positions: { id: Generated<string>; key: string; revision: Generated<number>; created_at: Generated<Date> };
  org_position_versions: {
    id: Generated<string>;
    position_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    title: string;
    unit_id: string;
    role_type: string;
    personnel_responsibility: boolean;
    professionally_independent: boolean;
    fte: Numeric;
    /** The cost centre (ansvar) the post is paid from, when recorded (migrations/0011_posts.sql). */
    cost_centre: ColumnType<string | null, string | null | undefined, string | null>;
    source: string | null;
    note: string | null;
  };
  org_people: {
    id: Generated<string>;
    key: string;
    name: string;
    synthetic: Generated<boolean>;
    source: string | null;
    revision: Generated<number>;
    created_at: Generated<Date>;
  };
  org_assignments: {
    id: Generated<string>;
    person_id: string;
    position_id: string;
    fte: ColumnType<string, number | string | undefined, number | string>;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    source: string | null;
    revision: Generated<number>;
    fte_override_reason: Generated<string | null>;
  };
  org_reporting_lines: {
    id: Generated<string>;
    line_type: string;
    from_position_id: string;
    to_position_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    source: string | null;
    note: string | null;
    revision: Generated<number>;
  };
  org_level_exceptions: {
    id: Generated<string>;
    unit_id: string;
    rule: Generated<string>;
    reason: string;
    source: string | null;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
  };
  org_rule_settings: { role_type: string; max_span: number; revision: Generated<number> };
  org_user_people: { user_id: string; person_id: string };
  org_editor_areas: { user_id: string; unit_id: string };
  org_unit_budgets: {
    id: Generated<string>;
    unit_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    budgeted_fte: ColumnType<string, number | string, number | string>;
    source: string;
    note: string | null;
  };
}

export type OrganisationDb = Kysely<KernelTables & OrganisationTables>;
