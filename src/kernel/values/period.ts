// The mechanics of effective dating, shared by every module that keeps dated versions. A period
// runs from `validFrom` (first day) to `validTo` (first day it no longer holds; null: open-ended),
// as in the tables.

export interface Period {
  validFrom: string;
  validTo: string | null;
}

/** Does `period` hold on `date`? */
export function holdsOn(period: Period, date: string): boolean {
  return period.validFrom <= date && (period.validTo === null || period.validTo > date);
}

/** Do two periods share at least one day? */
export function overlaps(a: Period, b: Period): boolean {
  return (b.validTo === null || a.validFrom < b.validTo) && (a.validTo === null || b.validFrom < a.validTo);
}

/** Is every day of `period` covered by one of `versions` (with no gap between them)? */
export function coversPeriod(versions: readonly Period[], period: Period): boolean {
  const sorted = [...versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  let day = period.validFrom;
  for (const version of sorted) {
    if (version.validFrom > day) break;
    if (version.validTo === null) return true;
    if (version.validTo > day) day = version.validTo;
    if (period.validTo !== null && day >= period.validTo) return true;
  }
  return false;
}

/** 'YYYY-MM-DD' plus `days` (negative to go back), in calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** «1.1.2020» for '2020-01-01'. */
export function norwegianDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}

/** The period as a person reads it: «fra 1.1.2020 til og med 31.12.2020» (the last day, not the exclusive end). */
export function describePeriod(period: Period): string {
  const from = norwegianDate(period.validFrom);
  return period.validTo === null ? `fra ${from}` : `fra ${from} til og med ${norwegianDate(addDays(period.validTo, -1))}`;
}

/** A version row's period. */
export function asPeriod(row: { valid_from: string; valid_to: string | null }): Period {
  return { validFrom: row.valid_from, validTo: row.valid_to };
}

/** The columns whose wanted value differs from the version's (undefined: not asked to change). */
export function changedColumns(version: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    if (!sameValue(version[column], value)) changes[column] = value;
  }
  return changes;
}

// Numbers come back from numeric columns as strings; arrays of numbers likewise.
function sameValue(current: unknown, wanted: unknown): boolean {
  if (Array.isArray(current) && Array.isArray(wanted))
    return current.length === wanted.length && current.every((v, i) => Number(v) === Number(wanted[i]));
  if (typeof wanted === 'number' && (typeof current === 'string' || typeof current === 'number')) return Number(current) === wanted;
  return current === wanted;
}
