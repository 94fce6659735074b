import { Button, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../web/components/status';
import { useSupportI18n } from './i18n';
import { articlesQuery, linkedArticlesQuery, useLinkArticle, useUnlinkArticle } from './knowledge-base-api';
import { ArticleLink } from './knowledge-base-parts';

/**
 * For the request page: the knowledge-base articles linked to a request, and (with `canLink`, for
 * agents) a choice of article to link or a link to remove. Each change is written to the request's
 * history by the server and announced here.
 */
export function RequestArticles({ requestRef, canLink }: { requestRef: string; canLink: boolean }) {
  const { t, collator } = useSupportI18n();
  const ids = useId();
  const linked = useQuery(linkedArticlesQuery(requestRef));
  const all = useQuery({ ...articlesQuery({}), enabled: canLink });
  const link = useLinkArticle(requestRef);
  const unlink = useUnlinkArticle(requestRef);
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const linkedKeys = new Set(linked.data?.articles.map((a) => a.key) ?? []);
  const choices = (all.data?.articles ?? []).filter((a) => !linkedKeys.has(a.key)).sort((a, b) => collator.compare(a.title, b.title));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const article = choices.find((a) => a.key === chosen);
    if (!article) return;
    link.mutate(article.key, {
      onSuccess: () => {
        setChosen('');
        setMessage(t('kb.linked', { title: article.title }));
      },
    });
  };

  return (
    <section aria-labelledby={`${ids}-heading`}>
      <Heading level={2} data-size="sm" id={`${ids}-heading`}>
        {t('kb.linkedHeading')}
      </Heading>
      {linked.isError && <ErrorAlert error={linked.error} onRetry={() => void linked.refetch()} />}
      {linked.data && linked.data.articles.length === 0 && <Paragraph>{t('kb.linkedNone')}</Paragraph>}
      {linked.data && linked.data.articles.length > 0 && (
        <ul className="kp-kb-list">
          {linked.data.articles.map((article) => (
            <li key={article.id} className="kp-kb-actions">
              <ArticleLink articleKey={article.key}>{article.title}</ArticleLink>
              {canLink && (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  disabled={unlink.isPending}
                  onClick={() => unlink.mutate(article.key, { onSuccess: () => setMessage(t('kb.unlinked', { title: article.title })) })}
                >
                  {t('kb.unlink', { title: article.title })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canLink && (
        <form onSubmit={submit} className="kp-kb-actions" noValidate>
          <div>
            <Label htmlFor={`${ids}-article`}>{t('kb.linkChoose')}</Label>
            <Select id={`${ids}-article`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">{t('kb.linkChooseNone')}</option>
              {choices.map((article) => (
                <option key={article.key} value={article.key}>
                  {article.title}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary" disabled={chosen === '' || link.isPending}>
            {t('kb.link')}
          </Button>
        </form>
      )}
      <div role="status">{message && <Paragraph>{message}</Paragraph>}</div>
      {link.isError && <ErrorAlert error={link.error} />}
      {unlink.isError && <ErrorAlert error={unlink.error} />}
    </section>
  );
}
