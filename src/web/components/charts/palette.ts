// One palette for every chart. The colours are Designsystemet's (charts.css maps each series to a
// `--ds-color-*-text-subtle` token, which the design system keeps at 4.5:1 or more against the page
// in light and dark mode), and no series is told by colour alone: each has its own marker shape,
// bar pattern and line dash as well.

/** Series colours in order; charts.css defines `.kp-chart-s0` … `.kp-chart-s7`. */
export const seriesCount = 8;

/** Colours with a meaning, for a flag, a threshold or a status. */
export type Tone = 'accent' | 'neutral' | 'success' | 'warning' | 'danger';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'cross';

const shapes: MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'cross'];
const dashes = [undefined, '8 4', '2 3', '10 3 2 3'];

/** The class that gives series `index` its colour (as `--kp-series`). */
export const seriesClass = (index: number) => `kp-chart-s${index % seriesCount}`;

/** The class that gives a tone's colour (as `--kp-series`). */
export const toneClass = (tone: Tone) => `kp-chart-tone-${tone}`;

/** Series `index`'s marker shape. */
export const seriesMarker = (index: number): MarkerShape => shapes[index % shapes.length]!;

/** Series `index`'s line dash beyond the first round of colours (the first eight are solid). */
export const seriesDash = (index: number): string | undefined => dashes[Math.floor(index / seriesCount) % dashes.length];

/** Bar patterns: the first series solid, the next striped, then dotted, then cross-hatched. */
export type BarPattern = 'solid' | 'stripes' | 'dots' | 'hatch';
const patterns: BarPattern[] = ['solid', 'stripes', 'dots', 'hatch'];
export const seriesPattern = (index: number): BarPattern => patterns[index % patterns.length]!;

/** The SVG path of a marker of `size` (its half width) centred on x, y. */
export function markerPath(shape: MarkerShape, x: number, y: number, size = 4): string {
  const s = size;
  switch (shape) {
    case 'circle':
      return `M${x - s},${y}a${s},${s} 0 1,0 ${2 * s},0a${s},${s} 0 1,0 ${-2 * s},0Z`;
    case 'square':
      return `M${x - s},${y - s}h${2 * s}v${2 * s}h${-2 * s}Z`;
    case 'triangle':
      return `M${x},${y - s * 1.2}L${x + s * 1.2},${y + s}L${x - s * 1.2},${y + s}Z`;
    case 'triangle-down':
      return `M${x},${y + s * 1.2}L${x + s * 1.2},${y - s}L${x - s * 1.2},${y - s}Z`;
    case 'diamond':
      return `M${x},${y - s * 1.25}L${x + s * 1.25},${y}L${x},${y + s * 1.25}L${x - s * 1.25},${y}Z`;
    case 'cross': {
      const t = s / 2.5;
      return `M${x - t},${y - s}h${2 * t}v${s - t}h${s - t}v${2 * t}h${t - s}v${s - t}h${-2 * t}v${t - s}h${t - s}v${-2 * t}h${s - t}Z`;
    }
  }
}
