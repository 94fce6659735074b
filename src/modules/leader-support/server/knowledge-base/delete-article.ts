import type { WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { assertRevision, audit, lockArticle } from './shared.js';

/**
 * Deletes an article read at `revision`, with its votes and its links to requests; requests it
 * solved keep their mark. Unpublish instead to keep it for later.
 */
export async function deleteArticle(trx: LeaderSupportDb, context: WriteContext, key: string, revision: number): Promise<void> {
  const before = await lockArticle(trx, key);
  assertRevision(before, revision);
  await trx.deleteFrom('ls_articles').where('id', '=', before.id).execute();
  await audit(trx, context, { action: 'delete', entityType: 'ls_article', entityId: before.id, before });
}
