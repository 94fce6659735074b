// The figures behind a chart's summary in words (the words are the chart type's, from the dictionary).

export type Extremes = { max: { index: number; value: number }; min: { index: number; value: number } };

/** The highest and lowest known value and where they are (the first, on a tie); null when none is known. */
export function extremes(values: (number | null | undefined)[]): Extremes | null {
  let result: Extremes | null = null;
  values.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    if (!result) result = { max: { index, value }, min: { index, value } };
    else {
      if (value > result.max.value) result.max = { index, value };
      if (value < result.min.value) result.min = { index, value };
    }
  });
  return result;
}

/** The first and last known value and where they are; null when none is known. */
export function firstAndLast(
  values: (number | null | undefined)[],
): { first: { index: number; value: number }; last: { index: number; value: number } } | null {
  const known = values.flatMap((value, index) => (typeof value === 'number' && Number.isFinite(value) ? [{ index, value }] : []));
  return known.length ? { first: known[0]!, last: known[known.length - 1]! } : null;
}
