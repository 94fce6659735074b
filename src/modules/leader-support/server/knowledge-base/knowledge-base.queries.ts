import { sql, type RawBuilder } from 'kysely';
import { compareNorwegian, type Actor } from '../../../../kernel/index.js';
import type { Article, ArticleCategory, ArticleSummary, Audience, Suggestion } from '../../knowledge-base.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { anyWordQuery, prefixQuery, searchWords } from './article-text.js';

// All the knowledge base's reads. Search runs the same on PGlite and PostgreSQL 15: the generated
// Norwegian tsvector (websearch_to_tsquery, plus to_tsquery built from letters-only words for the
// prefix) and pg_trgm's word similarity on titles for typos. User text is always a parameter.

/** Agents (leader_support:handle) also see articles for agents and unpublished drafts. */
export function seesEverything(actor: Actor | null): boolean {
  return actor?.permissions.has('leader_support:handle') ?? false;
}

function visibleTo(actor: Actor | null): RawBuilder<unknown> {
  return seesEverything(actor) ? sql`true` : sql`(a.published and a.audience = 'leaders')`;
}

interface SummaryRow {
  id: string;
  key: string;
  title: string;
  summary: string | null;
  audience: Audience;
  published: boolean;
  demo: boolean;
  helpful_count: number;
  not_helpful_count: number;
  updated_at: Date | string;
  category_id: string | null;
  category_key: string | null;
  category_name_nb: string | null;
  category_name_en: string | null;
}

const summaryColumns = sql`a.id, a.key, a.title, a.summary, a.audience, a.published, a.demo, a.helpful_count, a.not_helpful_count,
  a.updated_at, c.id as category_id, c.key as category_key, c.name_nb as category_name_nb, c.name_en as category_name_en`;

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    summary: row.summary,
    category:
      row.category_id === null
        ? null
        : { id: row.category_id, key: row.category_key!, name: { nb: row.category_name_nb!, en: row.category_name_en! } },
    audience: row.audience,
    published: row.published,
    demo: row.demo,
    helpfulCount: Number(row.helpful_count),
    notHelpfulCount: Number(row.not_helpful_count),
    updatedAt: iso(row.updated_at),
  };
}

export interface ArticleFilter {
  q?: string;
  categoryKey?: string;
  audience?: Audience;
}

/**
 * The articles `actor` may read, filtered. With words: those matching them with Norwegian stemming
 * («passordet» finds «passord»), all of them with the last one as a prefix (still being typed), or
 * whose title is a near spelling (typos); best first, at most 50. Without: all, by category and title.
 */
export async function listArticles(db: LeaderSupportDb, actor: Actor | null, filter: ArticleFilter): Promise<ArticleSummary[]> {
  const byCategory = filter.categoryKey === undefined ? sql`` : sql`and c.key = ${filter.categoryKey}`;
  const byAudience = filter.audience === undefined ? sql`` : sql`and a.audience = ${filter.audience}`;
  const q = filter.q ?? '';
  if (q === '') {
    const { rows } = await sql<SummaryRow>`
      select ${summaryColumns}
      from ls_articles a left join ls_categories c on c.id = a.category_id
      where ${visibleTo(actor)} ${byCategory} ${byAudience}`.execute(db);
    return rows
      .map(toSummary)
      .sort(
        (x, y) => compareNorwegian(x.category?.name.nb ?? '\uffff', y.category?.name.nb ?? '\uffff') || compareNorwegian(x.title, y.title),
      );
  }
  const words = searchWords(q);
  if (words.length === 0) return [];
  const { rows } = await sql<SummaryRow & { text_match: boolean; rank: number; similarity: number }>`
    with q as (
      select websearch_to_tsquery('norwegian', ${q}) as web, to_tsquery('norwegian', ${prefixQuery(words)}) as prefix, ${q}::text as raw
    )
    select ${summaryColumns},
      (a.search @@ q.web or a.search @@ q.prefix) as text_match,
      ts_rank(a.search, q.web) + ts_rank(a.search, q.prefix) as rank,
      word_similarity(q.raw, a.title) as similarity
    from ls_articles a left join ls_categories c on c.id = a.category_id, q
    where ${visibleTo(actor)} ${byCategory} ${byAudience}
      and (a.search @@ q.web or a.search @@ q.prefix or q.raw <% a.title)
    order by text_match desc, rank desc, similarity desc, a.id
    limit 50`.execute(db);
  // Equal scores are ordered by title, Norwegian rules (never SQL ORDER BY on names).
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row;
      const b = y.row;
      if (a.text_match !== b.text_match) return a.text_match ? -1 : 1;
      if (Number(a.rank) !== Number(b.rank)) return Number(b.rank) - Number(a.rank);
      if (Number(a.similarity) !== Number(b.similarity)) return Number(b.similarity) - Number(a.similarity);
      return compareNorwegian(a.title, b.title) || x.index - y.index;
    })
    .map(({ row }) => toSummary(row));
}

