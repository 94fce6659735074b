import { BarChart } from '../../../web/components/charts/bar-chart';
import type { AreaBudgetStatus } from '../budget.schemas';
import { useSteeringI18n } from './i18n';

// The deviation chart of the budget page: bars around zero, an overspend to the right (hatched red).
// The numbers are in the table beside it.

export function DeviationChart({ areas, year }: { areas: AreaBudgetStatus[]; year: number }) {
  const { t, kroner } = useSteeringI18n();
  const rows = areas.filter((a) => a.deviation !== null);
  if (rows.length === 0) return null;
  const over = rows.filter((a) => a.deviation! > 0).length;
  const under = rows.filter((a) => a.deviation! < 0).length;
  return (
    <BarChart
      className="kp-st-chart"
      title={t('budget.chartTitle', { year })}
      description={t('budget.chartDesc', { count: rows.length, over, under })}
      categories={rows.map((a) => `${a.code} ${a.name}`)}
      series={[{ name: t('budget.colDeviation'), values: rows.map((a) => a.deviation) }]}
      flagged={rows.map((a) => a.deviation! > 0)}
      format={kroner}
    />
  );
}

/** Kroner, or «Ikke registrert» when missing; a percent with a % sign. */
export function useMoney() {
  const { t, kroner, number } = useSteeringI18n();
  return {
    money: (value: number | null) => (value === null ? t('budget.missing') : kroner(value)),
    pct: (value: number | null) => (value === null ? '–' : `${number(value)} %`),
  };
}
