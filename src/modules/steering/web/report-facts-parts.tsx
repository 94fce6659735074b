import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReportArea, ReportDetail } from '../reports.schemas';
import { useSteeringI18n } from './i18n';
import { EmptyState } from '../../../web/components/empty-state';

// What a report's area section states from the other parts: its indicators (the red ones listed),
// its budget and measures, and the political decisions it follows up.

export function IndicatorFacts({ area }: { area: ReportArea }) {
  const { t, number } = useSteeringI18n();
  const { indicators } = area;
  const red = indicators.items.filter((i) => i.status === 'red');
  return (
    <div className="kp-st-report-block">
      <Heading level={3} data-size="xs">
        {t('reports.indicators')}
      </Heading>
      {indicators.total === 0 ? (
        <EmptyState>{t('reports.noIndicators')}</EmptyState>
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

export function BudgetFacts({ report, area }: { report: ReportDetail; area: ReportArea }) {
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

export function DecisionFacts({ area }: { area: ReportArea }) {
  const { t, shortDate } = useSteeringI18n();
  return (
    <div className="kp-st-report-block">
      <Heading level={3} data-size="xs">
        {t('reports.decisions')}
      </Heading>
      {area.decisions.length === 0 ? (
        <EmptyState>{t('reports.noDecisions')}</EmptyState>
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
