import { Button, Details, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { Loading } from '../../../web/components/status';
import type { Suggestion } from '../knowledge-base.schemas';
import { useSupportI18n } from './i18n';
import { articleQuery, suggestionsQuery } from './knowledge-base-api';
import { MarkdownBody, useDebounced } from './knowledge-base-parts';

const minLength = 3;

/**
 * Knowledge-base articles that may answer what a leader is typing (deflection): asked for once the
 * typing pauses, each shown as a disclosure that opens the article's text in place, so the leader
 * keeps the form. With `onSolved`, each has a button «Dette løste saken min». A polite live region
 * says how many there are whenever they change.
 */
export function ArticleSuggestions({
  text,
  categoryKey,
  onSolved,
}: {
  text: string;
  categoryKey?: string;
  onSolved?: (article: { id: string; key: string; title: string }) => void;
}) {
  const { t } = useSupportI18n();
  const ids = useId();
  const settled = useDebounced(text.trim(), 500);
  const enabled = settled.length >= minLength;
  const suggestions = useQuery({ ...suggestionsQuery(settled, categoryKey), enabled });
  const articles = enabled ? (suggestions.data?.articles ?? []) : [];

  return (
    <div className="kp-kb-suggestions">
      <div aria-live="polite" className="kp-kb-visually-hidden">
        {articles.length > 0 &&
          (articles.length === 1 ? t('kb.suggestionsCountOne') : t('kb.suggestionsCount', { count: articles.length }))}
      </div>
      {articles.length > 0 && (
        <section aria-labelledby={`${ids}-heading`} className="kp-kb-suggestions">
          <Heading level={2} data-size="xs" id={`${ids}-heading`}>
            {t('kb.suggestionsHeading')}
          </Heading>
          {articles.map((article) => (
            <SuggestedArticle key={article.id} article={article} onSolved={onSolved} />
          ))}
        </section>
      )}
    </div>
  );
}

function SuggestedArticle({
  article,
  onSolved,
}: {
  article: Suggestion;
  onSolved?: (article: { id: string; key: string; title: string }) => void;
}) {
  const { t } = useSupportI18n();
  const [opened, setOpened] = useState(false);
  const full = useQuery({ ...articleQuery(article.key), enabled: opened });
  return (
    <Details onToggle={(event) => (event.currentTarget as HTMLDetailsElement | null)?.open && setOpened(true)}>
      <Details.Summary>{article.title}</Details.Summary>
      <Details.Content>
        {article.summary && <Paragraph>{article.summary}</Paragraph>}
        {opened && full.isPending && <Loading label={t('kb.loadingArticle')} />}
        {opened && full.data && <MarkdownBody text={full.data.body} />}
        <div className="kp-kb-actions">
          {onSolved && (
            <Button
              variant="primary"
              data-size="sm"
              aria-label={t('kb.solvedLabel', { title: article.title })}
              onClick={() => onSolved({ id: article.id, key: article.key, title: article.title })}
            >
              {t('kb.solved')}
            </Button>
          )}
          <Link asChild>
            <RouterLink to="/lederstotte/kunnskapsbase/$key" params={{ key: article.key }}>
              {t('kb.openArticle')}
            </RouterLink>
          </Link>
        </div>
      </Details.Content>
    </Details>
  );
}
