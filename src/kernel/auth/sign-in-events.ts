import type { Kysely } from 'kysely';
import type { KernelTables } from '../db/schema.js';
import type { ScopeExecutor } from './permissions.js';

export interface SignInEvent {
  userId: string | null;
  /** What was typed or claimed; kept so a refused attempt for an unknown name still shows. */
  username: string | null;
  method: 'password' | 'oidc';
  outcome: 'success' | 'refused';
  /** A stable code: 'invalid_credentials', 'disabled', 'wrong_audience', 'expired', … */
  reason?: string | null;
  ip?: string | null;
}

/** Records one sign-in or refusal for the user page's history (password and OpenID Connect alike). */
export async function recordSignInEvent(executor: ScopeExecutor, event: SignInEvent): Promise<void> {
  await (executor as Kysely<KernelTables>)
    .insertInto('sign_in_events')
    .values({
      user_id: event.userId,
      username: event.username?.slice(0, 200) ?? null,
      method: event.method,
      outcome: event.outcome,
      reason: event.reason ?? null,
      ip: event.ip ?? null,
    })
    .execute();
}
