import { Type, type Static } from 'typebox';
import { Id, Localised, nullable, Revision, Text } from './leader-support.schemas.js';

// The knowledge base: Markdown articles for leaders (self-service) or for agents, searched in
// Norwegian, voted helpful or not, linked to requests. Shared by server and web.

const Timestamp = Type.String({ format: 'date-time' });

export const audiences = ['leaders', 'agents'] as const;
export const Audience = Type.Union([Type.Literal('leaders'), Type.Literal('agents')]);
export type Audience = Static<typeof Audience>;

/** An article's address: lower-case letters, digits and dashes, made from its title. */
export const ArticleKey = Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]*$' });
export const ArticleKeyParams = Type.Object({ key: ArticleKey });
export const RequestArticleParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 60 }), key: ArticleKey });

export const ArticleCategory = Type.Object({ id: Id, key: Type.String(), name: Localised });
export type ArticleCategory = Static<typeof ArticleCategory>;

export const ArticleSummary = Type.Object({
  id: Id,
  key: Type.String(),
  title: Type.String(),
  summary: nullable(Type.String()),
  category: nullable(ArticleCategory),
  audience: Audience,
  published: Type.Boolean(),
  /** Fictitious demo text, shown as such. */
  demo: Type.Boolean(),
  helpfulCount: Type.Integer(),
  notHelpfulCount: Type.Integer(),
  updatedAt: Timestamp,
});
export type ArticleSummary = Static<typeof ArticleSummary>;

export const ArticleListQuery = Type.Object({
  /** Words to search for (Norwegian stemming, the last word as a prefix, near spellings of titles). */
  q: Type.Optional(Type.String({ maxLength: 1000 })),
  categoryKey: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  audience: Type.Optional(Audience),
});
export type ArticleListQuery = Static<typeof ArticleListQuery>;

export const ArticleList = Type.Object({
  /** The search as used (trimmed), null when listing everything. */
  q: nullable(Type.String()),
  /** Best match first when searching; otherwise by category and title. */
  articles: Type.Array(ArticleSummary),
  /** Every active request category, for filters and the editor's choice. */
  categories: Type.Array(ArticleCategory),
});
export type ArticleList = Static<typeof ArticleList>;

export const SuggestQuery = Type.Object({
  /** What the leader has typed so far: a subject or a whole sentence. */
  q: Type.String({ maxLength: 5000 }),
  categoryKey: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export type SuggestQuery = Static<typeof SuggestQuery>;

export const Suggestion = Type.Object({ id: Id, key: Type.String(), title: Type.String(), summary: nullable(Type.String()) });
export type Suggestion = Static<typeof Suggestion>;
export const Suggestions = Type.Object({ articles: Type.Array(Suggestion, { maxItems: 5 }) });
export type Suggestions = Static<typeof Suggestions>;

export const Article = Type.Object({
  ...ArticleSummary.properties,
  /** Markdown. Raw HTML in it is shown as text, never run. */
  body: Type.String(),
  revision: Type.Integer(),
  createdAt: Timestamp,
  /** The signed-in user's vote: true (helpful), false, or null (none). */
  myVote: nullable(Type.Boolean()),
  /** May the signed-in user edit it (leader_support:handle). */
  canEdit: Type.Boolean(),
});
export type Article = Static<typeof Article>;

const Title = Text(200);
const Summary = nullable(Type.String({ maxLength: 500 }));
const Body = Type.String({ maxLength: 50_000 });
const CategoryKey = nullable(Type.String({ minLength: 1, maxLength: 100 }));

export const CreateArticleBody = Type.Object(
  {
    title: Title,
    summary: Type.Optional(Summary),
    body: Body,
    /** A request category's key, or null for none. */
    categoryKey: Type.Optional(CategoryKey),
    audience: Type.Optional(Audience),
    published: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateArticleBody = Static<typeof CreateArticleBody>;

export const UpdateArticleBody = Type.Object(
  {
    revision: Revision,
    title: Type.Optional(Title),
    summary: Type.Optional(Summary),
    body: Type.Optional(Body),
    categoryKey: Type.Optional(CategoryKey),
    audience: Type.Optional(Audience),
    published: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateArticleBody = Static<typeof UpdateArticleBody>;

export const DeleteArticleQuery = Type.Object({ revision: Type.Integer({ minimum: 1 }) });

export const ArticleWriteResult = Type.Object({ id: Id, key: Type.String(), revision: Type.Integer() });
export type ArticleWriteResult = Static<typeof ArticleWriteResult>;

export const VoteBody = Type.Object({ helpful: Type.Boolean() }, { additionalProperties: false });
export type VoteBody = Static<typeof VoteBody>;
export const VoteResult = Type.Object({ helpfulCount: Type.Integer(), notHelpfulCount: Type.Integer(), myVote: Type.Boolean() });
export type VoteResult = Static<typeof VoteResult>;

export const LinkArticleBody = Type.Object({ articleKey: ArticleKey }, { additionalProperties: false });
export type LinkArticleBody = Static<typeof LinkArticleBody>;
export const LinkedArticles = Type.Object({ articles: Type.Array(Suggestion) });
export type LinkedArticles = Static<typeof LinkedArticles>;
