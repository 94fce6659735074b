import { LineChart, type Reference } from '../../../web/components/charts/line-chart';
import type { MarkerShape, Tone } from '../../../web/components/charts/palette';
import type { SeriesPoint } from '../indicators.schemas';
import { useSteeringI18n } from './i18n';

// The indicator's trend as the kit's line chart: the values over the periods, each point in its
// status' colour and shape, the green and red thresholds as lines with the band between them; the
// figures are in the table the page shows beside it.

const statusMark: Record<SeriesPoint['status'], { tone: Tone; marker: MarkerShape }> = {
  green: { tone: 'success', marker: 'circle' },
  yellow: { tone: 'warning', marker: 'diamond' },
  red: { tone: 'danger', marker: 'triangle' },
  none: { tone: 'neutral', marker: 'square' },
};

export function TrendChart({
  series,
  greenAt,
  redAt,
  unit,
}: {
  series: SeriesPoint[];
  greenAt: number | null;
  redAt: number | null;
  unit: string;
}) {
  const { t, number } = useSteeringI18n();
  const points = series.filter((p): p is SeriesPoint & { value: number } => p.value !== null);
  if (points.length === 0) return null;
  const suffix = unit ? ` ${unit}` : '';
  const references: Reference[] = [];
  if (greenAt !== null)
    references.push({
      value: greenAt,
      label: t('indicators.chart.green', { value: `${number(greenAt)}${suffix}` }),
      tone: 'success',
      dash: '6 4',
    });
  if (redAt !== null && redAt !== greenAt)
    references.push({
      value: redAt,
      label: t('indicators.chart.red', { value: `${number(redAt)}${suffix}` }),
      tone: 'danger',
      dash: '2 4',
    });
  return (
    <LineChart
      title={t('indicators.detail.trend')}
      description=""
      caption={false}
      width={640}
      plotHeight={188}
      x={{ categories: points.map((p) => p.period) }}
      format={number}
      references={references}
      band={greenAt !== null && redAt !== null && redAt !== greenAt ? { from: greenAt, to: redAt, tone: 'warning' } : undefined}
      series={[
        {
          name: t('indicators.col.value'),
          tone: 'neutral',
          points: points.map((p, i) => ({
            x: i,
            y: p.value,
            ...statusMark[p.status],
            size: 4,
            title: `${p.period}: ${number(p.value)}${suffix}`,
          })),
        },
      ]}
    />
  );
}
