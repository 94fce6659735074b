import './benefits.css';
import {
  Alert,
  Button,
  Details,
  ErrorSummary,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ApiError, errorMessage } from '../../../web/data/client';
import { benefitTypes, deviation, type Benefit, type BenefitType, type NewBenefitBody } from '../benefits.schemas';
import { initiativeBenefitsQuery, ownerOptionsQuery, useAddBenefit, useCloseBenefit, useRecordMeasurement } from './benefits-api';
import { TrendChart } from './benefits-charts';
import { usePortfolioI18n, type PortfolioI18n, type PortfolioKey } from './i18n';

// The initiative's benefits register (gevinstrealiseringsplan): the table, a form to add a benefit,
// and per benefit its trend, measurements, a measurement form and closing. Rendered on the
// initiative page and on the benefits page; it fetches its own data and invalidates ['portfolio'].

type Problems = [string, string][];

const typeKey = (type: BenefitType) => `benefits.type.${type}` as PortfolioKey;
const statusKey = (status: Benefit['status']) => `benefits.status.${status}` as PortfolioKey;

/** '1 234,5' or '1234.5' → 1234.5; null when not a number. */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (cleaned === '' || !/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Today in Norway, 'YYYY-MM-DD'. */
export function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

function useAnnouncer() {
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const announce = useCallback((text: string) => {
    flushSync(() => setMessage(text));
    ref.current?.focus();
  }, []);
  return { ref, message, announce };
}

function Announcement({ announcerRef, message }: { announcerRef: RefObject<HTMLDivElement | null>; message: string | null }) {
  return (
    <div ref={announcerRef} role="status" tabIndex={-1} className="kp-pf-status">
      {message && (
        <Alert data-color="success">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

/** Problems found before sending, or the server's refusal: a summary that takes the focus, linking to each field. */
function FormErrors({
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
  const { t, language } = usePortfolioI18n();
  const ref = useRef<HTMLDivElement>(null);
  const serverProblems: Problems =
    error instanceof ApiError && Array.isArray(error.details)
      ? (error.details as { path?: string }[]).flatMap((d) =>
          d.path && fieldIds[d.path] ? [[d.path, error.message] as [string, string]] : [],
        )
      : [];
  const shown = problems.length > 0 ? problems : serverProblems.slice(0, 1);
  const visible = shown.length > 0 || Boolean(error);
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, problems, error]);
  if (!visible) return null;
  return (
    <div ref={ref} tabIndex={-1}>
      <ErrorSummary>
        <ErrorSummary.Heading level={4}>{heading}</ErrorSummary.Heading>
        {shown.length > 0 ? (
          <ErrorSummary.List>
            {shown.map(([name, message]) => (
              <ErrorSummary.Item key={name}>
                <ErrorSummary.Link href={`#${fieldIds[name]}`}>{message}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        ) : (
          <Paragraph>{errorMessage(error, language)}</Paragraph>
        )}
        {error instanceof ApiError && error.code === 'stale' && onReload && (
          <Button type="button" variant="secondary" data-size="sm" onClick={onReload}>
            {t('benefits.reload')}
          </Button>
        )}
      </ErrorSummary>
    </div>
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

function useFieldIds(): Record<string, string> {
  const ids = useId();
  return useMemo(() => Object.fromEntries(fieldNames.map((n) => [n, `${ids}-${n}`])), [ids]);
}

/** The register of one initiative. */
export function InitiativeBenefits({ initiativeId }: { initiativeId: string }) {
  const { t } = usePortfolioI18n();
  const query = useQuery(initiativeBenefitsQuery(initiativeId));
  const announcer = useAnnouncer();
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);

  if (query.isPending) return <Loading label={t('benefits.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { benefits, canWrite } = query.data;

  return (
    <section className="kp-pf-benefits" aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {t('benefits.register')}
      </Heading>
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      {benefits.length === 0 ? <Paragraph>{t('benefits.none')}</Paragraph> : <RegisterTable benefits={benefits} />}
      {benefits.map((benefit) => (
        <BenefitDetails key={benefit.id} benefit={benefit} canWrite={canWrite} announce={announcer.announce} />
      ))}
      {!canWrite && <Paragraph data-size="sm">{t('benefits.readOnly')}</Paragraph>}
      {canWrite &&
        (adding ? (
          <AddBenefitForm
            initiativeId={initiativeId}
            onCancel={() => {
              setAdding(false);
              setTimeout(() => addButton.current?.focus());
            }}
            onSaved={(benefit) => {
              setAdding(false);
              announcer.announce(t('benefits.saved', { title: benefit.title }));
            }}
          />
        ) : (
          <div>
            <Button ref={addButton} variant="secondary" onClick={() => setAdding(true)}>
              {t('benefits.add')}
            </Button>
          </div>
        ))}
    </section>
  );
}

/** The latest measurement in words: value, date, and whether it deviates from the plan. */
export function LatestText({ benefit }: { benefit: Benefit }) {
  const { t, number, shortDate } = usePortfolioI18n();
  const latest = benefit.latest;
  if (!latest) return <>{t('benefits.noMeasurement')}</>;
  const planned = number(round(latest.plannedValue));
  return (
    <>
      {number(latest.value)} ({shortDate(latest.measuredOn)})
      <br />
      <span className={latest.deviates ? 'kp-pf-deviates' : undefined}>
        {latest.deviates ? t('benefits.deviates', { planned }) : t('benefits.onPlan', { planned })}
      </span>
    </>
  );
}

const round = (value: number) => Math.round(value * 100) / 100;

function withUnit(i18n: PortfolioI18n, value: number, unit: string) {
  return unit ? `${i18n.number(value)} ${unit}` : i18n.number(value);
}

function RegisterTable({ benefits }: { benefits: Benefit[] }) {
  const i18n = usePortfolioI18n();
  const { t, shortDate } = i18n;
  return (
    <div className="kp-pf-benefits__table-scroll">
      <Table data-size="sm" zebra>
        <caption>{t('benefits.registerCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('benefits.col.title')}</Table.HeaderCell>
            <Table.HeaderCell>{t('benefits.col.type')}</Table.HeaderCell>
            <Table.HeaderCell>{t('benefits.col.indicator')}</Table.HeaderCell>
            <Table.HeaderCell>{t('benefits.col.baselineTarget')}</Table.HeaderCell>
            <Table.HeaderCell>{t('benefits.col.owner')}</Table.HeaderCell>
            <Table.HeaderCell>{t('benefits.col.expected')}</Table.HeaderCell>
            <Table.HeaderCell>{t('benefits.col.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('benefits.col.latest')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {benefits.map((b) => (
            <Table.Row key={b.id}>
              <Table.HeaderCell scope="row">
                {b.synthetic ? `${t('benefits.synthetic')} ` : ''}
                {b.title}
                {!b.planned && ` (${t('benefits.unplanned')})`}
              </Table.HeaderCell>
              <Table.Cell>{t(typeKey(b.type))}</Table.Cell>
              <Table.Cell>{b.indicator}</Table.Cell>
              <Table.Cell>
                {t('benefits.baselineTarget', {
                  baseline: withUnit(i18n, b.baselineValue, b.unitOfMeasure),
                  target: withUnit(i18n, b.targetValue, b.unitOfMeasure),
                })}
              </Table.Cell>
              <Table.Cell>
                {b.owner.name}
                <br />
                {b.ownerUnit.name}
              </Table.Cell>
              <Table.Cell>
                {shortDate(b.expectedDate)}
                {b.overdue && (
                  <>
                    <br />
                    <span className="kp-pf-deviates">{t('benefits.overdue')}</span>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>{t(statusKey(b.status))}</Table.Cell>
              <Table.Cell>
                <LatestText benefit={b} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function BenefitDetails({ benefit, canWrite, announce }: { benefit: Benefit; canWrite: boolean; announce: (text: string) => void }) {
  const i18n = usePortfolioI18n();
  const { t, shortDate, number, kroner } = i18n;
  const open = benefit.status === 'planned' || benefit.status === 'in_realisation';
  return (
    <Details>
      <Details.Summary>{t('benefits.details', { title: benefit.title })}</Details.Summary>
      <Details.Content>
        <div className="kp-pf-benefit-detail">
          <dl>
            {benefit.annualValue !== null && (
              <>
                <dt>{t('benefits.col.annual')}</dt>
                <dd>{kroner(benefit.annualValue)}</dd>
              </>
            )}
            {benefit.actions && (
              <>
                <dt>{t('benefits.actions')}</dt>
                <dd>{benefit.actions}</dd>
              </>
            )}
            {benefit.assumptions && (
              <>
                <dt>{t('benefits.assumptions')}</dt>
                <dd>{benefit.assumptions}</dd>
              </>
            )}
            {benefit.closedReason && (
              <>
                <dt>{t('benefits.closedReason')}</dt>
                <dd>{benefit.closedReason}</dd>
              </>
            )}
          </dl>
          <TrendChart benefit={benefit} />
          {benefit.measurements.length > 0 && (
            <div className="kp-pf-benefits__table-scroll">
              <Table data-size="sm">
                <caption>{t('benefits.measurementsCaption', { title: benefit.title })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('benefits.col.measuredOn')}</Table.HeaderCell>
                    <Table.HeaderCell className="kp-num">{t('benefits.col.value')}</Table.HeaderCell>
                    <Table.HeaderCell className="kp-num">{t('benefits.col.planned')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('benefits.col.deviation')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('benefits.col.comment')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {benefit.measurements.map((m) => (
                    <Table.Row key={m.id}>
                      <Table.Cell>{shortDate(m.measuredOn)}</Table.Cell>
                      <Table.Cell className="kp-num">{number(m.value)}</Table.Cell>
                      <Table.Cell className="kp-num">{number(round(m.plannedValue))}</Table.Cell>
                      <Table.Cell>{m.deviates ? t('benefits.yes') : t('benefits.no')}</Table.Cell>
                      <Table.Cell>{m.comment ?? ''}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          {canWrite && open && <MeasurementForm benefit={benefit} announce={announce} />}
          {canWrite && open && <CloseForm benefit={benefit} announce={announce} />}
        </div>
      </Details.Content>
    </Details>
  );
}

function addYear(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y) + 1}-${m}-${d === '29' && m === '02' ? '28' : d}`;
}

function AddBenefitForm({
  initiativeId,
  onCancel,
  onSaved,
}: {
  initiativeId: string;
  onCancel: () => void;
  onSaved: (benefit: Benefit) => void;
}) {
  const { t, collator } = usePortfolioI18n();
  const fieldIds = useFieldIds();
  const owners = useQuery(ownerOptionsQuery);
  const mutation = useAddBenefit(initiativeId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [problems, setProblems] = useState<Problems>([]);
  const [form, setForm] = useState({
    title: '',
    type: 'money' as BenefitType,
    indicator: '',
    unitOfMeasure: '',
    baselineValue: '',
    baselineDate: today(),
    targetValue: '',
    annualValue: '',
    ownerKey: '',
    expectedDate: addYear(today()),
    actions: '',
    assumptions: '',
    planned: true,
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  useEffect(() => headingRef.current?.focus(), []);

  const ownerList = useMemo(
    () => [...(owners.data?.owners ?? [])].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.unit.name, b.unit.name)),
    [owners.data, collator],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = [];
    const baseline = parseNumber(form.baselineValue);
    const target = parseNumber(form.targetValue);
    const annual = form.annualValue.trim() === '' ? null : parseNumber(form.annualValue);
    if (!form.title.trim()) found.push(['title', t('benefits.problem.title')]);
    if (!form.indicator.trim()) found.push(['indicator', t('benefits.problem.indicator')]);
    if (baseline === null) found.push(['baselineValue', t('benefits.problem.number')]);
    if (!isDate(form.baselineDate)) found.push(['baselineDate', t('benefits.problem.date')]);
    if (target === null) found.push(['targetValue', t('benefits.problem.number')]);
    else if (baseline !== null && target === baseline) found.push(['targetValue', t('benefits.problem.sameTarget')]);
    if (form.annualValue.trim() !== '' && (annual === null || annual < 0)) found.push(['annualValue', t('benefits.problem.annual')]);
    if (!form.ownerKey) found.push(['ownerPersonId', t('benefits.problem.owner')]);
    if (!isDate(form.expectedDate)) found.push(['expectedDate', t('benefits.problem.date')]);
    else if (isDate(form.baselineDate) && form.expectedDate <= form.baselineDate)
      found.push(['expectedDate', t('benefits.problem.expectedAfter')]);
    setProblems(found);
    if (found.length > 0) return;
    const body: NewBenefitBody = {
      title: form.title.trim(),
      type: form.type,
      indicator: form.indicator.trim(),
      unitOfMeasure: form.unitOfMeasure.trim(),
      baselineValue: baseline!,
      baselineDate: form.baselineDate,
      targetValue: target!,
      annualValue: annual,
      ownerPersonId: form.ownerKey.split('|')[0]!,
      expectedDate: form.expectedDate,
      actions: form.actions,
      assumptions: form.assumptions,
      planned: form.planned,
    };
    mutation
      .mutateAsync(body)
      .then(onSaved)
      .catch(() => {});
  };
  const problemFor = (name: string) => problems.find(([n]) => n === name)?.[1];

  return (
    <form className="kp-pf-benefit-form" onSubmit={submit} noValidate aria-labelledby={`${fieldIds.title}-heading`}>
      <Heading level={3} data-size="xs" ref={headingRef} tabIndex={-1} id={`${fieldIds.title}-heading`}>
        {t('benefits.addHeading')}
      </Heading>
      <FormErrors heading={t('benefits.failed')} problems={problems} error={mutation.error} fieldIds={fieldIds} />
      <Textfield
        id={fieldIds.title}
        label={t('benefits.field.title')}
        value={form.title}
        onChange={(e) => set({ title: e.target.value })}
        error={problemFor('title')}
      />
      <div className="kp-pf-benefit-form__row">
        <div>
          <Label htmlFor={fieldIds.type}>{t('benefits.field.type')}</Label>
          <Select id={fieldIds.type} value={form.type} onChange={(e) => set({ type: e.target.value as BenefitType })}>
            {benefitTypes.map((type) => (
              <option key={type} value={type}>
                {t(typeKey(type))}
              </option>
            ))}
          </Select>
        </div>
        <Textfield
          id={fieldIds.indicator}
          label={t('benefits.field.indicator')}
          value={form.indicator}
          onChange={(e) => set({ indicator: e.target.value })}
          error={problemFor('indicator')}
        />
        <Textfield
          id={fieldIds.unitOfMeasure}
          label={t('benefits.field.unit')}
          description={t('benefits.field.unitHelp')}
          value={form.unitOfMeasure}
          onChange={(e) => set({ unitOfMeasure: e.target.value })}
        />
      </div>
      <div className="kp-pf-benefit-form__row">
        <Textfield
          id={fieldIds.baselineValue}
          label={t('benefits.field.baselineValue')}
          inputMode="decimal"
          value={form.baselineValue}
          onChange={(e) => set({ baselineValue: e.target.value })}
          error={problemFor('baselineValue')}
        />
        <Textfield
          id={fieldIds.baselineDate}
          label={t('benefits.field.baselineDate')}
          type="date"
          value={form.baselineDate}
          onChange={(e) => set({ baselineDate: e.target.value })}
          error={problemFor('baselineDate')}
        />
        <Textfield
          id={fieldIds.targetValue}
          label={t('benefits.field.targetValue')}
          inputMode="decimal"
          value={form.targetValue}
          onChange={(e) => set({ targetValue: e.target.value })}
          error={problemFor('targetValue')}
        />
        <Textfield
          id={fieldIds.expectedDate}
          label={t('benefits.field.expectedDate')}
          type="date"
          value={form.expectedDate}
          onChange={(e) => set({ expectedDate: e.target.value })}
          error={problemFor('expectedDate')}
        />
      </div>
      <Textfield
        id={fieldIds.annualValue}
        label={t('benefits.field.annualValue')}
        description={t('benefits.field.annualHelp')}
        inputMode="decimal"
        value={form.annualValue}
        onChange={(e) => set({ annualValue: e.target.value })}
        error={problemFor('annualValue')}
      />
      <div>
        <Label htmlFor={fieldIds.ownerPersonId}>{t('benefits.field.owner')}</Label>
        <Select
          id={fieldIds.ownerPersonId}
          value={form.ownerKey}
          onChange={(e) => set({ ownerKey: e.target.value })}
          aria-invalid={problemFor('ownerPersonId') ? true : undefined}
          aria-describedby={problemFor('ownerPersonId') ? `${fieldIds.ownerPersonId}-error` : undefined}
        >
          <option value="">{t('benefits.field.ownerPick')}</option>
          {ownerList.map((o) => (
            <option key={`${o.personId}|${o.unit.id}`} value={`${o.personId}|${o.unit.id}`}>
              {`${o.name} – ${o.title}, ${o.unit.name}`}
            </option>
          ))}
        </Select>
        {problemFor('ownerPersonId') && (
          <ValidationMessage id={`${fieldIds.ownerPersonId}-error`} data-color="danger">
            {problemFor('ownerPersonId')}
          </ValidationMessage>
        )}
      </div>
      <Textfield
        id={fieldIds.actions}
        multiline
        rows={3}
        label={t('benefits.field.actions')}
        value={form.actions}
        onChange={(e) => set({ actions: e.target.value })}
      />
      <Textfield
        id={fieldIds.assumptions}
        multiline
        rows={3}
        label={t('benefits.field.assumptions')}
        value={form.assumptions}
        onChange={(e) => set({ assumptions: e.target.value })}
      />
      <Fieldset>
        <Fieldset.Legend>{t('benefits.field.plannedLegend')}</Fieldset.Legend>
        <Radio
          name={`${fieldIds.title}-planned`}
          label={t('benefits.field.planned')}
          value="planned"
          checked={form.planned}
          onChange={() => set({ planned: true })}
        />
        <Radio
          name={`${fieldIds.title}-planned`}
          label={t('benefits.field.unplanned')}
          value="unplanned"
          checked={!form.planned}
          onChange={() => set({ planned: false })}
        />
      </Fieldset>
      <div className="kp-pf-benefit-form__actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('benefits.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('benefits.cancel')}
        </Button>
      </div>
    </form>
  );
}

function MeasurementForm({ benefit, announce }: { benefit: Benefit; announce: (text: string) => void }) {
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

function CloseForm({ benefit, announce }: { benefit: Benefit; announce: (text: string) => void }) {
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
