import type { WriteContext } from '../../../../kernel/index.js';
import type { ProposeInitiativeBody } from '../../initiatives.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { checkInitiativeFields } from './initiative-fields.js';
import { audit, forbidden, todayInNorway, writeEvent } from './shared.js';

/** Anyone signed in proposes an initiative on the standard intake form; it starts as an idea. */
export async function proposeInitiative(
  db: PortfolioDb,
  context: WriteContext,
  input: ProposeInitiativeBody,
): Promise<{ id: string; number: number }> {
  const actor = context.actor;
  if (!actor) throw forbidden('Du må være innlogget.', 'You must be signed in.');
  const checked = await checkInitiativeFields(db, input, todayInNorway());
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('pf_initiatives')
      .values({ ...checked.values, proposed_by: actor.userId })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    if (checked.goalIds.length > 0)
      await trx
        .insertInto('pf_initiative_goals')
        .values(checked.goalIds.map((goal_id) => ({ initiative_id: row.id, goal_id })))
        .execute();
    if (checked.decisionIds.length > 0)
      await trx
        .insertInto('pf_initiative_decisions')
        .values(checked.decisionIds.map((decision_id) => ({ initiative_id: row.id, decision_id })))
        .execute();
    await writeEvent(trx, context, row.id, 'proposed', { title: checked.values.title });
    await audit(trx, context, {
      action: 'propose',
      entityType: 'pf_initiative',
      entityId: row.id,
      after: { ...checked.values, number: row.number, goalIds: checked.goalIds, decisionIds: checked.decisionIds },
    });
    return { id: row.id, number: row.number };
  });
}
