// The mechanics of effective dating for places. A period runs from `validFrom` (first day) to
// `validTo` (first day it no longer holds; null: open-ended), as in the tables. The same rules as
// the organisation's (copied, not imported: a module uses another only through its index).

import { todayInNorway } from '../../../kernel/index.js';

export { todayInNorway };

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

export function norwegianDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}

/** The period as a person reads it: «fra 1.1.2020 til og med 31.12.2020» (the last day, not the exclusive end). */
export function describePeriod(period: Period): string {
  const from = norwegianDate(period.validFrom);
  return period.validTo === null ? `fra ${from}` : `fra ${from} til og med ${norwegianDate(addDays(period.validTo, -1))}`;
}

export function asPeriod(row: { valid_from: string; valid_to: string | null }): Period {
  return { validFrom: row.valid_from, validTo: row.valid_to };
}
