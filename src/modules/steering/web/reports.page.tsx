import './reports.css';
import { Button, ErrorSummary, Heading, Label, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { errorMessage } from '../../../web/data/client';
import type { ReportKind, ReportStatus } from '../reports.schemas';
import { useSteeringI18n } from './i18n';
import { createReport, reportsQuery } from './reports-api';
import { SteeringNav } from './ui';

const statusColor: Record<ReportStatus, 'neutral' | 'warning' | 'success'> = {
  draft: 'neutral',
  in_review: 'warning',
  published: 'success',
};

/** /styring/rapporter: the reports, and (for analysts) a form to create one. */
export function ReportsPage() {
  const { t, date } = useSteeringI18n();
  const list = useQuery(reportsQuery());
  return (
    <Page title={t('reports.title')}>
      <SteeringNav />
      <Paragraph>{t('reports.lead')}</Paragraph>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.canCreate && <CreateReportForm />}
      {list.data && (
        <section aria-labelledby="kp-st-reports-list">
          <Heading level={2} data-size="md" id="kp-st-reports-list">
            {t('reports.listCaption')}
          </Heading>
          {list.data.reports.length === 0 ? (
            <Paragraph>{t('reports.none')}</Paragraph>
          ) : (
            <Table data-size="sm" zebra className="kp-st-report-table">
              <caption className="kp-st-visually-hidden">{t('reports.listCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('reports.col.title')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('reports.col.asOf')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('reports.col.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('reports.col.progress')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.data.reports.map((report) => (
                  <Table.Row key={report.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to="/styring/rapporter/$id" params={{ id: report.id }}>
                          {report.title}
                        </RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{date(report.asOf)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-size="sm" data-color={statusColor[report.status]}>
                        {t(`reports.status.${report.status}`)}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>{t('reports.progress', { approved: report.approved, sections: report.sections })}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </section>
      )}
    </Page>
  );
}

function CreateReportForm() {
  const { t, language } = useSteeringI18n();
  const ids = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ReportKind>('tertial');
  const [period, setPeriod] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useMutation({ mutationFn: createReport });

  useEffect(() => {
    if (problem) summaryRef.current?.focus();
  }, [problem]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!period.trim()) {
      setProblem(t('reports.periodRequired'));
      return;
    }
    setProblem(null);
    create
      .mutateAsync({ kind, period: period.trim() })
      .then(async (report) => {
        await queryClient.invalidateQueries({ queryKey: ['steering'] });
        await navigate({ to: '/styring/rapporter/$id', params: { id: report.id } });
      })
      .catch((error: unknown) => setProblem(errorMessage(error, language)));
  };

  return (
    <section aria-labelledby={`${ids}-create`} className="kp-st-report-create">
      <Heading level={2} data-size="md" id={`${ids}-create`}>
        {t('reports.create')}
      </Heading>
      <form onSubmit={submit} noValidate className="kp-st-report-form">
        {problem && (
          <div ref={summaryRef} tabIndex={-1}>
            <ErrorSummary>
              <ErrorSummary.Heading level={3}>{t('reports.errorSummary')}</ErrorSummary.Heading>
              <ErrorSummary.List>
                <ErrorSummary.Item>
                  <ErrorSummary.Link href={`#${ids}-period`}>{problem}</ErrorSummary.Link>
                </ErrorSummary.Item>
              </ErrorSummary.List>
            </ErrorSummary>
          </div>
        )}
        <div>
          <Label htmlFor={`${ids}-kind`}>{t('reports.kind')}</Label>
          <Select id={`${ids}-kind`} value={kind} onChange={(event) => setKind(event.target.value as ReportKind)}>
            <option value="month">{t('reports.kind.month')}</option>
            <option value="tertial">{t('reports.kind.tertial')}</option>
            <option value="year">{t('reports.kind.year')}</option>
          </Select>
        </div>
        <Textfield
          id={`${ids}-period`}
          label={t('reports.period')}
          description={t(`reports.period.${kind}`)}
          value={period}
          autoComplete="off"
          onChange={(event) => setPeriod(event.target.value)}
          error={problem ?? undefined}
        />
        <div>
          <Button type="submit" disabled={create.isPending}>
            {t('reports.createSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
