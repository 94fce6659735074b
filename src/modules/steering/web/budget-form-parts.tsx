import { Alert, Button, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ProblemSummary } from '../../../web/components/problem-summary';
import type { AdjustmentStatus } from '../budget.schemas';
import { usePutBudgets, usePutForecast, useSaveAdjustment } from './budget-api';
import { useSteeringI18n } from './i18n';

// The forms of a programme area's budget year: the budget and plan, a forecast, and a measure.

const parseKroner = (text: string): number | null => {
  const cleaned = text
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.')
    .replace('\u2212', '-');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
};

/** A form's outcome line: saved, the problems found before sending (input id → message), or the server's refusal. */
function Outcome({
  error,
  saved,
  savedText,
  fields,
}: {
  error: unknown;
  saved: boolean;
  savedText: string;
  fields: Record<string, string>;
}) {
  const { t } = useSteeringI18n();
  return (
    <div role="status" aria-live="polite">
      {saved && (
        <Alert data-color="success">
          <Paragraph>{savedText}</Paragraph>
        </Alert>
      )}
      <ProblemSummary
        heading={t('budget.saveFailed')}
        problems={Object.entries(fields).map(([id, message]) => ({ id, message }))}
        error={error}
      />
    </div>
  );
}

export function ForecastForm({ code, year, asOfMonth }: { code: string; year: number; asOfMonth: number }) {
  const { t, month } = useSteeringI18n();
  const ids = useId();
  const put = usePutForecast(code);
  const [monthValue, setMonthValue] = useState(String(asOfMonth));
  const [amount, setAmount] = useState('');
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const parsed = parseKroner(amount);
  const fields: Record<string, string> = tried && parsed === null ? { [`${ids}-amount`]: t('budget.amountRequired') } : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaved(false);
    if (parsed === null) return;
    void put.mutateAsync({ year, asOfMonth: Number(monthValue), amount: parsed, comment: comment.trim() || null }).then(
      () => {
        setSaved(true);
        setTried(false);
        setAmount('');
        setComment('');
      },
      () => undefined,
    );
  };
  return (
    <form className="kp-st-form kp-st-panel" onSubmit={submit} noValidate aria-labelledby={`${ids}-h`}>
      <Heading level={3} data-size="xs" id={`${ids}-h`}>
        {t('budget.forecastForm')}
      </Heading>
      <Outcome error={put.error} saved={saved} savedText={t('budget.forecastSaved')} fields={fields} />
      <div className="kp-st-form__grid">
        <div className="kp-st-field">
          <Label htmlFor={`${ids}-month`}>{t('budget.forecastAsOf')}</Label>
          <Select id={`${ids}-month`} value={monthValue} onChange={(e) => setMonthValue(e.target.value)}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {month(`${year}-${String(m).padStart(2, '0')}`)}
              </option>
            ))}
          </Select>
        </div>
        <Textfield
          id={`${ids}-amount`}
          label={t('budget.forecastAmount')}
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={fields[`${ids}-amount`]}
        />
      </div>
      <Textfield label={t('budget.forecastComment')} multiline rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      <div className="kp-st-actions">
        <Button type="submit" loading={put.isPending}>
          {t('budget.save')}
        </Button>
      </div>
    </form>
  );
}

