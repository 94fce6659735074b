import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import type { AreaDetail } from '../budget.schemas';
import { useDeleteAdjustment } from './budget-api';
import { AdjustmentForm, BudgetForm, ForecastForm } from './budget-form-parts';
import { useMoney } from './budget-parts';
import { useSteeringI18n } from './i18n';
import { EmptyState } from '../../../web/components/empty-state';

// The sections of a programme area's budget year: status, budget and plan, monthly actuals,
// forecasts, and measures with their decisions. The forms are in ./budget-form-parts.

/** The month's name in the year shown. */
function useMonthName(year: number) {
  const { month } = useSteeringI18n();
  return (m: number) => month(`${year}-${String(m).padStart(2, '0')}`);
}

/** The years there are figures for, the one shown marked. */
export function YearLinks({ detail }: { detail: AreaDetail }) {
  const { t } = useSteeringI18n();
  const year = detail.status.year;
  if (detail.years.length <= 1) return null;
  return (
    <nav aria-label={t('budget.year')} className="kp-st-toolbar">
      {detail.years.map((y) =>
        y === year ? (
          <span key={y} aria-current="page">
            <strong>{y}</strong>
          </span>
        ) : (
          <Link key={y} asChild>
            <RouterLink to="/styring/budsjett/$code" params={{ code: detail.area.code }} search={{ year: y } as never}>
              {String(y)}
            </RouterLink>
          </Link>
        ),
      )}
    </nav>
  );
}

/** The area's committee, units and source. */
export function AreaFacts({ detail }: { detail: AreaDetail }) {
  const { t } = useSteeringI18n();
  const { area } = detail;
  return (
    <Facts
      items={[
        { term: t('budget.committee'), value: area.committee ?? '–' },
        { term: t('budget.units'), value: area.units.length ? area.units.map((u) => u.name).join(', ') : t('budget.noUnits') },
        ...(area.source ? [{ term: t('budget.source'), value: area.source }] : []),
      ]}
    />
  );
}

export function StatusSection({ detail }: { detail: AreaDetail }) {
  const { t, pick } = useSteeringI18n();
  const { money, pct } = useMoney();
  const { status } = detail;
  const year = status.year;
  const monthName = useMonthName(year);
  return (
    <section aria-labelledby="kp-st-status">
      <SectionHeading id="kp-st-status">{t('budget.status', { year })}</SectionHeading>
      <Facts
        items={[
          { term: t('budget.colBudget'), value: money(status.budget) },
          {
            term: t('budget.colActual'),
            value: `${money(status.actualToDate)} (${t('budget.asOf', { month: monthName(status.asOfMonth) })})`,
          },
          { term: t('budget.colForecast'), value: money(status.forecast) },
          {
            term: t('budget.colDeviation'),
            value: (
              <>
                <strong>{pick(status.deviationText)}</strong>
                {status.deviationPercent !== null && ` · ${pct(status.deviationPercent)}`}
              </>
            ),
          },
        ]}
      />
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
  );
}

export function PlanSection({ detail, canWrite }: { detail: AreaDetail; canWrite: boolean }) {
  const { t, kroner } = useSteeringI18n();
  const { money } = useMoney();
  const { area, status } = detail;
  const year = status.year;
  return (
    <section aria-labelledby="kp-st-plan">
      <SectionHeading id="kp-st-plan">{t('budget.plan', { year })}</SectionHeading>
      {status.budget === null && status.plan.length === 0 ? (
        <EmptyState>{t('budget.noPlan')}</EmptyState>
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
  );
}

export function ActualsSection({ detail }: { detail: AreaDetail }) {
  const { t, kroner } = useSteeringI18n();
  const year = detail.status.year;
  const monthName = useMonthName(year);
  return (
    <section aria-labelledby="kp-st-actuals">
      <SectionHeading id="kp-st-actuals">{t('budget.actuals')}</SectionHeading>
      {detail.actuals.length === 0 ? (
        <EmptyState>{t('budget.noActuals')}</EmptyState>
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
  );
}

export function ForecastsSection({ detail, canWrite }: { detail: AreaDetail; canWrite: boolean }) {
  const { t, kroner } = useSteeringI18n();
  const { area, status } = detail;
  const year = status.year;
  const monthName = useMonthName(year);
  return (
    <section aria-labelledby="kp-st-forecasts">
      <SectionHeading id="kp-st-forecasts">{t('budget.forecasts')}</SectionHeading>
      {detail.forecasts.length === 0 ? (
        <EmptyState>{t('budget.noForecasts')}</EmptyState>
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
  );
}

export function MeasuresSection({ detail, canWrite }: { detail: AreaDetail; canWrite: boolean }) {
  const { t, kroner } = useSteeringI18n();
  const { area } = detail;
  const year = detail.status.year;
  const adjustmentSum = detail.adjustments.reduce((s, a) => s + a.amount, 0);
  return (
    <section aria-labelledby="kp-st-measures">
      <SectionHeading id="kp-st-measures">{t('budget.adjustments')}</SectionHeading>
      {detail.adjustments.length === 0 ? (
        <EmptyState>{t('budget.noAdjustments')}</EmptyState>
      ) : (
        <div className="kp-table-scroll">
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
