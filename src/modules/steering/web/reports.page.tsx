import './reports.css';
import { Button, Label, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { ReportKind, ReportStatus } from '../reports.schemas';
import { useSteeringI18n } from './i18n';
import { createReport, reportsQuery } from './reports-api';
import { SteeringNav } from './ui';
import { ProblemSummary } from '../../../web/components/problem-summary';
import { SectionHeading } from '../../../web/components/section-heading';
import { fieldErrors } from '../../../web/components/write-error';
import { EmptyState } from '../../../web/components/empty-state';

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
          <SectionHeading id="kp-st-reports-list">{t('reports.listCaption')}</SectionHeading>
          {list.data.reports.length === 0 ? (
            <EmptyState>{t('reports.none')}</EmptyState>
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
  const [missing, setMissing] = useState(false);
  const create = useMutation({ mutationFn: createReport });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!period.trim());
    create.reset();
    if (!period.trim()) return;
    create
      .mutateAsync({ kind, period: period.trim() })
      .then(async (report) => {
        await queryClient.invalidateQueries({ queryKey: ['steering'] });
        await navigate({ to: '/styring/rapporter/$id', params: { id: report.id } });
      })
      .catch(() => undefined);
  };

  return (
    <section aria-labelledby={`${ids}-create`} className="kp-st-report-create">
      <SectionHeading id={`${ids}-create`}>{t('reports.create')}</SectionHeading>
      <form onSubmit={submit} noValidate className="kp-st-report-form">
        <ProblemSummary
          heading={t('reports.errorSummary')}
          problems={missing ? [{ id: `${ids}-period`, message: t('reports.periodRequired') }] : []}
          error={create.error}
          fieldIds={{ period: `${ids}-period` }}
          focus
        />
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
          error={missing ? t('reports.periodRequired') : fieldErrors(create.error, language).period}
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
