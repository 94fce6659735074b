import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { DetailPage } from '../../../web/components/detail-page';
import { ErrorAlert } from '../../../web/components/status';
import type { Article } from '../knowledge-base.schemas';
import { useSupportI18n } from './i18n';
import { articleQuery, useVote } from './knowledge-base-api';
import { ArticleTags, MarkdownBody } from './knowledge-base-parts';
import { SupportNav } from './ui';

/** One article: its text (Markdown, rendered safely), «Var dette nyttig?» and, for agents, a link to edit it. */
export function ArticlePage() {
  const { t } = useSupportI18n();
  const { key = '' } = useParams({ strict: false }) as { key?: string };
  const article = useQuery(articleQuery(key));

  return (
    <DetailPage
      query={article}
      fallbackTitle={t('kb.title')}
      loadingLabel={t('kb.loadingArticle')}
      header={
        <>
          <SupportNav />
          {article.isError && <BackLink />}
        </>
      }
      title={(data) => data.title}
    >
      {(data) => <ArticleView article={data} />}
    </DetailPage>
  );
}

function BackLink() {
  const { t } = useSupportI18n();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/lederstotte/kunnskapsbase">{t('kb.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

function ArticleView({ article }: { article: Article }) {
  const { t, pick, date } = useSupportI18n();
  return (
    <div className="kp-kb-article">
      <BackLink />
      <ArticleTags article={article} />
      {article.demo && (
        <Paragraph data-size="sm" className="kp-kb-muted">
          {t('kb.demoHelp')}
        </Paragraph>
      )}
      {article.summary && <Paragraph data-size="lg">{article.summary}</Paragraph>}
      <MarkdownBody text={article.body} />
      <Paragraph data-size="sm" className="kp-kb-muted">
        {article.category && `${t('kb.category')}: ${pick(article.category.name)} · `}
        {t('kb.updated', { date: date(article.updatedAt) })}
      </Paragraph>
      {article.canEdit && (
        <div className="kp-kb-actions">
          <Button asChild variant="secondary">
            <RouterLink to="/lederstotte/kunnskapsbase/$key/endre" params={{ key: article.key }}>
              {t('kb.edit')}
            </RouterLink>
          </Button>
        </div>
      )}
      <Vote article={article} />
    </div>
  );
}

/** «Var dette nyttig?» Ja / Nei: the chosen answer is pressed, and can be changed. */
function Vote({ article }: { article: Article }) {
  const { t } = useSupportI18n();
  const ids = useId();
  const vote = useVote(article.key);
  const [answered, setAnswered] = useState<boolean | null>(null);
  const cast = (helpful: boolean) =>
    vote.mutate(helpful, {
      onSuccess: () => setAnswered(helpful),
    });
  return (
    <section className="kp-kb-vote" aria-labelledby={`${ids}-heading`}>
      <Heading level={2} data-size="xs" id={`${ids}-heading`}>
        {t('kb.helpfulQuestion')}
      </Heading>
      <div className="kp-kb-actions">
        <Button
          variant={article.myVote === true ? 'primary' : 'secondary'}
          aria-pressed={article.myVote === true}
          onClick={() => cast(true)}
          disabled={vote.isPending}
        >
          {t('kb.helpfulYes')}
        </Button>
        <Button
          variant={article.myVote === false ? 'primary' : 'secondary'}
          aria-pressed={article.myVote === false}
          onClick={() => cast(false)}
          disabled={vote.isPending}
        >
          {t('kb.helpfulNo')}
        </Button>
        <Paragraph data-size="sm">{t('kb.voteCounts', { yes: article.helpfulCount, no: article.notHelpfulCount })}</Paragraph>
      </div>
      <div role="status">
        {answered !== null && (
          <Alert data-color="success">
            <Paragraph>{answered ? t('kb.votedYes') : t('kb.votedNo')}</Paragraph>
            {!answered && (
              <Paragraph>
                <Link asChild>
                  <RouterLink to="/lederstotte/ny">{t('kb.newRequest')}</RouterLink>
                </Link>
              </Paragraph>
            )}
          </Alert>
        )}
      </div>
      {vote.isError && <ErrorAlert error={vote.error} />}
    </section>
  );
}
