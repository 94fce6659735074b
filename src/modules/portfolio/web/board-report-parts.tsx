import { Alert, Button, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { fieldErrors } from '../../../web/components/write-error';
import type { Light, StatusReport } from '../board.schemas';
import { createStatusReport, invalidatePortfolio, statusReportsQuery, todayInNorway, updateStatusReport } from './board-api';
import { BoardForm, BoardProblems, useBoardWrite, type LocalProblem } from './board-form';
import { PortfolioTable } from './portfolio-table';
import { Announce, lightKinds, Lights, type LightKind } from './board-parts';
import { usePortfolioI18n, type PortfolioKey } from './i18n';
import { EmptyState } from '../../../web/components/empty-state';

// The initiative's monthly status reports: the latest with its lights and texts, the history, the
// "report due" notice and the form. Fetches its own data and invalidates ['portfolio'] after a write.

/** The latest status reports with their lights, the "report due" notice, and the form. */
export function InitiativeStatusReports({ initiativeId }: { initiativeId: string }) {
  const { t, month, number } = usePortfolioI18n();
  const query = useQuery(statusReportsQuery(initiativeId));
  const headingId = useId();
  const [editing, setEditing] = useState<StatusReport | null>(null);
  if (query.isPending) return <Loading label={t('board.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { reports, due, canReport } = query.data;
  const latest = reports[0];
  return (
    <section className="kp-pf-board-part" aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('board.reports.heading')}</SectionHeading>
      {due && (
        <Alert data-color="warning">
          <Paragraph>{t('board.reports.due', { period: month(due.period), day: due.dueDay })}</Paragraph>
        </Alert>
      )}
      {latest ? (
        <>
          <Heading level={3} data-size="xs">
            {t('board.reports.latest', { period: month(latest.period) })}
          </Heading>
          <Lights report={latest} />
          <Facts
            className="kp-pf-report-text"
            items={(['progress', 'risks', 'issues', 'nextSteps'] as const).map((field) => ({
              term: t(`board.reports.${field}`),
              value: latest[field] || '–',
            }))}
          />
          <PortfolioTable
            caption={t('board.reports.caption')}
            headers={[
              t('board.reports.col.period'),
              t('board.reports.lights'),
              t('board.reports.col.percent'),
              t('board.reports.col.by'),
              canReport && t('board.reports.col.actions'),
            ]}
            className="kp-pf-table"
          >
            {reports.slice(0, 12).map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{month(r.period)}</Table.Cell>
                <Table.Cell>
                  <Lights report={r} />
                </Table.Cell>
                <Table.Cell>{r.percentComplete === null ? '–' : `${number(r.percentComplete)} %`}</Table.Cell>
                <Table.Cell>{r.reportedBy.name}</Table.Cell>
                {canReport && (
                  <Table.Cell>
                    <Button type="button" variant="tertiary" data-size="sm" onClick={() => setEditing(r)}>
                      {t('board.reports.edit', { period: month(r.period) })}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </PortfolioTable>
        </>
      ) : (
        <EmptyState>{t('board.reports.none')}</EmptyState>
      )}
      {canReport && (
        <StatusReportForm
          key={editing ? `${editing.id}-${editing.revision}` : 'new'}
          initiativeId={initiativeId}
          report={editing}
          defaultPeriod={due?.period ?? todayInNorway().slice(0, 7)}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}

type ReportField = 'period' | 'progress' | 'risks' | 'issues' | 'nextSteps' | 'percentComplete' | LightKind;

function StatusReportForm({
  initiativeId,
  report,
  defaultPeriod,
  onDone,
}: {
  initiativeId: string;
  report: StatusReport | null;
  defaultPeriod: string;
  onDone: () => void;
}) {
  const { t, month, language } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const id = (field: ReportField) => `${ids}-${field}`;
  const [period, setPeriod] = useState(report?.period ?? defaultPeriod);
  const [lightValues, setLightValues] = useState<Record<LightKind, Light>>({
    scope: report?.scopeLight ?? 'green',
    time: report?.timeLight ?? 'green',
    cost: report?.costLight ?? 'green',
    benefits: report?.benefitsLight ?? 'green',
  });
  const [text, setText] = useState({
    progress: report?.progress ?? '',
    risks: report?.risks ?? '',
    issues: report?.issues ?? '',
    nextSteps: report?.nextSteps ?? '',
  });
  const [percent, setPercent] = useState(
    report?.percentComplete === null || report?.percentComplete === undefined ? '' : String(report.percentComplete),
  );
  const { local, check, error, setError, pending, send } = useBoardWrite<ReportField>();
  const [done, setDone] = useState<string | null>(null);
  const server = fieldErrors(error, language);
  const fieldError = (field: ReportField) => (local?.field === field ? local.message : server[field]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const percentText = percent.trim();
    const percentValue = percentText === '' ? null : Number(percentText);
    const found: LocalProblem<ReportField> | null = !/^\d{4}-\d{2}$/.test(period)
      ? { field: 'period', message: t('board.reports.periodMissing') }
      : percentValue !== null && !(Number.isInteger(percentValue) && percentValue >= 0 && percentValue <= 100)
        ? { field: 'percentComplete', message: t('board.reports.percentInvalid') }
        : null;
    if (!check(found)) return;
    const fields = {
      ...text,
      scopeLight: lightValues.scope,
      timeLight: lightValues.time,
      costLight: lightValues.cost,
      benefitsLight: lightValues.benefits,
      percentComplete: percentValue,
    };
    await send(async () => {
      const saved = report
        ? await updateStatusReport(initiativeId, report.id, { ...fields, revision: report.revision })
        : await createStatusReport(initiativeId, { ...fields, period });
      setDone(t('board.reports.done', { period: month(saved.period) }));
      await invalidatePortfolio(queryClient);
      if (report) onDone();
    });
  }

  return (
    <BoardForm
      className="kp-pf-form kp-pf-no-print"
      headingId={`${ids}-heading`}
      heading={report ? t('board.reports.formEdit', { period: month(report.period) }) : t('board.reports.formNew')}
      onSubmit={submit}
    >
      <BoardProblems
        problems={local ? [{ id: id(local.field), message: local.message }] : []}
        error={error}
        fieldIds={{ period: id('period'), percentComplete: id('percentComplete') }}
        onReload={() => {
          setError(null);
          void invalidatePortfolio(queryClient).then(onDone);
        }}
      />
      <div className="kp-pf-form-row">
        <Textfield
          id={id('period')}
          label={t('board.reports.period')}
          type="month"
          value={period}
          max={todayInNorway().slice(0, 7)}
          readOnly={report !== null}
          onChange={(e) => setPeriod(e.target.value)}
          error={fieldError('period')}
        />
        <Textfield
          id={id('percentComplete')}
          label={t('board.reports.percent')}
          inputMode="numeric"
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
          error={fieldError('percentComplete')}
        />
      </div>
      <div className="kp-pf-form-row">
        {lightKinds.map((kind) => (
          <div key={kind}>
            <Label htmlFor={id(kind)}>{t(`board.light.${kind}` as PortfolioKey)}</Label>
            <Select
              id={id(kind)}
              value={lightValues[kind]}
              onChange={(e) => setLightValues({ ...lightValues, [kind]: e.target.value as Light })}
            >
              {(['green', 'yellow', 'red'] as const).map((light) => (
                <option key={light} value={light}>
                  {t(`board.light.${light}` as PortfolioKey)}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </div>
      {(['progress', 'risks', 'issues', 'nextSteps'] as const).map((field) => (
        <Textfield
          key={field}
          id={id(field)}
          label={t(`board.reports.${field}` as PortfolioKey)}
          multiline
          rows={2}
          value={text[field]}
          onChange={(e) => setText({ ...text, [field]: e.target.value })}
        />
      ))}
      <Announce message={done} />
      <div className="kp-pf-actions">
        <Button type="submit" loading={pending}>
          {t('board.reports.save')}
        </Button>
        {report && (
          <Button type="button" variant="secondary" onClick={onDone}>
            {t('board.reports.cancelEdit')}
          </Button>
        )}
      </div>
    </BoardForm>
  );
}
