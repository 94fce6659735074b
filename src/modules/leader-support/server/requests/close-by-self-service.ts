import { forbidden, invalid, type WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { auditRequest, lockOpenRequest, mustBeSignedIn, updateRequest, writeEvent, type RequestRow } from './shared.js';

/** The requester closes the request because a knowledge-base article solved it: it counts as self-service. */
export async function closeBySelfService(
  db: LeaderSupportDb,
  context: WriteContext,
  row: RequestRow,
  input: { articleId: string },
  now = new Date(),
): Promise<void> {
  const actor = mustBeSignedIn(context);
  if (row.requester_user_id !== actor.userId) {
    throw forbidden('Bare den som spurte kan lukke saken med en artikkel.', 'Only the requester may close the request with an article.');
  }
  await db.transaction().execute(async (trx) => {
    const locked = await lockOpenRequest(trx, row.id, null);
    const article = await trx.selectFrom('ls_articles').select(['id', 'title']).where('id', '=', input.articleId).executeTakeFirst();
    if (!article)
      throw invalid('Fant ikke artikkelen.', 'The article was not found.', [{ in: 'body', path: 'articleId', problem: 'unknown article' }]);
    await updateRequest(trx, row.id, {
      status: 'closed',
      self_service: locked.highest_line === 1 && locked.assignee_user_id === null,
      solved_by_article_id: article.id,
      resolved_at: now,
      closed_at: now,
      paused_at: null,
    });
    await trx
      .insertInto('ls_request_articles')
      .values({ request_id: row.id, article_id: article.id })
      .onConflict((oc) => oc.columns(['request_id', 'article_id']).doNothing())
      .execute();
    await writeEvent(trx, context, row.id, 'closed', { selfService: true, articleId: article.id, articleTitle: article.title });
    await auditRequest(trx, context, row.id, 'close_self_service', { after: { articleId: article.id } });
  });
}
