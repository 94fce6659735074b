import { registerOwnedItems, type ScopeExecutor } from '../../../kernel/index.js';
import type { PortfolioDb } from './portfolio.tables.js';

// For the reassignment list of disabled users: live initiatives where the user is the digital agent
// or the proposer, and benefits the user's person owns. All are changed on the initiative's page.
registerOwnedItems('portfolio_initiative', async (executor: ScopeExecutor, userId: string) => {
  const db = executor as PortfolioDb;
  const live = ['active', 'paused'] as const;
  const initiatives = await db
    .selectFrom('pf_initiatives')
    .select(['id', 'number', 'title', 'digital_agent_id', 'proposed_at'])
    .where('state', 'in', [...live])
    .where((eb) => eb.or([eb('digital_agent_id', '=', userId), eb('proposed_by', '=', userId)]))
    .orderBy('number')
    .execute();
  const benefits = await db
    .selectFrom('pf_benefits as b')
    .innerJoin('pf_initiatives as i', 'i.id', 'b.initiative_id')
    .innerJoin('org_user_people as up', 'up.person_id', 'b.owner_person_id')
    .select(['b.id', 'b.title', 'i.number', 'b.created_at'])
    .where('up.user_id', '=', userId)
    .where('b.status', '<>', 'closed')
    .where('i.state', 'in', [...live])
    .orderBy('i.number')
    .execute();
  return [
    ...initiatives.map((row) => ({
      kind: row.digital_agent_id === userId ? 'portfolio_initiative_agent' : 'portfolio_initiative_proposer',
      id: row.id,
      title: `#${row.number} ${row.title}`,
      href: `/portefolje/initiativ/${row.number}`,
      since: row.proposed_at.toISOString(),
    })),
    ...benefits.map((row) => ({
      kind: 'portfolio_benefit_owner',
      id: row.id,
      title: `#${row.number} ${row.title}`,
      href: `/portefolje/initiativ/${row.number}`,
      since: row.created_at.toISOString(),
    })),
  ];
});
