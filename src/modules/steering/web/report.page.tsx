import './reports.css';
import { Alert, Button, Heading, Label, Link, Paragraph, Table, Tag, Textarea } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ApiError, errorMessage } from '../../../web/data/client';
import type { ReportArea, ReportDetail, SectionState } from '../reports.schemas';
import { useSteeringI18n } from './i18n';
import { publishReport, reportExportUrl, reportQuery, saveSection, sectionAction } from './reports-api';
import { SteeringNav } from './ui';

const stateColor: Record<SectionState, 'neutral' | 'info' | 'success' | 'warning'> = {
  open: 'neutral',
  submitted: 'info',
  approved: 'success',
  returned: 'warning',
};

/** /styring/rapporter/$id: one report per programme area, written, reviewed, published and printed. */
export function ReportPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useSteeringI18n();
  const report = useQuery(reportQuery(id));
  return (
    <Page title={report.data?.title ?? t('reports.title')}>
      <div className="kp-st-no-print">
        <SteeringNav />
      </div>
      {report.isPending && <Loading label={t('reports.loading')} />}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && <ReportBody report={report.data} />}
    </Page>
  );
}

/** Writes return the whole report: put it in the cache, and refresh the module's other views. */
function useReportUpdate(id: string) {
  const queryClient = useQueryClient();
  return async (detail: ReportDetail) => {
    queryClient.setQueryData(reportQuery(id).queryKey, detail);
    await queryClient.invalidateQueries({ queryKey: ['steering', 'reports'], exact: true });
  };
}

