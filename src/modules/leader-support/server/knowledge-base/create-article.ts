import type { WriteContext } from '../../../../kernel/index.js';
import type { ArticleWriteResult, CreateArticleBody } from '../../knowledge-base.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { audit, categoryIdOf, cleanText, uniqueKey } from './shared.js';

/** Writes a new article; its key is made from the title and is unique. */
export async function createArticle(trx: LeaderSupportDb, context: WriteContext, input: CreateArticleBody): Promise<ArticleWriteResult> {
  const title = input.title.trim();
  const categoryId = await categoryIdOf(trx, input.categoryKey);
  const key = await uniqueKey(trx, title);
  const row = await trx
    .insertInto('ls_articles')
    .values({
      key,
      title,
      summary: cleanText(input.summary),
      // Stored as given: the web renders Markdown with raw HTML shown as text.
      body: input.body,
      category_id: categoryId,
      audience: input.audience ?? 'leaders',
      published: input.published ?? true,
    })
    .returning(['id', 'key', 'revision'])
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: 'create',
    entityType: 'ls_article',
    entityId: row.id,
    after: {
      key,
      title,
      summary: cleanText(input.summary),
      categoryKey: input.categoryKey ?? null,
      audience: input.audience ?? 'leaders',
      published: input.published ?? true,
    },
  });
  return { id: row.id, key: row.key, revision: row.revision };
}
