import { sql } from 'kysely';
import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { ArticleWriteResult, UpdateArticleBody } from '../../knowledge-base.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { assertRevision, audit, categoryIdOf, cleanText, lockArticle } from './shared.js';

/**
 * Changes an article read at `revision` (someone else's change meanwhile is refused as stale).
 * Its key stays, so links to it keep working. Unpublishing is `published: false`.
 */
export async function changeArticle(
  trx: LeaderSupportDb,
  context: WriteContext,
  key: string,
  input: UpdateArticleBody,
): Promise<ArticleWriteResult> {
  const before = await lockArticle(trx, key);
  assertRevision(before, input.revision);
  const changes = {
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.summary !== undefined ? { summary: cleanText(input.summary) } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.categoryKey !== undefined ? { category_id: await categoryIdOf(trx, input.categoryKey) } : {}),
    ...(input.audience !== undefined ? { audience: input.audience } : {}),
    ...(input.published !== undefined ? { published: input.published } : {}),
  };
  if (Object.keys(changes).length === 0) {
    throw new AppError('invalid', {
      message: { nb: 'Ingenting å endre: send minst ett felt.', en: 'Nothing to change: send at least one field.' },
      details: [{ in: 'body', path: '', problem: 'no fields to change' }],
    });
  }
  const row = await trx
    .updateTable('ls_articles')
    .set({ ...changes, revision: sql<number>`revision + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', before.id)
    .returning(['id', 'key', 'revision'])
    .executeTakeFirstOrThrow();
  const { body: _body, ...beforeWithoutBody } = before;
  await audit(trx, context, {
    action: 'update',
    entityType: 'ls_article',
    entityId: before.id,
    before: { ...beforeWithoutBody, bodyLength: before.body.length },
    after: {
      ...changes,
      ...(changes.body !== undefined ? { body: undefined, bodyLength: changes.body.length } : {}),
      revision: row.revision,
    },
  });
  return { id: row.id, key: row.key, revision: row.revision };
}
