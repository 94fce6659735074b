import { registerOwnedItems, type OwnedBy, type ScopeExecutor } from '../../../kernel/index.js';
import type { LeaderSupportDb } from './leader-support.tables.js';
import { openStatuses } from './requests/shared.js';

// For the reassignment list of disabled users: open requests a user handles or waits for an answer
// to. Both are reassigned on the request's own page (assign to another agent, or answer and close).
registerOwnedItems('leader_support_request', async (executor: ScopeExecutor, userIds: readonly string[]): Promise<OwnedBy[]> => {
  const rows = await (executor as LeaderSupportDb)
    .selectFrom('ls_requests')
    .select(['id', 'number', 'subject', 'assignee_user_id', 'requester_user_id', 'created_at'])
    .where('status', 'in', [...openStatuses])
    .where((eb) => eb.or([eb('assignee_user_id', 'in', userIds), eb('requester_user_id', 'in', userIds)]))
    .orderBy('number')
    .execute();
  const ids = new Set(userIds);
  return rows.flatMap((row) => {
    const item = (kind: string) => ({
      kind,
      id: row.id,
      title: `#${row.number} ${row.subject}`,
      href: `/lederstotte/henvendelser/${row.number}`,
      since: row.created_at.toISOString(),
    });
    const owned: OwnedBy[] = [];
    if (row.assignee_user_id && ids.has(row.assignee_user_id))
      owned.push({ userId: row.assignee_user_id, item: item('leader_support_request_assigned') });
    if (row.requester_user_id && ids.has(row.requester_user_id) && row.requester_user_id !== row.assignee_user_id)
      owned.push({ userId: row.requester_user_id, item: item('leader_support_request_submitted') });
    return owned;
  });
});
