import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Kysely types of the kernel's tables. Modules add their own with `db.withTables<…>()`. */
export interface KernelTables {
  municipality: {
    id: number;
    name: string;
    number: string;
    source: string;
  };
  users: {
    id: Generated<string>;
    username: string;
    display_name: string;
    password_hash: string | null;
    roles: string[];
    is_demo: Generated<boolean>;
    disabled_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    version: Generated<number>;
    employee_number: Generated<string | null>;
    email: Generated<string | null>;
    external_id: Generated<string | null>;
    oidc_issuer: Generated<string | null>;
    oidc_subject: Generated<string | null>;
    source: Generated<'local' | 'oidc' | 'scim'>;
    groups: Generated<string[]>;
    last_sign_in_at: Generated<Date | null>;
    disabled_reason: Generated<string | null>;
  };
  role_grants: {
    id: Generated<string>;
    user_id: string;
    role: string;
    reason: string;
    /** 'YYYY-MM-DD', exclusive; null: until revoked. */
    valid_to: ColumnType<string | null, string | null | undefined, string | null>;
    granted_by: string | null;
    granted_at: Generated<Date>;
    revoked_at: Date | null;
    revoked_by: string | null;
  };
  sessions: {
    id: string;
    user_id: string;
    csrf_token: string;
    created_at: Generated<Date>;
    expires_at: Date;
    last_seen_at: Generated<Date>;
  };
  audit_log: {
    id: Generated<string>;
    occurred_at: Generated<Date>;
    actor_user_id: string | null;
    actor_name: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    // jsonb: written as a JSON string (always JSON.stringify), read back parsed.
    before: ColumnType<unknown, string | null, never>;
    after: ColumnType<unknown, string | null, never>;
    request_id: string | null;
  };
  role_inputs: {
    id: number;
    /** bigint: read as text. */
    version: string;
  };
  sign_in_events: {
    id: Generated<string>;
    user_id: string | null;
    username: string | null;
    occurred_at: Generated<Date>;
    method: 'password' | 'oidc';
    outcome: 'success' | 'refused';
    reason: string | null;
    ip: string | null;
  };
  dataset_loads: {
    name: string;
    loaded_at: Generated<Date>;
  };
  schema_migrations: {
    id: string;
    checksum: string;
    applied_at: Generated<Date>;
  };
}

export type UserRow = Selectable<KernelTables['users']>;
export type NewUser = Insertable<KernelTables['users']>;
