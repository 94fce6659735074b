import { labelSize, lineHeight, truncate, type FittedLabel } from './labels';
import { markerPath, seriesClass, seriesCount, seriesPattern, toneClass, type BarPattern, type MarkerShape, type Tone } from './palette';

// The pieces every chart type draws with: markers, bar patterns, labels that keep their whole text
// in a <title>, value axes with grid lines, and the legend.

export function Marker({
  shape,
  x,
  y,
  size = 4,
  className,
  children,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  size?: number;
  className?: string;
  /** Said when the pointer rests on the marker. */
  children?: string;
}) {
  return (
    <path d={markerPath(shape, x, y, size)} className={className ? `kp-chart__marker ${className}` : 'kp-chart__marker'}>
      {children && <title>{children}</title>}
    </path>
  );
}

/** The id of series `index`'s bar pattern inside the chart with id prefix `ids`. */
export const patternId = (ids: string, index: number) => `${ids}-p${index % seriesCount}`;

/** The id of a tone's (hatched) bar pattern inside the chart with id prefix `ids`. */
export const tonePatternId = (ids: string, tone: Tone) => `${ids}-${tone}`;

/** One bar fill: the colour with white stripes, dots or hatching over it. */
function PatternFill({ id, pattern, className }: { id: string; pattern: BarPattern; className: string }) {
  return (
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)" className={className}>
      <rect width={6} height={6} className="kp-chart__fill" />
      {pattern === 'stripes' && <rect width={2} height={6} className="kp-chart__pattern" />}
      {pattern === 'dots' && <circle cx={3} cy={3} r={1.2} className="kp-chart__pattern" />}
      {pattern === 'hatch' && <path d="M0,3H6M3,0V6" className="kp-chart__pattern kp-chart__pattern--line" />}
    </pattern>
  );
}

/**
 * The bar fills of `count` series (and of the tones used for flags), so two series differ without
 * colour. Put it in the chart's <svg> once.
 */
export function BarPatterns({ ids, count, tones = [] }: { ids: string; count: number; tones?: Tone[] }) {
  return (
    <defs>
      {Array.from({ length: Math.min(count, seriesCount) }, (_, i) => (
        <PatternFill key={i} id={patternId(ids, i)} pattern={seriesPattern(i)} className={seriesClass(i)} />
      ))}
      {tones.map((tone) => (
        <PatternFill key={tone} id={tonePatternId(ids, tone)} pattern="hatch" className={toneClass(tone)} />
      ))}
    </defs>
  );
}

/** A label of one or more lines (from `fitLabel`), with the whole text in a <title> when it was shortened. */
export function SvgLabel({
  x,
  y,
  label,
  text,
  anchor = 'start',
  className = 'kp-chart__label',
  transform,
}: {
  x: number;
  /** The first line's baseline. */
  y: number;
  label: FittedLabel;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  className?: string;
  transform?: string;
}) {
  return (
    <text x={x} y={y} textAnchor={anchor} className={className} transform={transform}>
      {label.truncated && <title>{text}</title>}
      {label.lines.length === 1
        ? label.lines[0]
        : label.lines.map((line, i) => (
            <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
              {/* The space keeps the words apart in the text's content (what search and a screen reader get). */}
              {i < label.lines.length - 1 ? `${line} ` : line}
            </tspan>
          ))}
    </text>
  );
}

/** One line of text shortened to `maxChars`, whole in a <title> when shortened. */
export function ShortLabel({
  text,
  maxChars,
  ...props
}: { text: string; maxChars: number } & Omit<Parameters<typeof SvgLabel>[0], 'label'>) {
  const short = truncate(text, maxChars);
  return <SvgLabel {...props} text={text} label={{ lines: [short], truncated: short !== text }} />;
}

/** Grid lines and tick labels for a value axis along y (vertical charts). */
export function YAxis({
  ticks,
  y,
  left,
  right,
  format,
}: {
  ticks: { value: number; label?: string }[];
  y: (value: number) => number;
  left: number;
  right: number;
  format: (value: number) => string;
}) {
  return (
    <g className="kp-chart__axis-y">
      {ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={left} x2={right} y1={y(tick.value)} y2={y(tick.value)} className="kp-chart__grid" />
          <text x={left - 6} y={y(tick.value) + labelSize / 3} textAnchor="end" className="kp-chart__label">
            {tick.label ?? format(tick.value)}
          </text>
        </g>
      ))}
    </g>
  );
}

export type LegendItem = {
  name: string;
  /** Series index for the colour, or a tone. */
  series?: number;
  tone?: Tone;
  /** How the swatch looks: a bar (with its pattern), a line (with dash and marker), or a marker alone. */
  kind: 'bar' | 'line' | 'marker';
  marker?: MarkerShape;
  dash?: string;
};

/**
 * The legend, in HTML above the chart (it wraps on a phone instead of overlapping the plot). Each
 * swatch shows the pattern, dash or marker the chart uses, so the legend works without colour.
 */
export function Legend({ items, ids }: { items: LegendItem[]; ids: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="kp-chart__legend">
      {items.map((item, i) => {
        const colour = item.tone ? toneClass(item.tone) : seriesClass(item.series ?? 0);
        const fill = `${ids}-legend${i}`;
        return (
          <li key={item.name}>
            <svg width={24} height={14} viewBox="0 0 24 14" aria-hidden="true" className={colour}>
              {item.kind === 'bar' && (
                <>
                  <defs>
                    <PatternFill id={fill} pattern={item.tone ? 'hatch' : seriesPattern(item.series ?? 0)} className={colour} />
                  </defs>
                  <rect x={4} y={1} width={16} height={12} fill={`url(#${fill})`} className="kp-chart__bar" />
                </>
              )}
              {item.kind === 'line' && <line x1={1} x2={23} y1={7} y2={7} className="kp-chart__line" strokeDasharray={item.dash} />}
              {item.marker && <Marker shape={item.marker} x={12} y={7} size={4} />}
            </svg>
            {item.name}
          </li>
        );
      })}
    </ul>
  );
}
