import { locales, type Language } from '../i18n/i18n';

const longDates = new Map<Language, Intl.DateTimeFormat>();

/** «1. januar 2020» for '2020-01-01' (or a timestamp), in Norwegian time: the kit's own date format. */
export function formatLongDate(language: Language, value: string): string {
  let format = longDates.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone: 'Europe/Oslo' });
    longDates.set(language, format);
  }
  return format.format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value));
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today in Norway, YYYY-MM-DD: the product's dates are Norwegian calendar days. */
export function todayInNorway(now = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
