import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useParams } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { fieldErrors, isStale } from '../../../web/components/write-error';
import { errorMessage } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import type { Article, ArticleCategory, Audience } from '../knowledge-base.schemas';
import { useSupportI18n } from './i18n';
import { articleQuery, articlesQuery, useChangeArticle, useCreateArticle, useDeleteArticle } from './knowledge-base-api';
import { MarkdownBody } from './knowledge-base-parts';
import { SupportNav } from './ui';

/**
 * Writing an article (/lederstotte/kunnskapsbase/ny) or changing one (…/$key/endre), for agents:
 * title, summary, Markdown body with a live preview, category, audience and whether it is published.
 * A change made meanwhile by someone else is refused as stale, with a reload that shows the current text.
 */
export function ArticleEditPage() {
  const { t } = useSupportI18n();
  const { key } = useParams({ strict: false }) as { key?: string };
  const { data: session } = useSession();
  const isAgent = hasPermission(session, 'leader_support:handle');
  const title = key ? t('kb.editTitle') : t('kb.newTitle');
  const article = useQuery({ ...articleQuery(key ?? ''), enabled: Boolean(key) && isAgent });
  const list = useQuery({ ...articlesQuery({}), enabled: isAgent });

  if (session && !isAgent) {
    return (
      <Page title={title}>
        <SupportNav />
        <Alert data-color="warning">
          <Paragraph>{t('kb.noAccess')}</Paragraph>
        </Alert>
      </Page>
    );
  }
  if ((key && article.isPending) || list.isPending) {
    return (
      <Page title={title}>
        <SupportNav />
        <Loading label={t('kb.loadingArticle')} />
      </Page>
    );
  }
  if (key && article.isError) {
    return (
      <Page title={(article.error as { status?: number }).status === 404 ? t('kb.notFound') : title}>
        <SupportNav />
        <ErrorAlert error={article.error} onRetry={() => void article.refetch()} />
      </Page>
    );
  }
  const current = key ? article.data : undefined;
  return (
    <Page title={current ? `${title}: ${current.title}` : title}>
      <SupportNav />
      {/* A new revision (after a reload) starts the form again from the stored article. */}
      <ArticleForm
        key={current ? `${current.key}-${current.revision}` : 'new'}
        article={current}
        categories={list.data?.categories ?? []}
        onReload={() => void article.refetch()}
      />
    </Page>
  );
}

