import { registerOwnedItems, type OwnedBy, type ScopeExecutor } from '../../../kernel/index.js';
import type { PortfolioDb } from './portfolio.tables.js';

// For the reassignment list of disabled users: live initiatives where the user is the digital agent
// or the proposer, and benefits the user's person owns. All are changed on the initiative's page.
registerOwnedItems('portfolio_initiative', async (executor: ScopeExecutor, userIds: readonly string[]): Promise<OwnedBy[]> => {
  const db = executor as PortfolioDb;
  const live = ['active', 'paused'] as const;
  const initiatives = await db
    .selectFrom('pf_initiatives')
    .select(['id', 'number', 'title', 'digital_agent_id', 'proposed_by', 'proposed_at'])
    .where('state', 'in', [...live])
    .where((eb) => eb.or([eb('digital_agent_id', 'in', userIds), eb('proposed_by', 'in', userIds)]))
    .orderBy('number')
    .execute();
  const benefits = await db
    .selectFrom('pf_benefits as b')
    .innerJoin('pf_initiatives as i', 'i.id', 'b.initiative_id')
    .innerJoin('org_user_people as up', 'up.person_id', 'b.owner_person_id')
    .select(['b.id', 'b.title', 'i.number', 'b.created_at', 'up.user_id'])
    .where('up.user_id', 'in', userIds)
    .where('b.status', '<>', 'closed')
    .where('i.state', 'in', [...live])
    .orderBy('i.number')
    .execute();
  const ids = new Set(userIds);
  return [
    ...initiatives.flatMap((row) => {
      const item = (kind: string) => ({
        kind,
        id: row.id,
        title: `#${row.number} ${row.title}`,
        href: `/portefolje/initiativ/${row.number}`,
        since: row.proposed_at.toISOString(),
      });
      const owned: OwnedBy[] = [];
      if (row.digital_agent_id && ids.has(row.digital_agent_id))
        owned.push({ userId: row.digital_agent_id, item: item('portfolio_initiative_agent') });
      if (row.proposed_by && ids.has(row.proposed_by) && row.proposed_by !== row.digital_agent_id)
        owned.push({ userId: row.proposed_by, item: item('portfolio_initiative_proposer') });
      return owned;
    }),
    ...benefits.map((row) => ({
      userId: row.user_id,
      item: {
        kind: 'portfolio_benefit_owner',
        id: row.id,
        title: `#${row.number} ${row.title}`,
        href: `/portefolje/initiativ/${row.number}`,
        since: row.created_at.toISOString(),
      },
    })),
  ];
});