export function BudgetForm({
  code,
  year,
  budget,
  plan,
}: {
  code: string;
  year: number;
  budget: number | null;
  plan: { year: number; amount: number }[];
}) {
  const { t } = useSteeringI18n();
  const ids = useId();
  const put = usePutBudgets(code);
  const planYears = [year, year + 1, year + 2, year + 3];
  const [budgetText, setBudgetText] = useState(budget === null ? '' : String(budget));
  const [planText, setPlanText] = useState(planYears.map((y) => String(plan.find((p) => p.year === y)?.amount ?? '')));
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const [open, setOpen] = useState(false);
  const parsedBudget = parseKroner(budgetText);
  const fields: Record<string, string> = {};
  if (tried && parsedBudget === null) fields[`${ids}-budget`] = t('budget.amountRequired');
  planText.forEach((text, i) => {
    if (tried && text.trim() !== '' && parseKroner(text) === null) fields[`${ids}-plan-${i}`] = t('budget.amountRequired');
  });
  if (!open)
    return (
      <Button variant="secondary" className="kp-st-new" onClick={() => setOpen(true)}>
        {t('budget.setBudget')}
      </Button>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaved(false);
    const planValues = planText.map((text, i) => ({ year: planYears[i]!, amount: parseKroner(text) })).filter((p) => p.amount !== null) as {
      year: number;
      amount: number;
    }[];
    if (parsedBudget === null || planText.some((text) => text.trim() !== '' && parseKroner(text) === null)) return;
    void put.mutateAsync({ year, budget: parsedBudget, plan: planValues }).then(
      () => {
        setSaved(true);
        setTried(false);
      },
      () => undefined,
    );
  };
  return (
    <form className="kp-st-form kp-st-panel" onSubmit={submit} noValidate aria-labelledby={`${ids}-h`}>
      <Heading level={3} data-size="xs" id={`${ids}-h`}>
        {t('budget.setBudget')}
      </Heading>
      <Outcome error={put.error} saved={saved} savedText={t('decisions.saved')} fields={fields} />
      <Textfield
        id={`${ids}-budget`}
        label={t('budget.budgetAmount', { year })}
        inputMode="numeric"
        value={budgetText}
        onChange={(e) => setBudgetText(e.target.value)}
        error={fields[`${ids}-budget`]}
      />
      <div className="kp-st-form__grid">
        {planYears.map((y, i) => (
          <Textfield
            key={y}
            id={`${ids}-plan-${i}`}
            label={t('budget.planAmountFor', { year: y })}
            inputMode="numeric"
            value={planText[i]}
            onChange={(e) => setPlanText((current) => current.map((v, j) => (j === i ? e.target.value : v)))}
            error={fields[`${ids}-plan-${i}`]}
          />
        ))}
      </div>
      <div className="kp-st-actions">
        <Button type="submit" loading={put.isPending}>
          {t('budget.save')}
        </Button>
      </div>
    </form>
  );
}

export function AdjustmentForm({ code, year }: { code: string; year: number }) {
  const { t } = useSteeringI18n();
  const ids = useId();
  const save = useSaveAdjustment();
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [status, setStatus] = useState<AdjustmentStatus>('proposed');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const parsed = parseKroner(amount);
  const fields: Record<string, string> = {};
  if (tried && !title.trim()) fields[`${ids}-title`] = t('budget.adjTitleRequired');
  if (tried && parsed === null) fields[`${ids}-amount`] = t('budget.amountRequired');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaved(false);
    if (!title.trim() || parsed === null) return;
    void save
      .mutateAsync({
        id: null,
        body: { areaCode: code, year, title: title.trim(), reason, amount: parsed, decisionReference: reference.trim() || null, status },
      })
      .then(
        () => {
          setSaved(true);
          setTried(false);
          setTitle('');
          setReason('');
          setAmount('');
          setReference('');
        },
        () => undefined,
      );
  };
  return (
    <form ref={formRef} className="kp-st-form kp-st-panel" onSubmit={submit} noValidate aria-labelledby={`${ids}-h`}>
      <Heading level={3} data-size="xs" id={`${ids}-h`}>
        {t('budget.adjNew')}
      </Heading>
      <Outcome error={save.error} saved={saved} savedText={t('budget.adjSaved')} fields={fields} />
      <Textfield
        id={`${ids}-title`}
        label={t('budget.adjTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fields[`${ids}-title`]}
      />
      <Textfield label={t('budget.adjReason')} multiline rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="kp-st-form__grid">
        <Textfield
          id={`${ids}-amount`}
          label={`${t('budget.adjAmount')} (kr)`}
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={fields[`${ids}-amount`]}
        />
        <div className="kp-st-field">
          <Label htmlFor={`${ids}-status`}>{t('budget.adjStatus')}</Label>
          <Select id={`${ids}-status`} value={status} onChange={(e) => setStatus(e.target.value as AdjustmentStatus)}>
            {(['proposed', 'adopted', 'rejected'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`budget.adjStatus.${s}`)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Textfield label={t('budget.adjDecisionRef')} value={reference} onChange={(e) => setReference(e.target.value)} />
      <div className="kp-st-actions">
        <Button type="submit" loading={save.isPending}>
          {t('budget.save')}
        </Button>
      </div>
    </form>
  );
}
