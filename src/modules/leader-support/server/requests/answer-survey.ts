import type { WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { auditRequest, conflict, forbidden, label, mustBeSignedIn, writeEvent, type RequestRow } from './shared.js';

/** The requester's answer to the short survey after resolution: 1–5 and a comment, once. */
export async function answerSurvey(
  db: LeaderSupportDb,
  context: WriteContext,
  row: RequestRow,
  input: { score: number; comment?: string },
  now = new Date(),
): Promise<void> {
  const actor = mustBeSignedIn(context);
  if (row.requester_user_id !== actor.userId)
    throw forbidden('Bare den som spurte kan svare på undersøkelsen.', 'Only the requester may answer the survey.');
  await db.transaction().execute(async (trx) => {
    const answered = await trx
      .updateTable('ls_surveys')
      .set({ score: input.score, comment: input.comment?.trim() || null, answered_at: now })
      .where('request_id', '=', row.id)
      .where('answered_at', 'is', null)
      .returning('request_id')
      .executeTakeFirst();
    if (!answered) {
      const survey = await trx.selectFrom('ls_surveys').select('answered_at').where('request_id', '=', row.id).executeTakeFirst();
      throw survey
        ? conflict(`Du har allerede svart på undersøkelsen for ${label(row)}.`, `You have already answered the survey for ${label(row)}.`)
        : conflict(
            `${label(row)} er ikke løst ennå; undersøkelsen kommer når den er løst.`,
            `${label(row)} is not resolved yet; the survey comes when it is.`,
          );
    }
    await writeEvent(trx, context, row.id, 'rated', { score: input.score });
    await auditRequest(trx, context, row.id, 'rate', { after: { score: input.score } });
  });
}
