import type { AreaBudgetStatus } from '../budget.schemas';
import { useSteeringI18n } from './i18n';

// The deviation chart of the budget page: horizontal bars around zero, an overspend to the right.
// The SVG is an image with a title and a description; the numbers are in the table beside it.

export function DeviationChart({ areas, year }: { areas: AreaBudgetStatus[]; year: number }) {
  const { t, kroner } = useSteeringI18n();
  const rows = areas.filter((a) => a.deviation !== null);
  const title = t('budget.chartTitle', { year });
  if (rows.length === 0) return null;
  const over = rows.filter((a) => a.deviation! > 0).length;
  const under = rows.filter((a) => a.deviation! < 0).length;
  const description = t('budget.chartDesc', { count: rows.length, over, under });
  const max = Math.max(...rows.map((a) => Math.abs(a.deviation!)), 1);
  const labelWidth = 220;
  const valueWidth = 110;
  const plot = 360;
  const rowHeight = 26;
  const width = labelWidth + plot + valueWidth * 2;
  const height = rows.length * rowHeight + 10;
  const zero = labelWidth + valueWidth + plot / 2;
  const scale = plot / 2 / max;
  return (
    <figure className="kp-st-chart">
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={`${title}. ${description}`} viewBox={`0 0 ${width} ${height}`} width={width}>
        <title>{title}</title>
        <desc>{description}</desc>
        <line className="kp-st-axis" x1={zero} x2={zero} y1={0} y2={height} />
        {rows.map((a, i) => {
          const value = a.deviation!;
          const y = i * rowHeight + 5;
          const length = Math.max(Math.abs(value) * scale, value === 0 ? 0 : 1);
          const x = value >= 0 ? zero : zero - length;
          return (
            <g key={a.areaId}>
              <text x={0} y={y + 16}>
                {`${a.code} ${a.name}`.slice(0, 32)}
              </text>
              <rect className={value > 0 ? 'kp-st-bar--over' : 'kp-st-bar--under'} x={x} y={y + 3} width={length} height={rowHeight - 10} />
              <text x={value >= 0 ? zero + length + 4 : zero - length - 4} y={y + 16} textAnchor={value >= 0 ? 'start' : 'end'}>
                {kroner(value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
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
