import { Alert, Button, Heading, Label, Paragraph, Tag, Textarea } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert } from '../../../web/components/status';
import { isStale } from '../../../web/components/write-error';
import type { ReportArea, ReportDetail, SectionState } from '../reports.schemas';
import { useSteeringI18n } from './i18n';
import { BudgetFacts, DecisionFacts, IndicatorFacts } from './report-facts-parts';
import { publishReport, reportQuery, saveSection, sectionAction } from './reports-api';

// A report's writing and review: one section per programme area (facts, texts, the form, review),
// and publishing.

const stateColor: Record<SectionState, 'neutral' | 'info' | 'success' | 'warning'> = {
  open: 'neutral',
  submitted: 'info',
  approved: 'success',
  returned: 'warning',
};

/** Writes return the whole report: put it in the cache, and refresh the module's other views. */
export function useReportUpdate(id: string) {
  const queryClient = useQueryClient();
  return async (detail: ReportDetail) => {
    queryClient.setQueryData(reportQuery(id).queryKey, detail);
    await queryClient.invalidateQueries({ queryKey: ['steering', 'reports'], exact: true });
  };
}

export function PublishPanel({ report }: { report: ReportDetail }) {
  const { t } = useSteeringI18n();
  const update = useReportUpdate(report.id);
  const publish = useMutation({ mutationFn: () => publishReport(report.id, report.revision) });
  return (
    <section aria-labelledby="kp-st-publish" className="kp-st-report-publish kp-st-no-print">
      <SectionHeading id="kp-st-publish">{t('reports.publishHeading')}</SectionHeading>
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

export function AreaSection({ report, area }: { report: ReportDetail; area: ReportArea }) {
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
  const { t } = useSteeringI18n();
  const ids = useId();
  const queryClient = useQueryClient();
  const update = useReportUpdate(report.id);
  const { section } = area;
  const [values, setValues] = useState({ statusText: section.statusText, assessment: section.assessment, conclusion: section.conclusion });
  const [error, setError] = useState<unknown>(null);
  const save = useMutation({ mutationFn: () => saveSection(report.id, area.areaId, { ...values, revision: section.revision }) });
  const submit = useMutation({ mutationFn: (revision: number) => sectionAction(report.id, area.areaId, 'submit', { revision }) });

  const onError = (refusal: unknown) => {
    setError(refusal);
    // Someone else saved first: fetch their version (the form starts afresh from it).
    if (isStale(refusal)) void queryClient.invalidateQueries({ queryKey: reportQuery(report.id).queryKey });
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    save.mutateAsync().then(update).catch(onError);
  };
  const changed =
    values.statusText !== section.statusText || values.assessment !== section.assessment || values.conclusion !== section.conclusion;
  const onSubmit = () => {
    setError(null);
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
      {error !== null && <ErrorAlert error={error} />}
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
  const { t } = useSteeringI18n();
  const ids = useId();
  const update = useReportUpdate(report.id);
  const { section } = area;
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const action = useMutation({
    mutationFn: (input: { kind: 'approve' | 'return'; comment?: string }) =>
      sectionAction(report.id, area.areaId, input.kind, {
        revision: section.revision,
        ...(input.comment ? { comment: input.comment } : {}),
      }),
  });
  const run = (kind: 'approve' | 'return') => {
    setProblem(null);
    setError(null);
    if (kind === 'return' && !comment.trim()) {
      setProblem(t('reports.returnCommentRequired'));
      document.getElementById(`${ids}-comment`)?.focus();
      return;
    }
    action
      .mutateAsync({ kind, comment: kind === 'return' ? comment.trim() : undefined })
      .then(update)
      .then(() => setComment(''))
      .catch(setError);
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
      {error !== null && <ErrorAlert error={error} />}
    </div>
  );
}
