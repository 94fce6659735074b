import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../web/data/client';
import type {
  Article,
  ArticleList,
  ArticleWriteResult,
  Audience,
  CreateArticleBody,
  LinkedArticles,
  Suggestions,
  UpdateArticleBody,
  VoteResult,
} from '../knowledge-base.schemas';

// The knowledge base's API (type-only imports of the server's schemas: a contract change is a type error here).

const base = '/api/leader-support';
const root = ['leader-support', 'knowledge-base'] as const;

// A refused read (bad input, not found, no access) is not worth asking again.
const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2;

export type ArticleFilter = { q?: string; categoryKey?: string; audience?: Audience };

export const articlesQuery = ({ q, categoryKey, audience }: ArticleFilter) =>
  queryOptions({
    queryKey: [...root, 'list', q ?? '', categoryKey ?? null, audience ?? null],
    queryFn: () => {
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      if (categoryKey) params.set('categoryKey', categoryKey);
      if (audience) params.set('audience', audience);
      const query = params.toString();
      return apiRequest<ArticleList>('GET', `${base}/articles${query ? `?${query}` : ''}`);
    },
    staleTime: 30_000,
    retry,
    placeholderData: keepPreviousData,
  });

/** Up to five articles for what a leader is typing (the new-request page uses it through ArticleSuggestions). */
export const suggestionsQuery = (text: string, categoryKey?: string) =>
  queryOptions({
    queryKey: [...root, 'suggest', text, categoryKey ?? null],
    queryFn: () => {
      const params = new URLSearchParams({ q: text });
      if (categoryKey) params.set('categoryKey', categoryKey);
      return apiRequest<Suggestions>('GET', `${base}/articles/suggest?${params.toString()}`);
    },
    staleTime: 60_000,
    retry,
    placeholderData: keepPreviousData,
  });

export const articleQuery = (key: string) =>
  queryOptions({
    queryKey: [...root, 'article', key],
    queryFn: () => apiRequest<Article>('GET', `${base}/articles/${encodeURIComponent(key)}`),
    retry,
  });

export const linkedArticlesQuery = (ref: string) =>
  queryOptions({
    queryKey: [...root, 'linked', ref],
    queryFn: () => apiRequest<LinkedArticles>('GET', `${base}/requests/${encodeURIComponent(ref)}/articles`),
    retry,
  });

function useKnowledgeBaseMutation<TVariables, TResult>(request: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useCreateArticle() {
  return useKnowledgeBaseMutation((body: CreateArticleBody) => apiRequest<ArticleWriteResult>('POST', `${base}/articles`, body));
}

export function useChangeArticle(key: string) {
  return useKnowledgeBaseMutation((body: UpdateArticleBody) =>
    apiRequest<ArticleWriteResult>('PUT', `${base}/articles/${encodeURIComponent(key)}`, body),
  );
}

export function useDeleteArticle(key: string) {
  return useKnowledgeBaseMutation((revision: number) =>
    apiRequest<void>('DELETE', `${base}/articles/${encodeURIComponent(key)}?revision=${revision}`),
  );
}

/** «Var dette nyttig?»: the article's counts are updated in place from the answer. */
export function useVote(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (helpful: boolean) => apiRequest<VoteResult>('POST', `${base}/articles/${encodeURIComponent(key)}/vote`, { helpful }),
    onSuccess: (result) => {
      queryClient.setQueryData<Article>(articleQuery(key).queryKey, (article) =>
        article
          ? { ...article, helpfulCount: result.helpfulCount, notHelpfulCount: result.notHelpfulCount, myVote: result.myVote }
          : article,
      );
      void queryClient.invalidateQueries({ queryKey: [...root, 'list'] });
    },
  });
}

export function useLinkArticle(ref: string) {
  return useKnowledgeBaseMutation((articleKey: string) =>
    apiRequest<LinkedArticles>('POST', `${base}/requests/${encodeURIComponent(ref)}/articles`, { articleKey }),
  );
}

export function useUnlinkArticle(ref: string) {
  return useKnowledgeBaseMutation((articleKey: string) =>
    apiRequest<LinkedArticles>('DELETE', `${base}/requests/${encodeURIComponent(ref)}/articles/${encodeURIComponent(articleKey)}`),
  );
}