function ArticleForm({
  article,
  categories,
  onReload,
}: {
  article: Article | undefined;
  categories: ArticleCategory[];
  onReload: () => void;
}) {
  const { t, pick, language } = useSupportI18n();
  const ids = useId();
  const navigate = useNavigate();
  const create = useCreateArticle();
  const change = useChangeArticle(article?.key ?? '');
  const remove = useDeleteArticle(article?.key ?? '');
  const mutation = article ? change : create;
  const [title, setTitle] = useState(article?.title ?? '');
  const [summary, setSummary] = useState(article?.summary ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [categoryKey, setCategoryKey] = useState(article?.category?.key ?? '');
  const [audience, setAudience] = useState<Audience>(article?.audience ?? 'leaders');
  const [published, setPublished] = useState(article?.published ?? true);
  const [tried, setTried] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const fieldIds = {
    title: `${ids}-title`,
    summary: `${ids}-summary`,
    body: `${ids}-body`,
    categoryKey: `${ids}-category`,
    audience: `${ids}-audience`,
  };
  const titleMissing = tried && title.trim() === '';
  const server = fieldErrors(mutation.error);
  const stale = isStale(mutation.error);
  const failed = titleMissing || (mutation.isError && !stale);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (title.trim() === '') {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const fields = {
      title: title.trim(),
      summary: summary.trim() === '' ? null : summary.trim(),
      body,
      categoryKey: categoryKey === '' ? null : categoryKey,
      audience,
      published,
    };
    const done = (result: { key: string }) => void navigate({ to: '/lederstotte/kunnskapsbase/$key', params: { key: result.key } });
    const focusErrors = () => requestAnimationFrame(() => summaryRef.current?.focus());
    // mutateAsync, not mutate's callbacks: a save refetches the article, which starts the form again
    // (a new revision), and callbacks of an unmounted form would never run.
    const saved = article ? change.mutateAsync({ revision: article.revision, ...fields }) : create.mutateAsync(fields);
    void saved.then(done, focusErrors);
  };

  // The summary and the body: the same long field with its help text, of different sizes.
  const longFields = [
    { field: 'summary', label: t('kb.fieldSummary'), help: t('kb.fieldSummaryHelp'), rows: 2, value: summary, set: setSummary, max: 500 },
    { field: 'body', label: t('kb.fieldBody'), help: t('kb.fieldBodyHelp'), rows: 14, value: body, set: setBody, max: undefined },
  ] as const;

  return (
    <form className="kp-kb-form" onSubmit={submit} noValidate>
      <div ref={summaryRef} tabIndex={-1}>
        {stale && (
          <Alert data-color="warning" role="alert">
            <Paragraph>{t('kb.stale')}</Paragraph>
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => {
                mutation.reset();
                onReload();
              }}
            >
              {t('kb.reload')}
            </Button>
          </Alert>
        )}
        {failed && (
          <ErrorSummary>
            <ErrorSummary.Heading level={2}>{t('kb.writeFailed')}</ErrorSummary.Heading>
            {mutation.isError && <Paragraph>{errorMessage(mutation.error, language)}</Paragraph>}
            {(titleMissing || Object.keys(server).some((name) => name in fieldIds)) && (
              <ErrorSummary.List>
                {titleMissing && (
                  <ErrorSummary.Item>
                    <ErrorSummary.Link href={`#${fieldIds.title}`}>{t('kb.titleRequired')}</ErrorSummary.Link>
                  </ErrorSummary.Item>
                )}
                {Object.keys(server)
                  .filter((name) => name in fieldIds)
                  .map((name) => (
                    <ErrorSummary.Item key={name}>
                      <ErrorSummary.Link href={`#${fieldIds[name as keyof typeof fieldIds]}`}>
                        {server[name] || errorMessage(mutation.error, language)}
                      </ErrorSummary.Link>
                    </ErrorSummary.Item>
                  ))}
              </ErrorSummary.List>
            )}
          </ErrorSummary>
        )}
      </div>
      <Textfield
        id={fieldIds.title}
        label={t('kb.fieldTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={titleMissing ? t('kb.titleRequired') : server.title}
        required
        maxLength={200}
      />
      {longFields.map((long) => (
        <Textfield
          key={long.field}
          id={fieldIds[long.field]}
          label={long.label}
          description={long.help}
          multiline
          rows={long.rows}
          value={long.value}
          onChange={(e) => long.set(e.target.value)}
          error={server[long.field]}
          maxLength={long.max}
        />
      ))}
      <section aria-labelledby={`${ids}-preview`} className="kp-kb-preview">
        <Heading level={2} data-size="xs" id={`${ids}-preview`}>
          {t('kb.preview')}
        </Heading>
        {body.trim() === '' ? <Paragraph className="kp-kb-muted">{t('kb.previewEmpty')}</Paragraph> : <MarkdownBody text={body} />}
      </section>
      <div>
        <Label htmlFor={fieldIds.categoryKey}>{t('kb.fieldCategory')}</Label>
        <Select id={fieldIds.categoryKey} value={categoryKey} onChange={(e) => setCategoryKey(e.target.value)}>
          <option value="">{t('kb.noCategoryOption')}</option>
          {categories.map((category) => (
            <option key={category.key} value={category.key}>
              {pick(category.name)}
            </option>
          ))}
        </Select>
      </div>
      <Fieldset id={fieldIds.audience} tabIndex={-1}>
        <Fieldset.Legend>{t('kb.fieldAudience')}</Fieldset.Legend>
        <Radio
          name={`${ids}-audience-choice`}
          label={t('kb.audience.leaders')}
          value="leaders"
          checked={audience === 'leaders'}
          onChange={() => setAudience('leaders')}
        />
        <Radio
          name={`${ids}-audience-choice`}
          label={t('kb.audience.agents')}
          value="agents"
          checked={audience === 'agents'}
          onChange={() => setAudience('agents')}
        />
      </Fieldset>
      <Checkbox label={t('kb.fieldPublished')} checked={published} onChange={(e) => setPublished(e.target.checked)} />
      <div className="kp-kb-actions">
        <Button type="submit" disabled={mutation.isPending}>
          {article ? t('kb.save') : t('kb.create')}
        </Button>
        <Link asChild>
          {article ? (
            <RouterLink to="/lederstotte/kunnskapsbase/$key" params={{ key: article.key }}>
              {t('kb.cancel')}
            </RouterLink>
          ) : (
            <RouterLink to="/lederstotte/kunnskapsbase">{t('kb.cancel')}</RouterLink>
          )}
        </Link>
      </div>
      {article && (
        <section aria-labelledby={`${ids}-delete`}>
          <Heading level={2} data-size="xs" id={`${ids}-delete`}>
            {t('kb.delete')}
          </Heading>
          <Paragraph data-size="sm">{t('kb.deleteWarning')}</Paragraph>
          {!confirmDelete ? (
            <Button variant="secondary" data-color="danger" onClick={() => setConfirmDelete(true)}>
              {t('kb.delete')}
            </Button>
          ) : (
            <Button
              variant="primary"
              data-color="danger"
              disabled={remove.isPending}
              onClick={() =>
                void remove.mutateAsync(article.revision).then(
                  () => navigate({ to: '/lederstotte/kunnskapsbase' }),
                  () => {},
                )
              }
            >
              {t('kb.deleteConfirm')}
            </Button>
          )}
          {remove.isError && <ErrorAlert error={remove.error} />}
        </section>
      )}
    </form>
  );
}
