import type { ColumnType, Generated, Kysely } from 'kysely';
import type { KernelTables } from '../../../kernel/index.js';
import type { OrganisationTables } from '../../organisation/index.js';

// jsonb goes in as JSON text (always JSON.stringify) and comes out parsed.
type Json<T = unknown> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Created = ColumnType<Date, Date | string | undefined, Date | string>;
type Count = ColumnType<string, number | string | bigint, number | string | bigint>;

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type RequestStatus = 'new' | 'in_progress' | 'waiting' | 'resolved' | 'closed' | 'deleted';
export type Line = 1 | 2 | 3;
export type Channel = 'portal' | 'phone' | 'email';
export type Visibility = 'public' | 'internal';

/** Kysely types of the leader-support tables (migrations/0001_leader_support.sql). */
export interface LeaderSupportTables {
  ls_groups: {
    id: Generated<string>;
    key: string;
    name: string;
    line: number;
    unit_id: string | null;
    specialisation: string | null;
    external: Generated<boolean>;
    active: Generated<boolean>;
    source: string | null;
    revision: Generated<number>;
    created_at: Created;
  };
  ls_group_members: { group_id: string; user_id: string };
  ls_categories: {
    id: Generated<string>;
    key: string;
    name_nb: string;
    name_en: string;
    description_nb: string | null;
    description_en: string | null;
    area: string;
    kind: Generated<'general' | 'leader_change'>;
    fields: Json;
    default_priority: Generated<Priority>;
    sort_order: Generated<number>;
    active: Generated<boolean>;
    source: string | null;
    revision: Generated<number>;
    created_at: Created;
  };
  ls_routing_rules: {
    id: Generated<string>;
    category_id: string | null;
    area_unit_id: string | null;
    group_id: string;
    note: string | null;
    source: string | null;
    revision: Generated<number>;
    created_at: Created;
  };
  ls_sla_policies: {
    id: Generated<string>;
    category_id: string | null;
    priority: Priority;
    response_minutes: number;
    resolution_minutes: number;
    revision: Generated<number>;
  };
  ls_settings: {
    id: Generated<boolean>;
    time_zone: Generated<string>;
    opening_hours: Json<Record<string, [string, string] | null>>;
    closed_days: Json<string[]>;
    rates: Json<Record<string, number>>;
    warn_percent: Generated<number>;
    first_line_target_percent: Generated<number>;
    revision: Generated<number>;
  };
  ls_requests: {
    id: Generated<string>;
    number: ColumnType<string, never, never>;
    category_id: string;
    subject: string;
    description: Generated<string>;
    fields: Json<Record<string, unknown>>;
    requester_user_id: string | null;
    requester_person_id: string | null;
    requester_name: string;
    unit_id: string | null;
    unit_name: string | null;
    unit_level: number | null;
    sector_unit_id: string | null;
    sector_name: string | null;
    registered_by_user_id: string | null;
    channel: Generated<Channel>;
    priority: Priority;
    status: Generated<RequestStatus>;
    line: Generated<number>;
    group_id: string;
    assignee_user_id: string | null;
    third_line_kind: 'internal' | 'external' | null;
    third_line_party: string | null;
    parent_id: string | null;
    self_service: Generated<boolean>;
    solved_by_article_id: string | null;
    highest_line: Generated<number>;
    created_at: Created;
    first_response_at: Timestamp | null;
    resolved_at: Timestamp | null;
    closed_at: Timestamp | null;
    response_due_at: Timestamp | null;
    resolution_due_at: Timestamp | null;
    resolution_warn_at: Timestamp | null;
    paused_at: Timestamp | null;
    warned_at: Timestamp | null;
    response_breached: Generated<boolean>;
    resolution_breached: Generated<boolean>;
    synthetic: Generated<boolean>;
    revision: Generated<number>;
    updated_at: Created;
  };
  ls_request_links: { request_id: string; linked_id: string; created_at: Created };
  ls_messages: {
    id: Generated<string>;
    request_id: string;
    author_user_id: string | null;
    author_name: string;
    visibility: Visibility;
    body: string;
    created_at: Created;
  };
  ls_attachments: {
    id: Generated<string>;
    request_id: string;
    message_id: string | null;
    file_name: string;
    media_type: string;
    size: number;
    sha256: string;
    content: Buffer;
    visibility: Generated<Visibility>;
    uploaded_by_user_id: string | null;
    created_at: Created;
  };
  ls_request_events: {
    id: Generated<string>;
    request_id: string;
    type: string;
    actor_user_id: string | null;
    actor_name: string | null;
    data: Json<Record<string, unknown>>;
    created_at: Created;
    dispatched_at: Timestamp | null;
  };
  ls_time_entries: {
    id: Generated<string>;
    request_id: string;
    user_id: string | null;
    line: number;
    minutes: number;
    note: string | null;
    created_at: Created;
  };
  ls_surveys: {
    request_id: string;
    sent_at: Created;
    score: number | null;
    comment: string | null;
    answered_at: Timestamp | null;
  };
  ls_articles: {
    id: Generated<string>;
    key: string;
    title: string;
    summary: string | null;
    body: Generated<string>;
    category_id: string | null;
    audience: Generated<'leaders' | 'agents'>;
    published: Generated<boolean>;
    demo: Generated<boolean>;
    search: ColumnType<string, never, never>;
    helpful_count: Generated<number>;
    not_helpful_count: Generated<number>;
    revision: Generated<number>;
    created_at: Created;
    updated_at: Created;
  };
  ls_article_votes: { article_id: string; user_id: string; helpful: boolean; created_at: Created };
  ls_request_articles: { request_id: string; article_id: string; created_at: Created };
  ls_notifications: {
    id: Generated<string>;
    user_id: string;
    request_id: string | null;
    event_id: string | null;
    text_nb: string;
    text_en: string;
    created_at: Created;
    read_at: Timestamp | null;
  };
  ls_user_preferences: { user_id: string; email: string | null; email_notifications: Generated<boolean>; revision: Generated<number> };
  ls_email_outbox: {
    id: Generated<string>;
    to_address: string;
    subject: string;
    body: string;
    request_id: string | null;
    created_at: Created;
    sent_at: Timestamp | null;
    attempts: Generated<number>;
    last_error: string | null;
  };
  ls_webhooks: {
    id: Generated<string>;
    url: string;
    secret: string;
    events: Generated<string[]>;
    active: Generated<boolean>;
    description: string | null;
    revision: Generated<number>;
    created_at: Created;
    created_by_user_id: Generated<string | null>;
    consecutive_failures: Generated<number>;
    failing_since: Timestamp | null;
    paused_at: Timestamp | null;
    paused_error: string | null;
  };
  ls_webhook_deliveries: {
    id: Generated<string>;
    webhook_id: string;
    event_id: string;
    payload: Json;
    attempts: Generated<number>;
    next_attempt_at: Created;
    last_status: number | null;
    last_error: string | null;
    delivered_at: Timestamp | null;
    failed_at: Timestamp | null;
    created_at: Created;
  };
}

export type { Count };
export type LeaderSupportDb = Kysely<KernelTables & OrganisationTables & LeaderSupportTables>;
