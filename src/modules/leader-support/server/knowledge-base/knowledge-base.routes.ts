import { AppError, writeContext, type Actor, type App, type ModuleContext, type WriteContext } from '../../../../kernel/index.js';
import { RequestParams } from '../../leader-support.schemas.js';
import {
  Article,
  ArticleKeyParams,
  ArticleList,
  ArticleListQuery,
  ArticleWriteResult,
  CreateArticleBody,
  DeleteArticleQuery,
  LinkArticleBody,
  LinkedArticles,
  RequestArticleParams,
  SuggestQuery,
  Suggestions,
  UpdateArticleBody,
  VoteBody,
  VoteResult,
} from '../../knowledge-base.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { findRequestForActor } from '../requests/request-access.js';
import { changeArticle } from './change-article.js';
import { createArticle } from './create-article.js';
import { deleteArticle } from './delete-article.js';
import { listArticles, selectArticle, selectArticleCategories, selectLinkedArticles, suggestArticles } from './knowledge-base.queries.js';
import { linkArticle, unlinkArticle } from './link-article.js';
import { articleNotFound } from './shared.js';
import { voteOnArticle } from './vote-on-article.js';

const tags = ['leader-support'];
const base = '/api/leader-support';
const maxSearchLength = 200;

type SignedIn = WriteContext & { actor: Actor };

function signedIn(context: WriteContext): SignedIn {
  if (!context.actor) throw new AppError('unauthenticated');
  return context as SignedIn;
}

/** The knowledge base: search and read (everyone signed in), write (agents), votes, links to requests. */
export function registerKnowledgeBaseRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as LeaderSupportDb;
  const inTransaction = <T>(run: (trx: LeaderSupportDb) => Promise<T>) => db.transaction().execute((trx) => run(trx));
  const authenticated = { access: 'authenticated' as const };
  const handle = { access: 'leader_support:handle' as const };

  app.get(
    `${base}/articles`,
    {
      config: authenticated,
      schema: {
        tags,
        summary: 'Knowledge-base articles: all by category, or searched in Norwegian (stemming, prefix, typos in titles)',
        querystring: ArticleListQuery,
        response: { 200: ArticleList },
      },
    },
    async (request) => {
      const q = (request.query.q ?? '').replace(/\s+/g, ' ').trim();
      if (q.length > maxSearchLength) {
        throw new AppError('invalid', {
          message: {
            nb: `Søket er for langt (${q.length} tegn). Bruk høyst ${maxSearchLength} tegn.`,
            en: `The search is too long (${q.length} characters). Use at most ${maxSearchLength}.`,
          },
          details: [{ in: 'querystring', path: 'q', problem: 'too long' }],
        });
      }
      const [articles, categories] = await Promise.all([
        listArticles(db, request.actor, { q, categoryKey: request.query.categoryKey, audience: request.query.audience }),
        selectArticleCategories(db),
      ]);
      return { q: q === '' ? null : q, articles, categories };
    },
  );

  app.get(
    `${base}/articles/suggest`,
    {
      config: authenticated,
      schema: {
        tags,
        summary: 'At most five articles for leaders that may answer what a leader is typing (any of its words)',
        querystring: SuggestQuery,
        response: { 200: Suggestions },
      },
    },
    async (request) => ({ articles: await suggestArticles(db, request.query.q, request.query.categoryKey) }),
  );

  app.get(
    `${base}/articles/:key`,
    {
      config: authenticated,
      schema: { tags, summary: 'One article (Markdown), with the reader’s own vote', params: ArticleKeyParams, response: { 200: Article } },
    },
    async (request) => {
      const article = await selectArticle(db, request.actor, request.params.key);
      if (!article) throw articleNotFound(request.params.key);
      return article;
    },
  );

  app.post(
    `${base}/articles`,
    {
      config: handle,
      schema: {
        tags,
        summary: 'Write an article (key made from the title)',
        body: CreateArticleBody,
        response: { 201: ArticleWriteResult },
      },
    },
    async (request, reply) => {
      const result = await inTransaction((trx) => createArticle(trx, writeContext(request), request.body));
      return reply.code(201).send(result);
    },
  );

  app.put(
    `${base}/articles/:key`,
    {
      config: handle,
      schema: {
        tags,
        summary: 'Change an article read at `revision` (stale → 409); `published: false` unpublishes it',
        params: ArticleKeyParams,
        body: UpdateArticleBody,
        response: { 200: ArticleWriteResult },
      },
    },
    async (request) => inTransaction((trx) => changeArticle(trx, writeContext(request), request.params.key, request.body)),
  );

  app.delete(
    `${base}/articles/:key`,
    {
      config: handle,
      schema: {
        tags,
        summary: 'Delete an article read at `revision` (with its votes and links)',
        params: ArticleKeyParams,
        querystring: DeleteArticleQuery,
      },
    },
    async (request, reply) => {
      await inTransaction((trx) => deleteArticle(trx, writeContext(request), request.params.key, request.query.revision));
      return reply.code(204).send();
    },
  );

  app.post(
    `${base}/articles/:key/vote`,
    {
      config: authenticated,
      schema: {
        tags,
        summary: '«Var dette nyttig?»: one vote per user; a changed vote moves the count',
        params: ArticleKeyParams,
        body: VoteBody,
        response: { 200: VoteResult },
      },
    },
    async (request) =>
      inTransaction((trx) => voteOnArticle(trx, signedIn(writeContext(request)), request.params.key, request.body.helpful)),
  );

  app.get(
    `${base}/requests/:ref/articles`,
    {
      config: authenticated,
      schema: { tags, summary: 'The articles linked to a request', params: RequestParams, response: { 200: LinkedArticles } },
    },
    async (request) => {
      const actor = signedIn(writeContext(request)).actor;
      const found = await findRequestForActor(db, actor, request.params.ref);
      return { articles: await selectLinkedArticles(db, actor, found.id) };
    },
  );

  app.post(
    `${base}/requests/:ref/articles`,
    {
      config: authenticated,
      schema: {
        tags,
        summary: 'Link an article to a request the user may read',
        params: RequestParams,
        body: LinkArticleBody,
        response: { 200: LinkedArticles },
      },
    },
    async (request) => {
      const context = signedIn(writeContext(request));
      return inTransaction(async (trx) => {
        await linkArticle(trx, context, request.params.ref, request.body.articleKey);
        const found = await findRequestForActor(trx, context.actor, request.params.ref);
        return { articles: await selectLinkedArticles(trx, context.actor, found.id) };
      });
    },
  );

  app.delete(
    `${base}/requests/:ref/articles/:key`,
    {
      config: authenticated,
      schema: { tags, summary: 'Remove an article’s link to a request', params: RequestArticleParams, response: { 200: LinkedArticles } },
    },
    async (request) => {
      const context = signedIn(writeContext(request));
      return inTransaction(async (trx) => {
        await unlinkArticle(trx, context, request.params.ref, request.params.key);
        const found = await findRequestForActor(trx, context.actor, request.params.ref);
        return { articles: await selectLinkedArticles(trx, context.actor, found.id) };
      });
    },
  );
}
