// Label placement without measuring text in the browser: a label's width is estimated from its
// character count at a width per character that is at least the UI font's average (Inter at 12 px
// averages about 0.55 em). Space is reserved from the longest label, long labels are wrapped or
// shortened (the chart puts the whole text in a <title>), crowded axes rotate or thin out, and
// labels along one line are pushed apart. Every rule here is a pure function, tested.

/** The charts' label size in px (the CSS sets the same). */
export const labelSize = 12;
/** Baseline to baseline for stacked lines of labels. */
export const lineHeight = 14;

/** An upper estimate of one character's width at `size` px. */
export const charWidth = (size = labelSize) => size * 0.62;

/** An upper estimate of `text`'s width. */
export const textWidth = (text: string, size = labelSize) => text.length * charWidth(size);

/** How many characters fit in `width`. */
export const charsIn = (width: number, size = labelSize) => Math.max(1, Math.floor(width / charWidth(size)));

/** Cuts `text` to `max` characters, the last one an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

export type FittedLabel = { lines: string[]; truncated: boolean };

/**
 * Wraps `text` at spaces into at most `maxLines` lines of at most `maxChars` characters; what does
 * not fit ends in an ellipsis (and `truncated` says so, for the <title> with the whole text).
 */
export function fitLabel(text: string, maxChars: number, maxLines = 2): FittedLabel {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let index = 0;
  for (; index < words.length; index += 1) {
    const word = words[index]!;
    const next = current ? `${current} ${word}` : word;
    if (next.length <= maxChars) {
      current = next;
      continue;
    }
    if (!current) {
      // One word longer than a line: it is cut, and the rest of the label does not show.
      lines.push(truncate(word, maxChars));
      return { lines, truncated: true };
    }
    lines.push(current);
    current = '';
    if (lines.length === maxLines) break;
    index -= 1; // the word starts the next line
  }
  if (current) lines.push(current);
  if (index < words.length) {
    const rest = words.slice(index).join(' ');
    const last = lines.length === maxLines ? lines.pop()! : '';
    lines.push(truncate(last ? `${last} ${rest}` : rest, maxChars));
    return { lines, truncated: true };
  }
  return { lines, truncated: false };
}

/**
 * The width to reserve for a column of labels: the longest label's estimated width, but never less
 * than `min` nor more than `max` (labels longer than that are wrapped by `fitLabel`).
 */
export function reserveWidth(labels: string[], { min = 0, max = Infinity, size = labelSize } = {}): number {
  const longest = Math.max(0, ...labels.map((label) => textWidth(label, size)));
  return Math.min(max, Math.max(min, Math.ceil(longest)));
}

export type AxisLabels = {
  /** Show every n-th label (1: all). */
  every: number;
  /** Rotated labels slant up to the left by this many degrees (0: flat). */
  angle: number;
  /** The longest a label may be, in characters (longer ones are shortened; the whole text goes in a <title>). */
  maxChars: number;
  /** The height the labels need under the axis. */
  height: number;
};

/**
 * How to label a category axis of slots `step` px apart. Flat when the longest label fits its
 * slot; else an ordered axis (months, periods) shows every n-th label, and an unordered one slants
 * its labels by 45° (shortened to `maxChars`) so neighbours never touch.
 */
export function planAxisLabels(labels: string[], step: number, { ordered = false, maxChars = 24, size = labelSize } = {}): AxisLabels {
  const gap = 6;
  const longest = Math.max(1, ...labels.map((label) => Math.min(label.length, maxChars)));
  const width = longest * charWidth(size);
  if (width + gap <= step) return { every: 1, angle: 0, maxChars, height: lineHeight + 4 };
  if (ordered || step * Math.SQRT1_2 < lineHeight) {
    const every = Math.ceil((width + gap) / step);
    return { every, angle: 0, maxChars, height: lineHeight + 4 };
  }
  // Slanted at 45°: neighbours' baselines are step·sin 45° apart, more than a line's height.
  return { every: 1, angle: 45, maxChars, height: Math.ceil(width * Math.SQRT1_2 + lineHeight) };
}

/**
 * Pushes labels along one axis apart so that no two are closer than `gap`, keeping each as near
 * its wanted position as it can and all inside [min, max] (when they fit there at all). Returns
 * the positions in the input's order.
 */
export function spreadLabels(wanted: number[], gap: number, min = -Infinity, max = Infinity): number[] {
  const order = wanted.map((position, index) => ({ position, index })).sort((a, b) => a.position - b.position);
  const placed = order.map((item) => Math.min(max, Math.max(min, item.position)));
  for (let i = 1; i < placed.length; i += 1) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
  // Those pushed past the end come back up, pushing the ones above them.
  if (placed.length && placed[placed.length - 1]! > max) {
    placed[placed.length - 1] = max;
    for (let i = placed.length - 2; i >= 0; i -= 1) placed[i] = Math.min(placed[i]!, placed[i + 1]! - gap);
  }
  const result: number[] = new Array<number>(wanted.length);
  order.forEach((item, i) => (result[item.index] = placed[i]!));
  return result;
}

/**
 * Where to put a label centred on `x` so that it stays inside [min, max]: centred when it fits,
 * else anchored at the edge it would cross (an axis's first or last tick).
 */
export function keepInside(x: number, text: string, min: number, max: number): { x: number; anchor: 'start' | 'middle' | 'end' } {
  const half = textWidth(text) / 2;
  if (x + half > max) return { x: max, anchor: 'end' };
  if (x - half < min) return { x: min, anchor: 'start' };
  return { x, anchor: 'middle' };
}

export type Box = { x: number; y: number; width: number; height: number };

/** Whether two boxes overlap (touching edges do not). */
export const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
