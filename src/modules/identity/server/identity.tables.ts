import type { Generated, Kysely } from 'kysely';
import type { KernelTables } from '../../../kernel/index.js';

/** Kysely types of the identity module's tables. */
export interface IdentityTables {
  group_role_mappings: {
    id: Generated<string>;
    group_name: string;
    role: string;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  scim_groups: {
    id: Generated<string>;
    display_name: string;
    external_id: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    version: Generated<number>;
  };
  scim_group_members: {
    group_id: string;
    user_id: string;
  };
  oidc_attempts: {
    state: string;
    nonce: string;
    code_verifier: string;
    redirect: string;
    created_at: Generated<Date>;
  };
  oidc_sessions: {
    session_id: string;
    id_token: string;
    issuer: string;
  };
}

export type IdentityDb = Kysely<KernelTables & IdentityTables>;
