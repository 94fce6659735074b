import { recordAudit, systemContext, todayInNorway } from '../../../../kernel/index.js';
import type { PortfolioDb } from '../portfolio.tables.js';

/** The demo's board member (the organisation's demo person «Demo Porteføljestyre»). Fictitious, marked 'demo'. */
const demoBoardPersonKey = 'demo-portefolje';

/**
 * Demo mode: gives the demo sign-in «portefolje» a seat on the board from the day its demo person's
 * assignment starts, so its board role follows the board like everyone's. Once in place, one query.
 */
export async function ensureDemoBoardSeat(db: PortfolioDb, log: (message: string) => void): Promise<void> {
  const person = await db
    .selectFrom('org_people as p')
    .leftJoin('pf_board_members as m', 'm.person_id', 'p.id')
    .select(['p.id', 'm.id as seat_id'])
    .where('p.key', '=', demoBoardPersonKey)
    .executeTakeFirst();
  if (!person) return log(`demo: no person «${demoBoardPersonKey}» for the board seat; skipped`);
  if (person.seat_id) return;
  const start = await db
    .selectFrom('org_assignments')
    .select((eb) => eb.fn.min('valid_from').as('from'))
    .where('person_id', '=', person.id)
    .executeTakeFirst();
  const validFrom = (start?.from as string | null) ?? todayInNorway();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('pf_board_members')
      .values({ person_id: person.id, valid_from: validFrom, valid_to: null, note: 'Demoplass. Ikke fra kildene.', source: 'demo' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, systemContext, {
      action: 'create',
      entityType: 'portfolio_board_member',
      entityId: row.id,
      after: { person: demoBoardPersonKey, validFrom, source: 'demo' },
    });
  });
}