function ReportBody({ report }: { report: ReportDetail }) {
  const { t, date, dateTime } = useSteeringI18n();
  const published = report.status === 'published';
  return (
    <div className="kp-st-report">
      <div className="kp-st-report-meta">
        <Paragraph>
          {t('reports.asOf', { date: date(report.asOf) })}{' '}
          <Tag data-size="sm" data-color={published ? 'success' : report.status === 'in_review' ? 'warning' : 'neutral'}>
            {t(`reports.status.${report.status}`)}
          </Tag>
        </Paragraph>
        {published && report.publishedAt && (
          <Alert data-color="info" className="kp-st-report-locked">
            <Paragraph>
              <strong>{t('reports.locked', { date: dateTime(report.publishedAt) })}</strong>
              {report.publishedBy ? ` ${t('reports.lockedBy', { name: report.publishedBy })}` : ''}. {t('reports.frozen')}
            </Paragraph>
          </Alert>
        )}
      </div>
      <div className="kp-st-report-actions kp-st-no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('reports.print')}
        </Button>
        <Link href={reportExportUrl(report.id, 'csv')} download>
          {t('reports.export')}
        </Link>
        <Link href={reportExportUrl(report.id, 'xlsx')} download>
          {t('reports.exportXlsx')}
        </Link>
        <Link href={reportExportUrl(report.id, 'docx')} download>
          {t('reports.exportDocx')}
        </Link>
      </div>
      {report.areas.length > 0 && (
        <nav aria-label={t('reports.contents')} className="kp-st-report-contents kp-st-no-print">
          <ul>
            {report.areas.map((area) => (
              <li key={area.areaId}>
                <a href={`#kp-st-area-${area.areaId}`}>
                  {area.code} {area.name}
                </a>{' '}
                – {t(`reports.state.${area.section.state}`)}
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!published && report.canReview && <PublishPanel key={report.revision} report={report} />}
      {report.areas.length === 0 && <Paragraph>{t('reports.noAreas')}</Paragraph>}
      {report.areas.map((area) => (
        <AreaSection key={area.areaId} report={report} area={area} />
      ))}
    </div>
  );
}

function PublishPanel({ report }: { report: ReportDetail }) {
  const { t } = useSteeringI18n();
  const update = useReportUpdate(report.id);
  const publish = useMutation({ mutationFn: () => publishReport(report.id, report.revision) });
  return (
    <section aria-labelledby="kp-st-publish" className="kp-st-report-publish kp-st-no-print">
      <Heading level={2} data-size="sm" id="kp-st-publish">
        {t('reports.publishHeading')}
      </Heading>
      <Paragraph>{t('reports.publishHelp')}</Paragraph>
      {report.notApproved.length > 0 ? (
        <>
          <Paragraph>{t('reports.notApproved')}</Paragraph>
          <ul>
            {report.notApproved.map((a) => (
              <li key={a.areaId}>
                <a href={`#kp-st-area-${a.areaId}`}>
                  {a.code} {a.name}
                </a>{' '}
                – {t(`reports.state.${a.state}`)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Paragraph>{t('reports.allApproved')}</Paragraph>
      )}
      <Button
        loading={publish.isPending}
        onClick={() =>
          void publish
            .mutateAsync()
            .then(update)
            .catch(() => undefined)
        }
      >
        {t('reports.publish')}
      </Button>
      {publish.isError && <ErrorAlert error={publish.error} />}
    </section>
  );
}

function AreaSection({ report, area }: { report: ReportDetail; area: ReportArea }) {
  const { t } = useSteeringI18n();
  const headingId = `kp-st-area-${area.areaId}`;
  return (
    <section aria-labelledby={headingId} className="kp-st-report-area">
      <Heading level={2} data-size="md" id={headingId} tabIndex={-1}>
        {area.code} {area.name}
      </Heading>
      <Paragraph data-size="sm">
        <Tag data-size="sm" data-color={stateColor[area.section.state]}>
          {t('reports.state', { state: t(`reports.state.${area.section.state}`) })}
        </Tag>
      </Paragraph>
      {area.section.reviewComment && area.section.state === 'returned' && (
        <Alert data-color="warning">
          <Paragraph>{t('reports.reviewComment', { comment: area.section.reviewComment })}</Paragraph>
        </Alert>
      )}
      <IndicatorFacts area={area} />
      <BudgetFacts report={report} area={area} />
      <DecisionFacts area={area} />
      <SectionTexts report={report} area={area} />
      {report.canReview && <ReviewControls report={report} area={area} />}
    </section>
  );
}

function IndicatorFacts({ area }: { area: ReportArea }) {
  const { t, number } = useSteeringI18n();
  const { indicators } = area;
  const red = indicators.items.filter((i) => i.status === 'red');
  return (
    <div className="kp-st-report-block">
      <Heading level={3} data-size="xs">
        {t('reports.indicators')}
      </Heading>
      {indicators.total === 0 ? (
        <Paragraph>{t('reports.noIndicators')}</Paragraph>
      ) : (
        <Paragraph>
          {t('reports.indicatorSummary', {
            total: indicators.total,
            green: indicators.green,
            yellow: indicators.yellow,
            red: indicators.red,
            none: indicators.none,
          })}
        </Paragraph>
      )}
      {red.length > 0 && (
        <Table data-size="sm" className="kp-st-report-table">
          <caption>{t('reports.redCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('reports.col.indicator')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.col.period')}</Table.HeaderCell>
              <Table.HeaderCell className="kp-st-num">{t('reports.col.value')}</Table.HeaderCell>
              <Table.HeaderCell className="kp-st-num">{t('reports.col.target')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {red.map((i) => (
              <Table.Row key={i.id}>
                <Table.Cell>{i.name}</Table.Cell>
                <Table.Cell>{i.period}</Table.Cell>
                <Table.Cell className="kp-st-num">
                  {i.value === null ? '–' : `${number(i.value)} ${i.unitOfMeasure}`.trim()}
                  {i.basis === 'unit_mean' ? ` ${t('reports.unitMean')}` : ''}
                </Table.Cell>
                <Table.Cell className="kp-st-num">{i.target === null ? '–' : `${number(i.target)} ${i.unitOfMeasure}`.trim()}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}

function BudgetFacts({ report, area }: { report: ReportDetail; area: ReportArea }) {
  const { t, kroner, number, date, month, shortDate } = useSteeringI18n();
  const b = area.budget;
  const money = (value: number | null) => (value === null ? '–' : kroner(value));
  const asOf = date(report.asOf);
  const sentence =
    b.deviation === null
      ? t('reports.noBudget')
      : b.deviation > 0
        ? t('reports.overspend', { date: asOf, amount: kroner(b.deviation) })
        : b.deviation < 0
          ? t('reports.underspend', { date: asOf, amount: kroner(-b.deviation) })
          : t('reports.onBudget', { date: asOf });
  return (
    <div className="kp-st-report-block">
      <Heading level={3} data-size="xs">
        {t('reports.budget')}
      </Heading>
      <Paragraph>{sentence}</Paragraph>
      {b.forecastComment && <Paragraph>{b.forecastComment}</Paragraph>}
      <Table data-size="sm" className="kp-st-report-table">
        <caption>{t('reports.budgetCaption', { year: b.year, month: month(`${b.year}-${String(b.asOfMonth).padStart(2, '0')}`) })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell className="kp-st-num">{t('reports.col.budget')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-st-num">{t('reports.col.actual')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-st-num">{t('reports.col.forecast')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-st-num">{t('reports.col.deviation')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-st-num">{t('reports.col.deviationPercent')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          <Table.Row>
            <Table.Cell className="kp-st-num">{money(b.budget)}</Table.Cell>
            <Table.Cell className="kp-st-num">{money(b.actualYtd)}</Table.Cell>
            <Table.Cell className="kp-st-num">{money(b.forecast)}</Table.Cell>
            <Table.Cell className="kp-st-num">{money(b.deviation)}</Table.Cell>
            <Table.Cell className="kp-st-num">{b.deviationPercent === null ? '–' : `${number(b.deviationPercent)} %`}</Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
      {b.adjustments.length > 0 && (
        <Table data-size="sm" className="kp-st-report-table">
          <caption>{t('reports.adjustmentsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('reports.col.measure')}</Table.HeaderCell>
              <Table.HeaderCell className="kp-st-num">{t('reports.col.amount')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.col.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.col.decision')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {b.adjustments.map((a) => (
              <Table.Row key={a.id}>
                <Table.Cell>
                  {a.title}
                  {a.reason && <span className="kp-st-report-reason">{a.reason}</span>}
                </Table.Cell>
                <Table.Cell className="kp-st-num">{kroner(a.amount)}</Table.Cell>
                <Table.Cell>{t(`reports.adjustment.${a.status}`)}</Table.Cell>
                <Table.Cell>
                  {a.decisionCaseNumber
                    ? t('reports.case', {
                        number: a.decisionCaseNumber,
                        date: a.decisionMeetingDate ? shortDate(a.decisionMeetingDate) : '',
                      })
                    : (a.decisionReference ?? '–')}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}

function DecisionFacts({ area }: { area: ReportArea }) {
  const { t, shortDate } = useSteeringI18n();
  return (
    <div className="kp-st-report-block">
      <Heading level={3} data-size="xs">
        {t('reports.decisions')}
      </Heading>
      {area.decisions.length === 0 ? (
        <Paragraph>{t('reports.noDecisions')}</Paragraph>
      ) : (
        <Table data-size="sm" className="kp-st-report-table">
          <caption>{t('reports.decisionsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('reports.col.body')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.col.case')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.col.decisionTitle')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.col.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.col.deadline')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.col.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {area.decisions.map((d) => (
              <Table.Row key={d.id}>
                <Table.Cell>{d.committeeName ?? t(`reports.body.${d.body}`)}</Table.Cell>
                <Table.Cell>
                  {d.caseNumber} ({shortDate(d.meetingDate)})
                </Table.Cell>
                <Table.Cell>{d.title}</Table.Cell>
                <Table.Cell>{d.responsibleUnit ?? '–'}</Table.Cell>
                <Table.Cell>
                  {d.deadline ? shortDate(d.deadline) : '–'}
                  {d.overdue && <strong> ({t('reports.overdue')})</strong>}
                </Table.Cell>
                <Table.Cell>{t(`reports.decision.${d.status}`)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </div>
  );
}

const textFields = ['statusText', 'assessment', 'conclusion'] as const;

function SectionTexts({ report, area }: { report: ReportDetail; area: ReportArea }) {
  const { t, dateTime } = useSteeringI18n();
  const { section } = area;
  return (
    <div className="kp-st-report-block">
      <Heading level={3} data-size="xs">
        {t('reports.texts')}
      </Heading>
      {area.canEdit && (
        // A new revision (saved here or by someone else) starts the form afresh.
        <SectionForm key={section.revision} report={report} area={area} />
      )}
      {/* The printed report shows the texts, not the form. */}
      <dl className={area.canEdit ? 'kp-st-report-texts kp-st-print-only' : 'kp-st-report-texts'}>
        {textFields.map((field) => (
          <div key={field}>
            <dt>{t(`reports.${field}`)}</dt>
            <dd>{section[field] || <em>{t('reports.empty')}</em>}</dd>
          </div>
        ))}
      </dl>
      {section.updatedBy && (
        <Paragraph data-size="xs" className="kp-st-report-updated">
          {t('reports.updatedBy', { date: dateTime(section.updatedAt), name: section.updatedBy })}
        </Paragraph>
      )}
    </div>
  );
}

function SectionForm({ report, area }: { report: ReportDetail; area: ReportArea }) {
  const { t, language } = useSteeringI18n();
  const ids = useId();
  const queryClient = useQueryClient();
  const update = useReportUpdate(report.id);
  const { section } = area;
  const [values, setValues] = useState({ statusText: section.statusText, assessment: section.assessment, conclusion: section.conclusion });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const save = useMutation({ mutationFn: () => saveSection(report.id, area.areaId, { ...values, revision: section.revision }) });
  const submit = useMutation({ mutationFn: (revision: number) => sectionAction(report.id, area.areaId, 'submit', { revision }) });

  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'stale') {
      setMessage({ kind: 'error', text: t('reports.stale') });
      void queryClient.invalidateQueries({ queryKey: reportQuery(report.id).queryKey });
    } else setMessage({ kind: 'error', text: errorMessage(error, language) });
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    save.mutateAsync().then(update).catch(onError);
  };
  const changed =
    values.statusText !== section.statusText || values.assessment !== section.assessment || values.conclusion !== section.conclusion;
  const onSubmit = () => {
    setMessage(null);
    // Unsaved text is saved first, then the section is sent in with the new revision.
    const sent = changed
      ? save.mutateAsync().then((detail) => detail.areas.find((a) => a.areaId === area.areaId)!.section.revision)
      : Promise.resolve(section.revision);
    sent
      .then((revision) => submit.mutateAsync(revision))
      .then(update)
      .catch(onError);
  };

  return (
    <form
      onSubmit={onSave}
      noValidate
      className="kp-st-report-form kp-st-no-print"
      aria-label={`${t('reports.texts')}: ${area.code} ${area.name}`}
    >
      {textFields.map((field) => (
        <div key={field}>
          <Label htmlFor={`${ids}-${field}`}>{t(`reports.${field}`)}</Label>
          <Textarea
            id={`${ids}-${field}`}
            rows={field === 'conclusion' ? 2 : 4}
            value={values[field]}
            onChange={(event) => setValues((v) => ({ ...v, [field]: event.target.value }))}
          />
        </div>
      ))}
      <div role="status" className="kp-st-report-status">
        {message?.kind === 'ok' && <Paragraph>{message.text}</Paragraph>}
      </div>
      {message?.kind === 'error' && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      )}
      <div className="kp-st-report-buttons">
        <Button type="submit" loading={save.isPending}>
          {t('reports.save')}
        </Button>
        {(section.state === 'open' || section.state === 'returned') && (
          <Button type="button" variant="secondary" loading={submit.isPending} onClick={onSubmit}>
            {t('reports.submit')}
          </Button>
        )}
      </div>
    </form>
  );
}

function ReviewControls({ report, area }: { report: ReportDetail; area: ReportArea }) {
  const { t, language } = useSteeringI18n();
  const ids = useId();
  const update = useReportUpdate(report.id);
  const { section } = area;
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useMutation({
    mutationFn: (input: { kind: 'approve' | 'return'; comment?: string }) =>
      sectionAction(report.id, area.areaId, input.kind, {
        revision: section.revision,
        ...(input.comment ? { comment: input.comment } : {}),
      }),
  });
  const run = (kind: 'approve' | 'return') => {
    setProblem(null);
    if (kind === 'return' && !comment.trim()) {
      setProblem(t('reports.returnCommentRequired'));
      document.getElementById(`${ids}-comment`)?.focus();
      return;
    }
    action
      .mutateAsync({ kind, comment: kind === 'return' ? comment.trim() : undefined })
      .then(update)
      .then(() => setComment(''))
      .catch((error: unknown) => setProblem(errorMessage(error, language)));
  };
  const canApprove = section.state !== 'approved';
  const canReturn = section.state === 'submitted' || section.state === 'approved';
  if (!canApprove && !canReturn) return null;
  return (
    <div className="kp-st-report-review kp-st-no-print">
      {canReturn && <Label htmlFor={`${ids}-comment`}>{t('reports.returnComment')}</Label>}
      {canReturn && (
        <Textarea
          id={`${ids}-comment`}
          rows={2}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          aria-invalid={problem && !comment.trim() ? true : undefined}
        />
      )}
      <div className="kp-st-report-buttons">
        {canApprove && (
          <Button type="button" loading={action.isPending && action.variables?.kind === 'approve'} onClick={() => run('approve')}>
            {t('reports.approve')}
            <span className="kp-st-visually-hidden">
              {' '}
              {area.code} {area.name}
            </span>
          </Button>
        )}
        {canReturn && (
          <Button
            type="button"
            variant="secondary"
            loading={action.isPending && action.variables?.kind === 'return'}
            onClick={() => run('return')}
          >
            {t('reports.return')}
            <span className="kp-st-visually-hidden">
              {' '}
              {area.code} {area.name}
            </span>
          </Button>
        )}
      </div>
      {problem && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
