import type { Kysely } from 'kysely';
import {
  AppError,
  recordAudit,
  type AuditEntry,
  type KernelTables,
  type WriteContext,
  assertRevision as assertRevisionOf,
  forbidden,
} from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { keyFromTitle } from './article-text.js';
export { forbidden };

// What the knowledge-base commands share: errors users can act on, the audit, keys and categories.

export async function audit(trx: LeaderSupportDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

export function articleNotFound(key: string): AppError {
  return new AppError('not_found', {
    message: { nb: `Fant ikke artikkelen «${key}» i kunnskapsbasen.`, en: `The article "${key}" was not found in the knowledge base.` },
  });
}

export interface LockedArticle {
  id: string;
  key: string;
  title: string;
  summary: string | null;
  body: string;
  category_id: string | null;
  audience: 'leaders' | 'agents';
  published: boolean;
  demo: boolean;
  revision: number;
}

/** The article by key, locked until the transaction ends, so two writes to it take turns. */
export async function lockArticle(trx: LeaderSupportDb, key: string): Promise<LockedArticle> {
  const row = await trx
    .selectFrom('ls_articles')
    .select(['id', 'key', 'title', 'summary', 'body', 'category_id', 'audience', 'published', 'demo', 'revision'])
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw articleNotFound(key);
  return row;
}

/** Refuses a write made on an older read of the article. */
export function assertRevision(article: { title: string; revision: number }, sent: number): void {
  const noun = { nb: `artikkelen «${article.title}»`, en: `the article "${article.title}"` };
  assertRevisionOf(noun, article.revision, sent);
}

/** A request category by key (null: none); refused when there is no such active category. */
export async function categoryIdOf(trx: LeaderSupportDb, categoryKey: string | null | undefined): Promise<string | null> {
  if (categoryKey === null || categoryKey === undefined) return null;
  const row = await trx
    .selectFrom('ls_categories')
    .select('id')
    .where('key', '=', categoryKey)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('invalid', {
      message: {
        nb: `Fant ikke kategorien «${categoryKey}». Velg en av kategoriene i listen.`,
        en: `The category "${categoryKey}" was not found. Choose one of the categories in the list.`,
      },
      details: [{ in: 'body', path: 'categoryKey', problem: 'unknown category' }],
    });
  }
  return row.id;
}

/** A key made from the title that no other article has: «glemt-passord», else «glemt-passord-2» … */
export async function uniqueKey(trx: LeaderSupportDb, title: string): Promise<string> {
  const base = keyFromTitle(title);
  const taken = new Set(
    (
      await trx
        .selectFrom('ls_articles')
        .select('key')
        .where((eb) => eb.or([eb('key', '=', base), eb('key', 'like', `${base}-%`)]))
        .execute()
    ).map((row) => row.key),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export { cleanText } from '../../../../kernel/index.js';
