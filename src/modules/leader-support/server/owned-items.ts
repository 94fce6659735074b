import { registerOwnedItems, type ScopeExecutor } from '../../../kernel/index.js';
import type { LeaderSupportDb } from './leader-support.tables.js';
import { openStatuses } from './requests/shared.js';

// For the reassignment list of disabled users: open requests a user handles or waits for an answer
// to. Both are reassigned on the request's own page (assign to another agent, or answer and close).
registerOwnedItems('leader_support_request', async (executor: ScopeExecutor, userId: string) => {
  const rows = await (executor as LeaderSupportDb)
    .selectFrom('ls_requests')
    .select(['id', 'number', 'subject', 'assignee_user_id', 'created_at'])
    .where('status', 'in', [...openStatuses])
    .where((eb) => eb.or([eb('assignee_user_id', '=', userId), eb('requester_user_id', '=', userId)]))
    .orderBy('number')
    .execute();
  return rows.map((row) => ({
    kind: row.assignee_user_id === userId ? 'leader_support_request_assigned' : 'leader_support_request_submitted',
    id: row.id,
    title: `#${row.number} ${row.subject}`,
    href: `/lederstotte/henvendelser/${row.number}`,
    since: row.created_at.toISOString(),
  }));
});
