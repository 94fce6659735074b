import { can, type WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { auditRequest, forbidden, label, mustBeSignedIn, writeEvent, type RequestRow } from './shared.js';

/**
 * An agent logs time spent. The entry keeps the line the agent works in (their groups' line when
 * they are not in the request's group), so the cost to the ordering unit uses the right rate.
 */
export async function logTime(
  db: LeaderSupportDb,
  context: WriteContext,
  row: RequestRow,
  input: { minutes: number; note?: string },
): Promise<{ id: string }> {
  const actor = mustBeSignedIn(context);
  if (!(await can(actor, 'leader_support:handle')))
    throw forbidden(`Bare agenter fører tid på ${label(row)}.`, `Only agents log time on ${label(row)}.`);
  const groups = await db
    .selectFrom('ls_group_members as m')
    .innerJoin('ls_groups as g', 'g.id', 'm.group_id')
    .select(['g.id', 'g.line'])
    .where('m.user_id', '=', actor.userId)
    .execute();
  const line = groups.some((g) => g.id === row.group_id) || groups.length === 0 ? row.line : Math.min(...groups.map((g) => g.line));
  return db.transaction().execute(async (trx) => {
    const entry = await trx
      .insertInto('ls_time_entries')
      .values({ request_id: row.id, user_id: actor.userId, line, minutes: input.minutes, note: input.note?.trim() || null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeEvent(trx, context, row.id, 'time_logged', { minutes: input.minutes, line });
    await auditRequest(trx, context, row.id, 'log_time', { after: { minutes: input.minutes, line } });
    return { id: entry.id };
  });
}
