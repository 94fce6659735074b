import { charsIn, fitLabel, labelSize, lineHeight, reserveWidth, truncate, type FittedLabel } from './labels';

// The bar charts' geometry, as pure functions (tested without a browser).

export const barSize = 18;
export const barGap = 4;
export const groupGap = 12;

/**
 * The geometry of horizontal bars: label column, value column and one row per category, tall
 * enough for its wrapped label. A label's suffix (a flag in words) is never cut off: it ends the
 * last line, or gets a line of its own.
 */
export function horizontalLayout(
  labels: string[],
  valueLabels: string[],
  seriesCount: number,
  width: number,
  suffixes: (string | undefined)[] = [],
) {
  const whole = labels.map((label, i) => (suffixes[i] ? `${label} ${suffixes[i]}` : label));
  const labelWidth = reserveWidth(whole, { min: 48, max: Math.round(width * 0.36) }) + 10;
  const valueWidth = reserveWidth(valueLabels, { min: 24 }) + 10;
  const maxChars = charsIn(labelWidth - 10);
  const group = seriesCount * barSize + (seriesCount - 1) * barGap;
  let top = 4;
  const rows = labels.map((label, i) => {
    const fitted = withSuffix(fitLabel(whole[i]!, maxChars, 2), label, suffixes[i], maxChars);
    const height = Math.max(group, fitted.lines.length * lineHeight + 4);
    const row = {
      top,
      height,
      fitted,
      barsTop: top + (height - group) / 2,
      labelY: top + (height - (fitted.lines.length - 1) * lineHeight) / 2 + labelSize / 3,
    };
    top += height + groupGap;
    return row;
  });
  return { labelWidth, valueWidth, plotWidth: Math.max(40, width - labelWidth - valueWidth), rows, height: top, group };
}

function withSuffix(fitted: FittedLabel, label: string, suffix: string | undefined, maxChars: number): FittedLabel {
  if (!suffix || !fitted.truncated) return fitted;
  const own = fitLabel(label, maxChars, 2);
  const last = own.lines.at(-1)!;
  if (`${last} ${suffix}`.length <= maxChars) return { lines: [...own.lines.slice(0, -1), `${last} ${suffix}`], truncated: own.truncated };
  return { lines: [...own.lines, truncate(suffix, maxChars)], truncated: true };
}

/** Where each series' segment of each category's bar starts and ends (negative and missing values count as 0). */
export function stackSegments(series: { values: (number | null)[] }[], categoryCount: number): { from: number; to: number }[][] {
  const sums = new Array<number>(categoryCount).fill(0);
  return series.map((s) =>
    sums.map((sum, c) => {
      const to = sum + Math.max(0, s.values[c] ?? 0);
      sums[c] = to;
      return { from: sum, to };
    }),
  );
}
