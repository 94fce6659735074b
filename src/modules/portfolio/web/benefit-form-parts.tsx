import { Button, Details, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { isIsoDate } from '../../../web/components/as-of-date';
import { todayInNorway as today } from '../../../web/components/format';
import { ProblemSummary } from '../../../web/components/problem-summary';
import { deviation, type Benefit, type BenefitType } from '../benefits.schemas';
import { useCloseBenefit, useRecordMeasurement } from './benefits-api';
import { usePortfolioI18n, type PortfolioKey } from './i18n';

// The benefit forms' common ground (field ids, problems, number and date reading), and the two forms
// on one benefit: a measurement, and closing it.

/** Problems found before sending: [field name, message]. */
export type Problems = [string, string][];

export const typeKey = (type: BenefitType) => `benefits.type.${type}` as PortfolioKey;
export const statusKey = (status: Benefit['status']) => `benefits.status.${status}` as PortfolioKey;
export const round = (value: number) => Math.round(value * 100) / 100;
export const isDate = isIsoDate;

/** '1 234,5' or '1234.5' → 1234.5; null when not a number. */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (cleaned === '' || !/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

// Today in Norway, 'YYYY-MM-DD': the kit's, under the name the benefit forms use.
export { today };

/** Problems found before sending, or the server's refusal: a summary that takes the focus, linking to each field. */
export function FormErrors({
  heading,
  problems,
  error,
  fieldIds,
  onReload,
}: {
  heading: string;
  problems: Problems;
  error: unknown;
  fieldIds: Record<string, string>;
  onReload?: () => void;
}) {
  return (
    <ProblemSummary
      heading={heading}
      level={4}
      problems={problems.map(([name, message]) => ({ id: fieldIds[name] ?? name, message }))}
      error={error}
      fieldIds={fieldIds}
      onReload={onReload}
      focus
    />
  );
}

const fieldNames = [
  'title',
  'type',
  'indicator',
  'unitOfMeasure',
  'baselineValue',
  'baselineDate',
  'targetValue',
  'annualValue',
  'ownerPersonId',
  'expectedDate',
  'actions',
  'assumptions',
  'measuredOn',
  'value',
  'comment',
  'reason',
] as const;

export function useFieldIds(): Record<string, string> {
  const ids = useId();
  return useMemo(() => Object.fromEntries(fieldNames.map((n) => [n, `${ids}-${n}`])), [ids]);
}

export function MeasurementForm({ benefit, announce }: { benefit: Benefit; announce: (text: string) => void }) {
  const { t, number, shortDate } = usePortfolioI18n();
  const fieldIds = useFieldIds();
  const mutation = useRecordMeasurement();
  const [problems, setProblems] = useState<Problems>([]);
  const [measuredOn, setMeasuredOn] = useState(today());
  const [value, setValue] = useState('');
  const [comment, setComment] = useState('');
  const parsed = parseNumber(value);
  const check = isDate(measuredOn) && measuredOn >= benefit.baselineDate ? deviation(benefit, measuredOn, parsed ?? 0) : null;
  const deviates = Boolean(check && parsed !== null && check.deviates);
  const headingId = `${fieldIds.measuredOn}-heading`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = [];
    if (!isDate(measuredOn)) found.push(['measuredOn', t('benefits.problem.date')]);
    else if (measuredOn > today()) found.push(['measuredOn', t('benefits.problem.future')]);
    else if (measuredOn < benefit.baselineDate)
      found.push(['measuredOn', t('benefits.problem.beforeBaseline', { date: shortDate(benefit.baselineDate) })]);
    if (parsed === null) found.push(['value', t('benefits.problem.number')]);
    if (deviates && !comment.trim()) found.push(['comment', t('benefits.commentRequired')]);
    setProblems(found);
    if (found.length > 0) return;
    mutation
      .mutateAsync({ id: benefit.id, body: { measuredOn, value: parsed!, comment: comment.trim() || null } })
      .then(() => {
        setValue('');
        setComment('');
        announce(t('benefits.measured'));
      })
      .catch(() => {});
  };
  const problemFor = (name: string) => problems.find(([n]) => n === name)?.[1];

  return (
    <form className="kp-pf-benefit-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t('benefits.measureHeading', { title: benefit.title })}
      </Heading>
      <FormErrors heading={t('benefits.measureFailed')} problems={problems} error={mutation.error} fieldIds={fieldIds} />
      <div className="kp-pf-benefit-form__row">
        <Textfield
          id={fieldIds.measuredOn}
          label={t('benefits.field.measuredOn')}
          type="date"
          value={measuredOn}
          onChange={(e) => setMeasuredOn(e.target.value)}
          error={problemFor('measuredOn')}
        />
        <Textfield
          id={fieldIds.value}
          label={benefit.unitOfMeasure ? `${t('benefits.field.value')} (${benefit.unitOfMeasure})` : t('benefits.field.value')}
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={problemFor('value')}
        />
      </div>
      {check && (
        <Paragraph data-size="sm" aria-live="polite">
          {t('benefits.plannedOn', { date: shortDate(measuredOn), planned: number(round(check.plannedValue)) })}{' '}
          {parsed !== null &&
            (deviates ? <span className="kp-pf-deviates">{t('benefits.commentRequired')}</span> : t('benefits.commentOptional'))}
        </Paragraph>
      )}
      <Textfield
        id={fieldIds.comment}
        multiline
        rows={2}
        label={t('benefits.field.comment')}
        required={deviates}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={problemFor('comment')}
      />
      <div className="kp-pf-benefit-form__actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('benefits.saveMeasurement')}
        </Button>
      </div>
    </form>
  );
}

export function CloseForm({ benefit, announce }: { benefit: Benefit; announce: (text: string) => void }) {
  const { t } = usePortfolioI18n();
  const fieldIds = useFieldIds();
  const mutation = useCloseBenefit();
  const [problems, setProblems] = useState<Problems>([]);
  const [status, setStatus] = useState<'realised' | 'closed'>('realised');
  const [reason, setReason] = useState('');
  const headingId = `${fieldIds.reason}-heading`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = status === 'closed' && !reason.trim() ? [['reason', t('benefits.problem.reason')]] : [];
    setProblems(found);
    if (found.length > 0) return;
    mutation
      .mutateAsync({ id: benefit.id, body: { status, reason: reason.trim() || undefined, revision: benefit.revision } })
      .then(() => announce(t('benefits.closedDone', { title: benefit.title })))
      .catch(() => {});
  };

  return (
    <Details>
      <Details.Summary>{t('benefits.close')}</Details.Summary>
      <Details.Content>
        <form className="kp-pf-benefit-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
          <Heading level={3} data-size="xs" id={headingId}>
            {t('benefits.closeHeading', { title: benefit.title })}
          </Heading>
          <FormErrors
            heading={t('benefits.closeFailed')}
            problems={problems}
            error={mutation.error}
            fieldIds={fieldIds}
            onReload={() => mutation.reset()}
          />
          <Fieldset>
            <Fieldset.Legend>{t('benefits.closeAs')}</Fieldset.Legend>
            <Radio
              name={headingId}
              label={t('benefits.closeRealised')}
              value="realised"
              checked={status === 'realised'}
              onChange={() => setStatus('realised')}
            />
            <Radio
              name={headingId}
              label={t('benefits.closeClosed')}
              value="closed"
              checked={status === 'closed'}
              onChange={() => setStatus('closed')}
            />
          </Fieldset>
          <Textfield
            id={fieldIds.reason}
            multiline
            rows={2}
            label={t('benefits.field.reason')}
            required={status === 'closed'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={problems.find(([n]) => n === 'reason')?.[1]}
          />
          <div className="kp-pf-benefit-form__actions">
            <Button type="submit" variant="secondary" loading={mutation.isPending}>
              {t('benefits.closeSave')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
