import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Page } from '../../../web/components/page';
import { SectionHeading } from '../../../web/components/section-heading';
import { hasPermission, useSession } from '../../../web/data/session';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { HrFeedRunDetail, HrFeedRunSummary } from '../hr-feed.schemas';
import { hrFeedRunQuery, hrFeedRunsQuery, useStartHrFeed } from './hr-feed/api';
import { useHrFeedI18n } from './hr-feed/i18n';
import { OrganisationNav } from './ui';

type T = ReturnType<typeof useHrFeedI18n>;

const outcomeKey = (run: HrFeedRunSummary) => (run.outcome === null ? 'outcome.running' : (`outcome.${run.outcome}` as const));

/**
 * «HR-innlesing» (route /organisasjon/hr-innlesing): the HR feed's settings, the last run (what
 * changed, problems by row) and its history, for organisation editors (the API needs organisation:write).
 */
export function HrFeedPage() {
  const i18n = useHrFeedI18n();
  const { t } = i18n;
  const runs = useQuery(hrFeedRunsQuery());
  const start = useStartHrFeed();
  const { data: session } = useSession();
  const mayStart = hasPermission(session, 'organisation:configure');
  const [chosen, setChosen] = useState<string | null>(null);
  const shownId = chosen ?? runs.data?.runs[0]?.id ?? null;
  return (
    <Page title={t('page.title')}>
      <OrganisationNav />
      <Paragraph className="kp-lead">{t('page.lead')}</Paragraph>
      {runs.isPending ? <Loading /> : null}
      {runs.error ? <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      {runs.data ? (
        <>
          <section className="kp-org-section" aria-labelledby="hr-settings">
            <SectionHeading id="hr-settings">{t('settings.heading')}</SectionHeading>
            <ul>
              <li>
                {t('settings.folder')}: {runs.data.settings.folderConfigured ? t('settings.on') : t('settings.off')}
              </li>
              <li>
                {t('settings.api')}: {runs.data.settings.apiConfigured ? t('settings.on') : t('settings.off')}
              </li>
              <li>{t('settings.limit', { share: i18n.percent(runs.data.settings.maxRemovalShare) })}</li>
              <li>{t('settings.interval', { minutes: Math.round(runs.data.settings.intervalSeconds / 60) })}</li>
            </ul>
            {runs.data.settings.folderConfigured && mayStart ? (
              <Button data-size="sm" onClick={() => start.mutate()} disabled={start.isPending} aria-busy={start.isPending}>
                {start.isPending ? t('start.running') : t('start.button')}
              </Button>
            ) : null}
            <div aria-live="polite">
              {start.data ? (
                <Paragraph>{start.data.runs.length === 0 ? t('start.none') : t('start.done', { count: start.data.runs.length })}</Paragraph>
              ) : null}
              {start.error ? <ErrorAlert error={start.error} /> : null}
            </div>
          </section>
          <section className="kp-org-section" aria-labelledby="hr-last">
            <SectionHeading id="hr-last">{t('last.heading')}</SectionHeading>
            {shownId ? <RunView id={shownId} i18n={i18n} /> : <Paragraph>{t('last.none')}</Paragraph>}
          </section>
          {runs.data.runs.length > 0 ? (
            <section className="kp-org-section" aria-labelledby="hr-history">
              <SectionHeading id="hr-history">{t('history.heading')}</SectionHeading>
              <Table zebra data-size="sm">
                <caption>{t('history.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('column.started')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('column.file')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('column.source')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('column.outcome')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('column.summary')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {runs.data.runs.map((run) => (
                    <Table.Row key={run.id} aria-current={run.id === shownId ? 'true' : undefined}>
                      <Table.Cell>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          onClick={() => setChosen(run.id)}
                          aria-label={`${t('show')}: ${run.fileName}, ${i18n.dateTime(run.startedAt)}`}
                        >
                          {i18n.dateTime(run.startedAt)}
                        </Button>
                      </Table.Cell>
                      <Table.Cell>{run.fileName}</Table.Cell>
                      <Table.Cell>{t(`source.${run.source}`)}</Table.Cell>
                      <Table.Cell>{t(outcomeKey(run))}</Table.Cell>
                      <Table.Cell>{run.summary ? i18n.pick(run.summary) : ''}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function RunView({ id, i18n }: { id: string; i18n: T }) {
  const { t } = i18n;
  const run = useQuery(hrFeedRunQuery(id));
  if (run.isPending) return <Loading />;
  if (run.error) return <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />;
  const data: HrFeedRunDetail = run.data;
  const bad = data.outcome === 'refused' || data.outcome === 'failed';
  return (
    <div>
      <Alert data-color={bad ? 'danger' : data.outcome === 'applied' ? 'success' : 'info'}>
        <Paragraph>
          <strong>{t(outcomeKey(data))}</strong> – {data.fileName} ({t(`source.${data.source}`)}, {i18n.dateTime(data.startedAt)})
        </Paragraph>
        {data.summary ? <Paragraph>{i18n.pick(data.summary)}</Paragraph> : null}
      </Alert>
      <Heading level={3} data-size="xs">
        {t('problems.heading', { count: data.problems.length })}
      </Heading>
      {data.problems.length === 0 ? (
        <Paragraph>{t('problems.none')}</Paragraph>
      ) : (
        <Table zebra data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('column.row')}</Table.HeaderCell>
              <Table.HeaderCell>{t('column.column')}</Table.HeaderCell>
              <Table.HeaderCell>{t('column.message')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.problems.map((p, index) => (
              <Table.Row key={index}>
                <Table.Cell>{p.row === null ? t('row.none') : p.sheet ? `${p.sheet} ${p.row}` : p.row}</Table.Cell>
                <Table.Cell>{p.column ?? t('row.none')}</Table.Cell>
                <Table.Cell>{i18n.pick(p.message)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {data.changes.length > 0 ? (
        <>
          <Heading level={3} data-size="xs">
            {t('changes.heading', { count: data.changes.length })}
          </Heading>
          <Table zebra data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('column.row')}</Table.HeaderCell>
                <Table.HeaderCell>{t('column.action')}</Table.HeaderCell>
                <Table.HeaderCell>{t('column.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('column.fields')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.changes.map((c, index) => (
                <Table.Row key={index}>
                  <Table.Cell>{c.row ?? t('row.none')}</Table.Cell>
                  <Table.Cell>{t(`action.${c.action}`)}</Table.Cell>
                  <Table.Cell>{c.label}</Table.Cell>
                  <Table.Cell>{c.fields.map((f) => `${f.field}: ${f.before ?? '–'} → ${f.after ?? '–'}`).join('; ')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      ) : null}
    </div>
  );
}
