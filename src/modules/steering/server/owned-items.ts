import { registerOwnedItems, type OwnedBy, type ScopeExecutor } from '../../../kernel/index.js';
import type { SteeringDb } from './steering.tables.js';

// For the reassignment list of disabled users: political decisions not yet carried out whose
// responsible person is the user's person (changed on the decision's page). Indicators are owned by
// units (st_indicator_owners), never by a person, so a person leaving leaves none behind.
registerOwnedItems('steering_decision', async (executor: ScopeExecutor, userIds: readonly string[]): Promise<OwnedBy[]> => {
  const rows = await (executor as SteeringDb)
    .selectFrom('st_political_decisions as d')
    .innerJoin('org_user_people as up', 'up.person_id', 'd.responsible_person_id')
    .select(['d.id', 'd.case_number', 'd.title', 'd.meeting_date', 'up.user_id'])
    .where('up.user_id', 'in', userIds)
    .where('d.status', 'not in', ['completed', 'cannot_be_done'])
    .orderBy('d.meeting_date')
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    item: {
      kind: 'steering_decision',
      id: row.id,
      title: `${row.case_number} ${row.title}`,
      href: `/styring/vedtak/${row.id}`,
      since: row.meeting_date,
    },
  }));
});
