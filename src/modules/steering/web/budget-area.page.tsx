import { Alert, Button, ErrorSummary, Heading, Label, Link, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams, useSearch } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ApiError, errorMessage } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import type { AdjustmentStatus, AreaDetail } from '../budget.schemas';
import { areaBudgetQuery, useDeleteAdjustment, usePutBudgets, usePutForecast, useSaveAdjustment } from './budget-api';
import type { BudgetSearch } from './budget-search';
import { useMoney } from './budget-parts';
import { fieldProblems } from './decisions-parts';
import { useSteeringI18n } from './i18n';
import { SteeringNav } from './ui';
import './decisions.css';

/** /styring/budsjett/$code: an area's year — status, budget and plan, monthly actuals, forecast, measures with their decisions. */
export function BudgetAreaPage() {
  const { t } = useSteeringI18n();
  const { code } = useParams({ strict: false }) as { code: string };
  const search = useSearch({ strict: false }) as BudgetSearch;
  const detail = useQuery(areaBudgetQuery(code, search.year));
  if (detail.isPending)
    return (
      <Page title={t('budget.title')}>
        <SteeringNav />
        <Loading label={t('budget.loading')} />
      </Page>
    );
  if (detail.isError)
    return (
      <Page title={detail.error instanceof ApiError && detail.error.status === 404 ? t('budget.areaNotFound') : t('budget.title')}>
        <SteeringNav />
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      </Page>
    );
  return <AreaView detail={detail.data} />;
}

