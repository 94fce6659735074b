/** A date as a Norwegian reads it in a message: «1.1.2020». */
export function norwegianDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}
