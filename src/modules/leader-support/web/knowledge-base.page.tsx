import { Button, Heading, Label, Link, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { EmptyState } from '../../../web/components/empty-state';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ApiError, errorMessage } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import type { ArticleSummary, Audience } from '../knowledge-base.schemas';
import { useSupportI18n } from './i18n';
import { articlesQuery } from './knowledge-base-api';
import { ArticleLink, ArticleTags, useDebounced } from './knowledge-base-parts';
import { SupportNav } from './ui';

/**
 * The knowledge base: search in Norwegian as you type (the server stems words, takes the last word
 * as a prefix and forgives typos in titles), or browse every article by category. Agents also see
 * articles for agents and drafts, and write new ones.
 */
export function KnowledgeBasePage() {
  const { t, pick, language } = useSupportI18n();
  const ids = useId();
  const { data: session } = useSession();
  const isAgent = hasPermission(session, 'leader_support:handle');
  const [q, setQ] = useState('');
  const [categoryKey, setCategoryKey] = useState('');
  const [audience, setAudience] = useState<Audience | ''>('');
  // Typing searches after a short pause; Enter searches at once.
  const [submitted, setSubmitted] = useState<string | null>(null);
  const debounced = useDebounced(q, 300);
  const searchText = (submitted ?? debounced).trim();

  const list = useQuery(articlesQuery({ q: searchText, categoryKey: categoryKey || undefined, audience: audience || undefined }));
  const refused = list.error instanceof ApiError && list.error.status === 400 ? errorMessage(list.error, language) : undefined;
  const searching = searchText !== '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(q);
  };

  const groups = useMemo(() => {
    if (!list.data || searching) return [];
    const byCategory = new Map<string, ArticleSummary[]>();
    for (const article of list.data.articles) {
      const key = article.category?.key ?? '';
      byCategory.set(key, [...(byCategory.get(key) ?? []), article]);
    }
    return [
      ...list.data.categories
        .filter((c) => byCategory.has(c.key))
        .map((c) => ({ key: c.key, name: pick(c.name), articles: byCategory.get(c.key)! })),
      ...(byCategory.has('') ? [{ key: '', name: t('kb.noCategory'), articles: byCategory.get('')! }] : []),
    ];
  }, [list.data, searching, pick, t]);

  return (
    <Page title={t('kb.title')}>
      <SupportNav />
      <Paragraph data-size="lg">{t('kb.lead')}</Paragraph>
      {isAgent && (
        <div className="kp-kb-actions">
          <Button asChild variant="secondary">
            <RouterLink to="/lederstotte/kunnskapsbase/ny">{t('kb.new')}</RouterLink>
          </Button>
        </div>
      )}
      <form onSubmit={submit} noValidate role="search" aria-label={t('kb.searchForm')} className="kp-kb-form">
        <Textfield
          id={`${ids}-q`}
          label={t('kb.searchLabel')}
          description={t('kb.searchHelp')}
          type="search"
          autoComplete="off"
          value={q}
          onChange={(event) => {
            setQ(event.target.value);
            setSubmitted(null);
          }}
          error={refused}
        />
        <div className="kp-kb-search__filters">
          <div>
            <Label htmlFor={`${ids}-category`}>{t('kb.categoryFilter')}</Label>
            <Select id={`${ids}-category`} value={categoryKey} onChange={(event) => setCategoryKey(event.target.value)}>
              <option value="">{t('kb.allCategories')}</option>
              {list.data?.categories.map((category) => (
                <option key={category.key} value={category.key}>
                  {pick(category.name)}
                </option>
              ))}
            </Select>
          </div>
          {isAgent && (
            <div>
              <Label htmlFor={`${ids}-audience`}>{t('kb.audienceFilter')}</Label>
              <Select id={`${ids}-audience`} value={audience} onChange={(event) => setAudience(event.target.value as Audience | '')}>
                <option value="">{t('kb.allAudiences')}</option>
                <option value="leaders">{t('kb.audience.leaders')}</option>
                <option value="agents">{t('kb.audience.agents')}</option>
              </Select>
            </div>
          )}
        </div>
        <div>
          <Button type="submit">{t('kb.searchSubmit')}</Button>
        </div>
      </form>

      {/* One live region: how the search went. */}
      <div role="status" className="kp-kb-status">
        {searching && list.isFetching && <Paragraph>{t('kb.searching')}</Paragraph>}
        {searching && !list.isFetching && list.data && !list.isError && (
          <Paragraph>
            {list.data.articles.length === 0
              ? t('kb.none', { q: searchText })
              : t(list.data.articles.length === 1 ? 'kb.countOne' : 'kb.count', { count: list.data.articles.length, q: searchText })}
          </Paragraph>
        )}
      </div>

      {list.isPending && <Loading label={t('kb.loadingList')} />}
      {list.isError && !refused && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}

      {searching && list.data && !list.isError && list.data.articles.length === 0 && (
        <Paragraph>
          {t('kb.noneHelp')}{' '}
          <Link asChild>
            <RouterLink to="/lederstotte/ny">{t('kb.newRequest')}</RouterLink>
          </Link>
        </Paragraph>
      )}
      {searching && list.data && !list.isError && list.data.articles.length > 0 && (
        <ul className="kp-kb-list" aria-label={t('kb.resultsLabel')}>
          {list.data.articles.map((article) => (
            <li key={article.id}>
              <ArticleItem article={article} headingLevel={2} />
            </li>
          ))}
        </ul>
      )}

      {!searching && list.data && !list.isError && (
        <section aria-labelledby={`${ids}-by-category`}>
          <Heading level={2} data-size="md" id={`${ids}-by-category`}>
            {t('kb.byCategory')}
          </Heading>
          {groups.length === 0 && <EmptyState>{t('kb.empty')}</EmptyState>}
          {groups.map((group) => (
            <section key={group.key} aria-labelledby={`${ids}-cat-${group.key}`}>
              <Heading level={3} data-size="sm" id={`${ids}-cat-${group.key}`}>
                {group.name}
              </Heading>
              <ul className="kp-kb-list">
                {group.articles.map((article) => (
                  <li key={article.id}>
                    <ArticleItem article={article} headingLevel={4} showCategory={false} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </Page>
  );
}

function ArticleItem({
  article,
  headingLevel,
  showCategory = true,
}: {
  article: ArticleSummary;
  headingLevel: 2 | 4;
  showCategory?: boolean;
}) {
  const { t, pick } = useSupportI18n();
  return (
    <article className="kp-kb-item">
      <Heading level={headingLevel} data-size="xs">
        <ArticleLink articleKey={article.key}>{article.title}</ArticleLink>
      </Heading>
      {article.summary && <Paragraph>{article.summary}</Paragraph>}
      <ArticleTags article={article} />
      <Paragraph data-size="sm" className="kp-kb-muted">
        {showCategory && article.category && `${pick(article.category.name)} · `}
        {t('kb.helpfulCounts', { yes: article.helpfulCount, no: article.notHelpfulCount })}
      </Paragraph>
    </article>
  );
}
