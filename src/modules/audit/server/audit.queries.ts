import type { Kysely } from 'kysely';
import type { KernelTables } from '../../../kernel/index.js';
import type { AuditPage, AuditQuery } from '../audit.schemas.js';

/** One page of the audit log, newest first, with the total that matches the filters. */
export async function listAuditEntries(db: Kysely<KernelTables>, query: AuditQuery): Promise<AuditPage> {
  let base = db.selectFrom('audit_log');
  if (query.entityType) base = base.where('entity_type', '=', query.entityType);
  if (query.entityId) base = base.where('entity_id', '=', query.entityId);
  if (query.action) base = base.where('action', '=', query.action);
  if (query.actor) base = base.where('actor_name', 'ilike', `%${escapeLike(query.actor)}%`);
  if (query.from) base = base.where('occurred_at', '>=', new Date(`${query.from}T00:00:00Z`));
  if (query.to) base = base.where('occurred_at', '<', new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000));

  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((row) => ({
      id: String(row.id),
      occurredAt: row.occurred_at.toISOString(),
      actorUserId: row.actor_user_id,
      actorName: row.actor_name,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before ?? null,
      after: row.after ?? null,
      requestId: row.request_id,
    })),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
