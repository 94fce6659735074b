/** «12,5» or «12.5» → 12.5; anything else → NaN (spaces inside a number, as in «1 000», are allowed). */
export function parseDecimal(text: string): number {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** A number as a Norwegian form field shows it: a decimal comma. */
export function formatDecimal(value: number): string {
  return String(value).replace('.', ',');
}
