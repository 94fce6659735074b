import type { Actor, WriteContext } from '../../../../kernel/index.js';
import type { VoteResult } from '../../knowledge-base.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { articleNotFound, audit, lockArticle } from './shared.js';
import { seesEverything } from './knowledge-base.queries.js';

/**
 * «Var dette nyttig?»: one vote per user and article. A changed vote moves the count from one side
 * to the other; the same vote again changes nothing. The article row is locked while counting.
 */
export async function voteOnArticle(
  trx: LeaderSupportDb,
  context: WriteContext & { actor: Actor },
  key: string,
  helpful: boolean,
): Promise<VoteResult> {
  const article = await lockArticle(trx, key);
  if (!seesEverything(context.actor) && (!article.published || article.audience !== 'leaders')) throw articleNotFound(key);
  const userId = context.actor.userId;
  const previous = await trx
    .selectFrom('ls_article_votes')
    .select('helpful')
    .where('article_id', '=', article.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  let helpfulDelta = 0;
  let notHelpfulDelta = 0;
  if (!previous) {
    await trx.insertInto('ls_article_votes').values({ article_id: article.id, user_id: userId, helpful }).execute();
    if (helpful) helpfulDelta = 1;
    else notHelpfulDelta = 1;
  } else if (previous.helpful !== helpful) {
    await trx
      .updateTable('ls_article_votes')
      .set({ helpful, created_at: new Date() })
      .where('article_id', '=', article.id)
      .where('user_id', '=', userId)
      .execute();
    helpfulDelta = helpful ? 1 : -1;
    notHelpfulDelta = helpful ? -1 : 1;
  }
  const counts = await trx
    .updateTable('ls_articles')
    .set((eb) => ({
      helpful_count: eb('helpful_count', '+', helpfulDelta),
      not_helpful_count: eb('not_helpful_count', '+', notHelpfulDelta),
    }))
    .where('id', '=', article.id)
    .returning(['helpful_count', 'not_helpful_count'])
    .executeTakeFirstOrThrow();
  if (helpfulDelta !== 0 || notHelpfulDelta !== 0) {
    await audit(trx, context, {
      action: 'vote',
      entityType: 'ls_article',
      entityId: article.id,
      before: previous ? { helpful: previous.helpful } : null,
      after: { helpful },
    });
  }
  return { helpfulCount: counts.helpful_count, notHelpfulCount: counts.not_helpful_count, myVote: helpful };
}
