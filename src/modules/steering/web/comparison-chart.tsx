import { LineChart } from '../../../web/components/charts/line-chart';
import type { ComparisonSeries } from '../imports.schemas';

// The comparison as the kit's line chart: one line per region over the periods (one's own drawn
// thicker), the names at the lines' ends; the figures are in the table the page shows beside it.

export function ComparisonChart({
  title,
  description,
  periods,
  series,
  format,
}: {
  title: string;
  description: string;
  periods: string[];
  series: ComparisonSeries[];
  format: (value: number) => string;
}) {
  return (
    <LineChart
      title={title}
      description={description}
      className="kp-st-chart"
      width={760}
      plotHeight={280}
      x={{ categories: periods }}
      format={format}
      endLabels
      series={series.map((s) => ({
        name: s.label,
        emphasis: s.own,
        points: s.values
          .filter((v) => periods.includes(v.period))
          .map((v) => ({ x: periods.indexOf(v.period), y: v.value, title: `${s.label}, ${v.period}: ${format(v.value)}` })),
      }))}
    />
  );
}