/**
 * Up to five published articles for leaders that answer what a leader is typing (any of its words,
 * or a word that is a near spelling of a title word), articles of the chosen category first.
 */
export async function suggestArticles(db: LeaderSupportDb, text: string, categoryKey?: string): Promise<Suggestion[]> {
  const words = searchWords(text).filter((word) => word.length >= 2);
  if (words.length === 0) return [];
  const longWords = words.filter((word) => word.length >= 4).join(' ');
  const inCategory = categoryKey === undefined ? sql`false` : sql`c.key = ${categoryKey}`;
  const { rows } = await sql<Suggestion & { title_like: number }>`
    with q as (select to_tsquery('norwegian', ${anyWordQuery(words)}) as any_word)
    select a.id, a.key, a.title, a.summary,
      ${inCategory} as in_category,
      ts_rank(a.search, q.any_word) as rank,
      (select coalesce(max(word_similarity(w, a.title)), 0) from unnest(string_to_array(${longWords}, ' ')) w where w <> '') as title_like
    from ls_articles a left join ls_categories c on c.id = a.category_id, q
    where a.published and a.audience = 'leaders'
      and (a.search @@ q.any_word
        or exists (select 1 from unnest(string_to_array(${longWords}, ' ')) w where w <> '' and w <% a.title))
    order by in_category desc, rank desc, title_like desc, a.id
    limit 5`.execute(db);
  return rows.map((row) => ({ id: row.id, key: row.key, title: row.title, summary: row.summary }));
}

/** One article as `actor` may read it, with their vote; undefined when missing or not theirs to see. */
export async function selectArticle(db: LeaderSupportDb, actor: Actor | null, key: string): Promise<Article | undefined> {
  const { rows } = await sql<SummaryRow & { body: string; revision: number; created_at: Date | string; my_vote: boolean | null }>`
    select ${summaryColumns}, a.body, a.revision, a.created_at,
      (select v.helpful from ls_article_votes v where v.article_id = a.id and v.user_id = ${actor?.userId ?? null}::uuid) as my_vote
    from ls_articles a left join ls_categories c on c.id = a.category_id
    where a.key = ${key} and ${visibleTo(actor)}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...toSummary(row),
    body: row.body,
    revision: Number(row.revision),
    createdAt: iso(row.created_at),
    myVote: row.my_vote,
    canEdit: seesEverything(actor),
  };
}

/** The active request categories, in the catalogue's order. */
export async function selectArticleCategories(db: LeaderSupportDb): Promise<ArticleCategory[]> {
  const rows = await db
    .selectFrom('ls_categories')
    .select(['id', 'key', 'name_nb', 'name_en'])
    .where('active', '=', true)
    .orderBy('sort_order')
    .orderBy('key')
    .execute();
  return rows.map((row) => ({ id: row.id, key: row.key, name: { nb: row.name_nb, en: row.name_en } }));
}

/** The articles linked to a request that `actor` may read, oldest link first. */
export async function selectLinkedArticles(db: LeaderSupportDb, actor: Actor | null, requestId: string): Promise<Suggestion[]> {
  const { rows } = await sql<Suggestion>`
    select a.id, a.key, a.title, a.summary
    from ls_request_articles ra join ls_articles a on a.id = ra.article_id
    where ra.request_id = ${requestId} and ${visibleTo(actor)}
    order by ra.created_at, a.id`.execute(db);
  return rows;
}
