import type { Kysely, QueryExecutorProvider } from 'kysely';
import type { Actor } from '../auth/permissions.js';
import type { KernelTables } from '../db/schema.js';

/** Who is writing, and in which request: every command takes one and passes it to the audit log. */
export interface WriteContext {
  actor: Actor | null;
  requestId: string | null;
  /** Who wrote when no user did: a provisioning client such as «SCIM (Entra ID)». */
  actorName?: string;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the audit log. Call it inside the same transaction as the write it
 * describes, so either both are stored or neither is.
 */
export async function recordAudit(trx: QueryExecutorProvider, context: WriteContext, entry: AuditEntry): Promise<void> {
  await (trx as Kysely<KernelTables>)
    .insertInto('audit_log')
    .values({
      actor_user_id: context.actor?.userId ?? null,
      actor_name: context.actor?.displayName ?? context.actorName ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: context.requestId,
    })
    .execute();
}

/** A write context for work the system does by itself (migrations, dataset loads). */
export const systemContext: WriteContext = { actor: null, requestId: null };
