import { LineChart } from '../../../web/components/charts/line-chart';
import { plannedValueOn, type Benefit } from '../benefits.schemas';
import { usePortfolioI18n } from './i18n';

// A benefit's trend as the kit's line chart: the plan from the baseline to the target (flat after
// the expected date) and the measurements, deviations marked; the measurements table is beside it.

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const date = (dayNumber: number) => new Date(Math.round(dayNumber) * 86_400_000).toISOString().slice(0, 10);

export function TrendChart({ benefit }: { benefit: Benefit }) {
  const { t, number, shortDate } = usePortfolioI18n();
  const lastMeasured = benefit.measurements.at(-1)?.measuredOn;
  const endDate = lastMeasured && lastMeasured > benefit.expectedDate ? lastMeasured : benefit.expectedDate;
  const x0 = day(benefit.baselineDate);
  const latest = benefit.latest ? `${number(benefit.latest.value)} (${shortDate(benefit.latest.measuredOn)})` : t('benefits.trendNone');
  const description = t('benefits.trendDesc', {
    baseline: number(benefit.baselineValue),
    baselineDate: shortDate(benefit.baselineDate),
    target: number(benefit.targetValue),
    expectedDate: shortDate(benefit.expectedDate),
    count: benefit.measurements.length,
    latest,
  });
  const [plan, measured, deviation] = [t('benefits.legend.plan'), t('benefits.legend.measured'), t('benefits.legend.deviation')];
  return (
    <LineChart
      title={t('benefits.trend', { title: benefit.title })}
      description={description}
      caption={false}
      width={560}
      plotHeight={150}
      x={{
        domain: [x0, Math.max(day(endDate), x0 + 1)],
        ticks: [benefit.baselineDate, benefit.expectedDate].map((d) => ({ value: day(d), label: shortDate(d) })),
        format: (d) => shortDate(date(d)),
      }}
      yTicks={[benefit.baselineValue, benefit.targetValue].map((v) => ({ value: v, label: number(v) }))}
      format={number}
      series={[
        {
          name: plan,
          tone: 'neutral',
          dashed: true,
          markers: false,
          points: [benefit.baselineDate, benefit.expectedDate, endDate].map((d) => ({ x: day(d), y: plannedValueOn(benefit, d) })),
        },
        {
          name: measured,
          tone: 'accent',
          points: benefit.measurements.map((m) => ({
            x: day(m.measuredOn),
            y: m.value,
            ...(m.deviates ? { tone: 'danger' as const, marker: 'diamond' as const, size: 6 } : { marker: 'circle' as const }),
            title: `${shortDate(m.measuredOn)}: ${number(m.value)}${m.deviates ? ` (${deviation})` : ''}`,
          })),
        },
      ]}
      legend={[
        { name: plan, tone: 'neutral', kind: 'line', dash: '6 4' },
        { name: measured, tone: 'accent', kind: 'line', marker: 'circle' },
        { name: deviation, tone: 'danger', kind: 'marker', marker: 'diamond' },
      ]}
    />
  );
}
