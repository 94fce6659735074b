import { AppError, type Actor, type WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { findRequestForActor } from '../requests/request-access.js';
import { writeEvent } from '../requests/shared.js';
import { seesEverything } from './knowledge-base.queries.js';
import { articleNotFound, audit } from './shared.js';

type Context = WriteContext & { actor: Actor };

async function visibleArticle(trx: LeaderSupportDb, actor: Actor, key: string) {
  const article = await trx
    .selectFrom('ls_articles')
    .select(['id', 'key', 'title', 'published', 'audience'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!article || (!seesEverything(actor) && (!article.published || article.audience !== 'leaders'))) throw articleNotFound(key);
  return article;
}

/** Links an article to a request the actor may read, with an «article_linked» event in its history. */
export async function linkArticle(trx: LeaderSupportDb, context: Context, ref: string, articleKey: string): Promise<void> {
  const request = await findRequestForActor(trx, context.actor, ref);
  const article = await visibleArticle(trx, context.actor, articleKey);
  const inserted = await trx
    .insertInto('ls_request_articles')
    .values({ request_id: request.id, article_id: article.id })
    .onConflict((oc) => oc.doNothing())
    .returning('article_id')
    .executeTakeFirst();
  if (!inserted) {
    throw new AppError('conflict', {
      message: {
        nb: `Artikkelen «${article.title}» er allerede knyttet til henvendelsen.`,
        en: `The article "${article.title}" is already linked to the request.`,
      },
      details: [{ in: 'body', path: 'articleKey', problem: 'already linked' }],
    });
  }
  await writeEvent(trx, context, request.id, 'article_linked', { articleKey: article.key, title: article.title });
  await audit(trx, context, {
    action: 'link_article',
    entityType: 'ls_request',
    entityId: request.id,
    after: { articleId: article.id, articleKey: article.key },
  });
}

/** Removes an article's link to a request, with an «article_unlinked» event. */
export async function unlinkArticle(trx: LeaderSupportDb, context: Context, ref: string, articleKey: string): Promise<void> {
  const request = await findRequestForActor(trx, context.actor, ref);
  const article = await visibleArticle(trx, context.actor, articleKey);
  const removed = await trx
    .deleteFrom('ls_request_articles')
    .where('request_id', '=', request.id)
    .where('article_id', '=', article.id)
    .returning('article_id')
    .executeTakeFirst();
  if (!removed) {
    throw new AppError('not_found', {
      message: {
        nb: `Artikkelen «${article.title}» er ikke knyttet til henvendelsen.`,
        en: `The article "${article.title}" is not linked to the request.`,
      },
    });
  }
  await writeEvent(trx, context, request.id, 'article_unlinked', { articleKey: article.key, title: article.title });
  await audit(trx, context, {
    action: 'unlink_article',
    entityType: 'ls_request',
    entityId: request.id,
    before: { articleId: article.id, articleKey: article.key },
  });
}
