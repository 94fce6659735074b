import { Button, Checkbox, ErrorSummary, Fieldset, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { EntityCombobox } from '../../../web/components/combobox/combobox';
import { unitPathOptions } from '../../../web/components/combobox/unit-path-options';
import { ErrorAlert } from '../../../web/components/status';
import { ApiError } from '../../../web/data/client';
import { useFocusWhen } from '../../../web/components/use-focus-when';
import {
  initiativeCategories,
  initiativeSizes,
  type InitiativeCategory,
  type InitiativeDetail,
  type InitiativeOptions,
  type InitiativeSize,
  type ProposeInitiativeBody,
} from '../initiatives.schemas';
import { usePortfolioI18n, type PortfolioKey } from './i18n';
import './initiatives.css';

// The standard intake form, used to propose an initiative (/portefolje/nytt) and to edit one on its page. Checks
// what it can before sending; the server's refusal is shown field by field and in the summary.

/** The form's fields as typed (text), before they become a request body. */
type Draft = {
  title: string;
  problem: string;
  need: string;
  beneficiaries: string;
  ownerUnitId: string;
  digitalAgentId: string;
  category: InitiativeCategory;
  size: InitiativeSize;
  estimatedCost: string;
  estimatedMonths: string;
  plannedStart: string;
  plannedEnd: string;
  architectureNotes: string;
  personalData: boolean;
  dpiaNeeded: 'yes' | 'no' | 'unknown';
  privacyNotes: string;
  goalIds: string[];
  decisionIds: string[];
};

const emptyDraft: Draft = {
  title: '',
  problem: '',
  need: '',
  beneficiaries: '',
  ownerUnitId: '',
  digitalAgentId: '',
  category: 'quality',
  size: 'small',
  estimatedCost: '',
  estimatedMonths: '',
  plannedStart: '',
  plannedEnd: '',
  architectureNotes: '',
  personalData: false,
  dpiaNeeded: 'unknown',
  privacyNotes: '',
  goalIds: [],
  decisionIds: [],
};

export function draftOf(detail: InitiativeDetail): Draft {
  return {
    title: detail.title,
    problem: detail.problem,
    need: detail.need,
    beneficiaries: detail.beneficiaries,
    ownerUnitId: detail.ownerUnit.id,
    digitalAgentId: detail.digitalAgent?.id ?? '',
    category: detail.category,
    size: detail.size,
    estimatedCost: String(detail.estimatedCost),
    estimatedMonths: detail.estimatedMonths === null ? '' : String(detail.estimatedMonths),
    plannedStart: detail.plannedStart ?? '',
    plannedEnd: detail.plannedEnd ?? '',
    architectureNotes: detail.architectureNotes,
    personalData: detail.personalData,
    dpiaNeeded: detail.dpiaNeeded === null ? 'unknown' : detail.dpiaNeeded ? 'yes' : 'no',
    privacyNotes: detail.privacyNotes,
    goalIds: detail.goals.map((g) => g.id),
    decisionIds: detail.decisions.map((d) => d.id),
  };
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const parseNumber = (text: string) => Number(text.replace(/\s/g, '').replace(',', '.'));

type FieldName = keyof Draft;
type Errors = Partial<Record<FieldName, string>>;

function checkDraft(draft: Draft, t: (key: PortfolioKey) => string): Errors {
  const errors: Errors = {};
  if (!draft.title.trim()) errors.title = t('initiatives.form.err.title');
  if (!draft.ownerUnitId) errors.ownerUnitId = t('initiatives.form.err.ownerUnit');
  const cost = parseNumber(draft.estimatedCost || '0');
  if (!Number.isFinite(cost) || cost < 0) errors.estimatedCost = t('initiatives.form.err.cost');
  if (draft.estimatedMonths.trim()) {
    const months = parseNumber(draft.estimatedMonths);
    if (!Number.isInteger(months) || months < 1 || months > 120) errors.estimatedMonths = t('initiatives.form.err.months');
  }
  if (draft.plannedStart.trim() && !monthPattern.test(draft.plannedStart.trim())) errors.plannedStart = t('initiatives.form.err.month');
  if (draft.plannedEnd.trim() && !monthPattern.test(draft.plannedEnd.trim())) errors.plannedEnd = t('initiatives.form.err.month');
  if (!errors.plannedStart && !errors.plannedEnd && draft.plannedStart && draft.plannedEnd && draft.plannedEnd < draft.plannedStart)
    errors.plannedEnd = t('initiatives.form.err.endBeforeStart');
  return errors;
}

function bodyOf(draft: Draft): ProposeInitiativeBody {
  return {
    title: draft.title.trim(),
    problem: draft.problem.trim(),
    need: draft.need.trim(),
    beneficiaries: draft.beneficiaries.trim(),
    ownerUnitId: draft.ownerUnitId,
    digitalAgentId: draft.digitalAgentId || null,
    category: draft.category,
    size: draft.size,
    estimatedCost: parseNumber(draft.estimatedCost || '0'),
    estimatedMonths: draft.estimatedMonths.trim() ? parseNumber(draft.estimatedMonths) : null,
    plannedStart: draft.plannedStart.trim() || null,
    plannedEnd: draft.plannedEnd.trim() || null,
    architectureNotes: draft.architectureNotes.trim(),
    personalData: draft.personalData,
    dpiaNeeded: draft.dpiaNeeded === 'unknown' ? null : draft.dpiaNeeded === 'yes',
    privacyNotes: draft.privacyNotes.trim(),
    goalIds: draft.goalIds,
    decisionIds: draft.decisionIds,
  };
}

/** The server's problems (details with a path like '/goalIds/0') by field, in the UI language. */
function serverErrors(error: unknown, language: 'nb' | 'en'): Errors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: Errors = {};
  for (const detail of error.details as { path?: string; message?: unknown; problem?: string }[]) {
    const field = (detail.path ?? '').split('/').filter(Boolean)[0] as FieldName | undefined;
    if (!field || !(field in emptyDraft) || errors[field]) continue;
    const message = detail.message;
    errors[field] =
      typeof message === 'object' && message !== null && language in message
        ? String((message as Record<string, string>)[language])
        : typeof message === 'string'
          ? message
          : (detail.problem ?? '');
  }
  return errors;
}

export function InitiativeForm({
  options,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  extraError,
}: {
  options: InitiativeOptions;
  initial?: Draft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: ProposeInitiativeBody) => void;
  onCancel?: () => void;
  /** Shown in the summary instead of the server's message (e.g. the stale-edit text with a reload button). */
  extraError?: ReactNode;
}) {
  const { t, language, collator } = usePortfolioI18n();
  const ids = useId();
  const [draft, setDraft] = useState<Draft>(initial ?? emptyDraft);
  const [attempt, setAttempt] = useState(0);
  const set = <K extends FieldName>(name: K, value: Draft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const fieldId = (name: FieldName) => `${ids}-${name}`;

  const clientErrors = checkDraft(draft, t);
  const fromServer = serverErrors(error, language);
  const errors: Errors = attempt > 0 ? { ...fromServer, ...clientErrors } : fromServer;
  const entries = Object.entries(errors).filter((e): e is [FieldName, string] => Boolean(e[1]));
  const showSummary = (attempt > 0 && entries.length > 0) || Boolean(error);
  const summaryRef = useFocusWhen<HTMLDivElement>(showSummary);
  const goalsSorted = options.goals;
  const users = useMemo(() => [...options.users].sort((a, b) => collator.compare(a.displayName, b.displayName)), [options.users, collator]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (Object.keys(clientErrors).length > 0) return;
    onSubmit(bodyOf(draft));
  };

  const required = (text: string) => (
    <>
      {text} <span className="kp-pf-required">{t('initiatives.form.required')}</span>
    </>
  );
  // One radio per value; the checked one carries the field's id, for the error summary's link.
  const choice = <K extends 'category' | 'size'>(name: K, values: readonly Draft[K][]) => (
    <Fieldset>
      <Fieldset.Legend>{t(`initiatives.form.field.${name}`)}</Fieldset.Legend>
      {values.map((v) => (
        <Radio
          key={v}
          id={v === draft[name] ? fieldId(name) : undefined}
          name={`${ids}-${name}`}
          value={v}
          label={t(`initiatives.${name}.${v}` as PortfolioKey)}
          checked={draft[name] === v}
          onChange={() => set(name, v)}
        />
      ))}
    </Fieldset>
  );
  const text = (
    name: 'title' | 'problem' | 'need' | 'beneficiaries' | 'architectureNotes' | 'privacyNotes',
    label: ReactNode,
    help?: string,
    multiline = false,
  ) => {
    const field = { id: fieldId(name), label, description: help, value: draft[name], error: errors[name] };
    return multiline ? (
      <Textfield {...field} onChange={(e) => set(name, e.target.value)} multiline rows={4} />
    ) : (
      <Textfield {...field} onChange={(e) => set(name, e.target.value)} autoComplete="off" />
    );
  };
  const small = (name: 'estimatedCost' | 'estimatedMonths' | 'plannedStart' | 'plannedEnd', label: string, help?: string) => (
    <Textfield
      id={fieldId(name)}
      label={label}
      description={help}
      value={draft[name]}
      onChange={(e) => set(name, e.target.value)}
      error={errors[name]}
      inputMode={name === 'estimatedCost' || name === 'estimatedMonths' ? 'numeric' : undefined}
      autoComplete="off"
      className="kp-pf-short"
    />
  );

  return (
    <form onSubmit={submit} noValidate className="kp-pf-form">
      {showSummary && (
        <div ref={summaryRef} tabIndex={-1}>
          <ErrorSummary key={attempt}>
            <ErrorSummary.Heading level={2}>
              {t(error && entries.length === 0 ? 'initiatives.form.refusedHeading' : 'initiatives.form.errorsHeading')}
            </ErrorSummary.Heading>
            {extraError ?? (error instanceof ApiError && <Paragraph>{error.message}</Paragraph>)}
            {entries.length > 0 && (
              <ErrorSummary.List>
                {entries.map(([name, message]) => (
                  <ErrorSummary.Item key={name}>
                    <ErrorSummary.Link href={`#${fieldId(name)}`}>{message}</ErrorSummary.Link>
                  </ErrorSummary.Item>
                ))}
              </ErrorSummary.List>
            )}
          </ErrorSummary>
        </div>
      )}
      {error && !(error instanceof ApiError) ? <ErrorAlert error={error} /> : null}

      {text('title', required(t('initiatives.form.field.title')))}
      {text('problem', t('initiatives.form.field.problem'), t('initiatives.form.help.problem'), true)}
      {text('need', t('initiatives.form.field.need'), t('initiatives.form.help.need'), true)}
      {text('beneficiaries', t('initiatives.form.field.beneficiaries'))}

      <EntityCombobox
        className="kp-pf-field"
        id={fieldId('ownerUnitId')}
        label={required(t('initiatives.form.field.ownerUnit'))}
        description={t('initiatives.form.help.ownerUnit')}
        options={unitPathOptions(options.units, collator.compare)}
        value={draft.ownerUnitId}
        onChange={(value) => set('ownerUnitId', value)}
        error={errors.ownerUnitId}
      />

      <EntityCombobox
        className="kp-pf-field"
        id={fieldId('digitalAgentId')}
        label={t('initiatives.form.field.digitalAgent')}
        description={t('initiatives.form.help.digitalAgent')}
        options={users.map((u) => ({ value: u.id, label: u.displayName }))}
        value={draft.digitalAgentId}
        onChange={(value) => set('digitalAgentId', value)}
        error={errors.digitalAgentId}
      />

      {choice('category', initiativeCategories)}
      {choice('size', initiativeSizes)}
      <div className="kp-pf-row">
        {small('estimatedCost', t('initiatives.form.field.cost'))}
        {small('estimatedMonths', t('initiatives.form.field.months'))}
        {small('plannedStart', t('initiatives.form.field.plannedStart'), t('initiatives.form.help.month'))}
        {small('plannedEnd', t('initiatives.form.field.plannedEnd'), t('initiatives.form.help.month'))}
      </div>

      <Fieldset>
        <Fieldset.Legend>{t('initiatives.form.architecture')}</Fieldset.Legend>
        {text('architectureNotes', t('initiatives.form.field.architectureNotes'), t('initiatives.form.help.architectureNotes'), true)}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('initiatives.form.privacy')}</Fieldset.Legend>
        <Checkbox
          id={fieldId('personalData')}
          label={t('initiatives.form.field.personalData')}
          checked={draft.personalData}
          onChange={(e) => set('personalData', e.target.checked)}
        />
        <Fieldset>
          <Fieldset.Legend>{t('initiatives.form.field.dpiaNeeded')}</Fieldset.Legend>
          {(['yes', 'no', 'unknown'] as const).map((v) => (
            <Radio
              key={v}
              id={v === draft.dpiaNeeded ? fieldId('dpiaNeeded') : undefined}
              name={`${ids}-dpia`}
              value={v}
              label={t(`initiatives.form.dpia.${v}`)}
              checked={draft.dpiaNeeded === v}
              onChange={() => set('dpiaNeeded', v)}
            />
          ))}
        </Fieldset>
        {text('privacyNotes', t('initiatives.form.field.privacyNotes'), undefined, true)}
      </Fieldset>

      <Fieldset id={fieldId('goalIds')} tabIndex={-1}>
        <Fieldset.Legend>{t('initiatives.form.field.goals')}</Fieldset.Legend>
        {goalsSorted.length === 0 && <Paragraph data-size="sm">{t('initiatives.form.noGoals')}</Paragraph>}
        {goalsSorted.map((g) => (
          <Checkbox
            key={g.id}
            label={g.title}
            value={g.id}
            className={g.parentId ? 'kp-pf-indent' : undefined}
            checked={draft.goalIds.includes(g.id)}
            onChange={(e) => set('goalIds', e.target.checked ? [...draft.goalIds, g.id] : draft.goalIds.filter((id) => id !== g.id))}
          />
        ))}
        {errors.goalIds && <ValidationMessage data-color="danger">{errors.goalIds}</ValidationMessage>}
      </Fieldset>

      {options.decisions.length > 0 && (
        <Fieldset id={fieldId('decisionIds')} tabIndex={-1}>
          <Fieldset.Legend>{t('initiatives.form.field.decisions')}</Fieldset.Legend>
          {options.decisions.map((d) => (
            <Checkbox
              key={d.id}
              label={`${d.caseNumber} ${d.title}`}
              value={d.id}
              checked={draft.decisionIds.includes(d.id)}
              onChange={(e) =>
                set('decisionIds', e.target.checked ? [...draft.decisionIds, d.id] : draft.decisionIds.filter((id) => id !== d.id))
              }
            />
          ))}
          {errors.decisionIds && <ValidationMessage data-color="danger">{errors.decisionIds}</ValidationMessage>}
        </Fieldset>
      )}

      <div className="kp-pf-actions">
        <Button type="submit" disabled={pending}>
          {pending ? t('initiatives.form.sending') : submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('initiatives.form.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