function AreaView({ detail }: { detail: AreaDetail }) {
  const { t, month, pick, kroner } = useSteeringI18n();
  const { money, pct } = useMoney();
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'steering:write');
  const { area, status } = detail;
  const year = status.year;
  const monthName = (m: number) => month(`${year}-${String(m).padStart(2, '0')}`);
  const adjustmentSum = detail.adjustments.reduce((s, a) => s + a.amount, 0);

  return (
    <Page title={`${area.code} ${area.name}`}>
      <SteeringNav />
      <Paragraph>
        <Link asChild>
          <RouterLink to="/styring/budsjett" search={{ year } as never}>
            {t('budget.back')}
          </RouterLink>
        </Link>
      </Paragraph>
      {detail.years.length > 1 && (
        <nav aria-label={t('budget.year')} className="kp-st-toolbar">
          {detail.years.map((y) =>
            y === year ? (
              <span key={y} aria-current="page">
                <strong>{y}</strong>
              </span>
            ) : (
              <Link key={y} asChild>
                <RouterLink to="/styring/budsjett/$code" params={{ code: area.code }} search={{ year: y } as never}>
                  {String(y)}
                </RouterLink>
              </Link>
            ),
          )}
        </nav>
      )}
      <dl className="kp-st-facts">
        <dt>{t('budget.committee')}</dt>
        <dd>{area.committee ?? '–'}</dd>
        <dt>{t('budget.units')}</dt>
        <dd>{area.units.length ? area.units.map((u) => u.name).join(', ') : t('budget.noUnits')}</dd>
        {area.source && (
          <>
            <dt>{t('budget.source')}</dt>
            <dd>{area.source}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="kp-st-status">
        <Heading level={2} data-size="sm" id="kp-st-status">
          {t('budget.status', { year })}
        </Heading>
        <dl className="kp-st-facts">
          <dt>{t('budget.colBudget')}</dt>
          <dd>{money(status.budget)}</dd>
          <dt>{t('budget.colActual')}</dt>
          <dd>
            {money(status.actualToDate)} ({t('budget.asOf', { month: monthName(status.asOfMonth) })})
          </dd>
          <dt>{t('budget.colForecast')}</dt>
          <dd>{money(status.forecast)}</dd>
          <dt>{t('budget.colDeviation')}</dt>
          <dd>
            <strong>{pick(status.deviationText)}</strong>
            {status.deviationPercent !== null && ` · ${pct(status.deviationPercent)}`}
          </dd>
        </dl>
        {status.assessment && (
          <div className="kp-st-panel">
            {status.deviationStated && <Paragraph data-size="sm">{t('budget.statedNote')}</Paragraph>}
            <Heading level={3} data-size="xs">
              {t('budget.statusText')} ({t('budget.asOf', { month: monthName(status.assessment.asOfMonth) })})
            </Heading>
            <Paragraph>{status.assessment.statusText}</Paragraph>
            <Heading level={3} data-size="xs">
              {t('budget.assessment')}
            </Heading>
            <Paragraph>{status.assessment.assessment}</Paragraph>
            <Heading level={3} data-size="xs">
              {t('budget.conclusion')}
            </Heading>
            <Paragraph>{status.assessment.conclusion}</Paragraph>
            {status.assessment.source && (
              <Paragraph data-size="sm">{t('budget.sourceLabel', { source: status.assessment.source })}</Paragraph>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="kp-st-plan">
        <Heading level={2} data-size="sm" id="kp-st-plan">
          {t('budget.plan', { year })}
        </Heading>
        {status.budget === null && status.plan.length === 0 ? (
          <Paragraph>{t('budget.noPlan')}</Paragraph>
        ) : (
          <Table data-size="sm" zebra>
            <caption>{t('budget.planCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('budget.planYear')}</Table.HeaderCell>
                <Table.HeaderCell className="kp-st-num">{t('budget.planAmount')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              <Table.Row>
                <Table.Cell>{`${t('budget.annual')} ${year}`}</Table.Cell>
                <Table.Cell className="kp-st-num">{money(status.budget)}</Table.Cell>
              </Table.Row>
              {status.plan.map((p) => (
                <Table.Row key={p.year}>
                  <Table.Cell>{p.year}</Table.Cell>
                  <Table.Cell className="kp-st-num">{kroner(p.amount)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {canWrite && <BudgetForm key={`${year}-${status.budget}`} code={area.code} year={year} budget={status.budget} plan={status.plan} />}
      </section>

      <section aria-labelledby="kp-st-actuals">
        <Heading level={2} data-size="sm" id="kp-st-actuals">
          {t('budget.actuals')}
        </Heading>
        {detail.actuals.length === 0 ? (
          <Paragraph>{t('budget.noActuals')}</Paragraph>
        ) : (
          <Table data-size="sm" zebra>
            <caption>{t('budget.actualsCaption', { year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('budget.month')}</Table.HeaderCell>
                <Table.HeaderCell className="kp-st-num">{t('budget.amount')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {detail.actuals.map((a) => (
                <Table.Row key={a.month}>
                  <Table.Cell>{monthName(a.month)}</Table.Cell>
                  <Table.Cell className="kp-st-num">{kroner(a.amount)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>

      <section aria-labelledby="kp-st-forecasts">
        <Heading level={2} data-size="sm" id="kp-st-forecasts">
          {t('budget.forecasts')}
        </Heading>
        {detail.forecasts.length === 0 ? (
          <Paragraph>{t('budget.noForecasts')}</Paragraph>
        ) : (
          <Table data-size="sm" zebra>
            <caption>{t('budget.forecastsCaption', { year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('budget.forecastAsOf')}</Table.HeaderCell>
                <Table.HeaderCell className="kp-st-num">{t('budget.colForecast')}</Table.HeaderCell>
                <Table.HeaderCell>{t('budget.forecastComment')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {detail.forecasts.map((f) => (
                <Table.Row key={f.asOfMonth}>
                  <Table.Cell>{monthName(f.asOfMonth)}</Table.Cell>
                  <Table.Cell className="kp-st-num">{kroner(f.amount)}</Table.Cell>
                  <Table.Cell>{f.comment ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {canWrite && <ForecastForm code={area.code} year={year} asOfMonth={status.asOfMonth} />}
      </section>

      <section aria-labelledby="kp-st-measures">
        <Heading level={2} data-size="sm" id="kp-st-measures">
          {t('budget.adjustments')}
        </Heading>
        {detail.adjustments.length === 0 ? (
          <Paragraph>{t('budget.noAdjustments')}</Paragraph>
        ) : (
          <div className="kp-st-scroll">
            <Table data-size="sm" zebra>
              <caption>{t('budget.adjustmentsCaption', { year })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('budget.adjTitle')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('budget.adjReason')}</Table.HeaderCell>
                  <Table.HeaderCell className="kp-st-num">{t('budget.adjAmount')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('budget.adjDecision')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('budget.adjStatus')}</Table.HeaderCell>
                  {canWrite && <Table.HeaderCell>{t('budget.adjRemove')}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {detail.adjustments.map((a) => (
                  <Table.Row key={a.id}>
                    <Table.Cell>
                      {a.title}
                      {a.source && (
                        <>
                          <br />
                          <span className="kp-st-muted">{t('budget.sourceLabel', { source: a.source })}</span>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>{a.reason}</Table.Cell>
                    <Table.Cell className="kp-st-num">{kroner(a.amount)}</Table.Cell>
                    <Table.Cell>
                      {a.decisionId ? (
                        <Link asChild>
                          <RouterLink to="/styring/vedtak/$id" params={{ id: a.decisionId }}>
                            {a.decisionReference ?? `sak ${a.decisionCaseNumber}`}
                          </RouterLink>
                        </Link>
                      ) : (
                        (a.decisionReference ?? '–')
                      )}
                    </Table.Cell>
                    <Table.Cell>{t(`budget.adjStatus.${a.status}`)}</Table.Cell>
                    {canWrite && (
                      <Table.Cell>
                        <RemoveAdjustment id={a.id} revision={a.revision} title={a.title} />
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
              <Table.Foot>
                <Table.Row>
                  <Table.HeaderCell>{t('budget.adjSum')}</Table.HeaderCell>
                  <Table.Cell />
                  <Table.Cell className="kp-st-num">
                    <strong>{kroner(adjustmentSum)}</strong>
                  </Table.Cell>
                  <Table.Cell />
                  <Table.Cell />
                  {canWrite && <Table.Cell />}
                </Table.Row>
              </Table.Foot>
            </Table>
          </div>
        )}
        {canWrite && <AdjustmentForm code={area.code} year={year} />}
      </section>
    </Page>
  );
}

function RemoveAdjustment({ id, revision, title }: { id: string; revision: number; title: string }) {
  const { t } = useSteeringI18n();
  const remove = useDeleteAdjustment();
  return (
    <Button
      variant="tertiary"
      data-size="sm"
      aria-label={t('budget.adjRemoveLabel', { title })}
      loading={remove.isPending}
      onClick={() => void remove.mutateAsync({ id, revision }).catch(() => undefined)}
    >
      {t('budget.adjRemove')}
    </Button>
  );
}

const parseKroner = (text: string): number | null => {
  const cleaned = text
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.')
    .replace('\u2212', '-');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
};

/** A form's outcome line: saved, or the problems (field messages from the server). */
function Outcome({
  error,
  saved,
  savedText,
  fields,
  anchor,
}: {
  error: unknown;
  saved: boolean;
  savedText: string;
  fields: Record<string, string>;
  anchor: string;
}) {
  const { t, language } = useSteeringI18n();
  const server = fieldProblems(error, language);
  return (
    <div role="status" aria-live="polite">
      {saved && (
        <Alert data-color="success">
          <Paragraph>{savedText}</Paragraph>
        </Alert>
      )}
      {(error || Object.keys(fields).length > 0) && (
        <ErrorSummary>
          <ErrorSummary.Heading level={3}>{t('budget.saveFailed')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {Object.entries(fields).map(([id, message]) => (
              <ErrorSummary.Item key={id}>
                <ErrorSummary.Link href={`#${id}`}>{message}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
            {Boolean(error) && (
              <ErrorSummary.Item>
                <ErrorSummary.Link href={`#${anchor}`}>{Object.values(server)[0] || errorMessage(error, language)}</ErrorSummary.Link>
              </ErrorSummary.Item>
            )}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
    </div>
  );
}

function ForecastForm({ code, year, asOfMonth }: { code: string; year: number; asOfMonth: number }) {
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
      <Outcome error={put.error} saved={saved} savedText={t('budget.forecastSaved')} fields={fields} anchor={`${ids}-h`} />
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

function BudgetForm({
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
      <Outcome error={put.error} saved={saved} savedText={t('decisions.saved')} fields={fields} anchor={`${ids}-h`} />
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

function AdjustmentForm({ code, year }: { code: string; year: number }) {
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
      <Outcome error={save.error} saved={saved} savedText={t('budget.adjSaved')} fields={fields} anchor={`${ids}-h`} />
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
