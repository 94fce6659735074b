import type { WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb, Priority } from '../leader-support.tables.js';
import { deskConfig } from './desk-config.js';
import { dueTimes } from './service-levels.js';
import { assertGroupMember, auditRequest, lockOpenRequest, mustBeSignedIn, updateRequest, writeEvent, type RequestRow } from './shared.js';

/** An agent changes the priority; the deadlines follow the policy for the new one, counted from submission. */
export async function changePriority(
  db: LeaderSupportDb,
  context: WriteContext,
  row: RequestRow,
  input: { revision: number; priority: Priority },
): Promise<void> {
  const actor = mustBeSignedIn(context);
  await assertGroupMember(db, actor, row, { nb: 'endre prioriteten på', en: 'change the priority of' });
  await db.transaction().execute(async (trx) => {
    const locked = await lockOpenRequest(trx, row.id, input.revision);
    if (locked.priority === input.priority) return;
    const due = dueTimes(await deskConfig(trx), locked.category_id, input.priority, new Date(locked.created_at));
    await updateRequest(trx, row.id, {
      priority: input.priority,
      resolution_due_at: due.resolution_due_at,
      resolution_warn_at: due.resolution_warn_at,
      warned_at: null,
      ...(locked.first_response_at ? {} : { response_due_at: due.response_due_at }),
    });
    await writeEvent(trx, context, row.id, 'priority', { from: locked.priority, to: input.priority });
    await auditRequest(trx, context, row.id, 'change_priority', {
      before: { priority: locked.priority },
      after: { priority: input.priority },
    });
  });
}
