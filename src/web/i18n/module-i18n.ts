import { useMemo } from 'react';
import { locales, useI18n, type Language } from './i18n';
import { fillText } from './plural';

/** A text from the server in both languages. */
export interface Localised {
  nb: string;
  en: string;
}

/** `{name}` in a dictionary text replaced by `vars.name`; `{count, plural, one {…} other {…}}` chosen for the language (plural.ts). */
export function fill(text: string, vars?: Record<string, string | number>, locale: string = locales.nb): string {
  return fillText(text, vars, locale);
}

/** A date string YYYY-MM-DD read as a calendar day (no time zone shift): format it in UTC. */
export function calendarDay(value: string): Date {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/**
 * "1. januar 2020 – 31. desember 2022" for a [from, to) period: the end shown is the last day.
 * `dateFormat` formats in UTC; `openEnded` words a period without end from its formatted start.
 */
export function formatPeriod(
  dateFormat: Intl.DateTimeFormat,
  from: string,
  to: string | null,
  openEnded: (start: string) => string,
): string {
  const start = dateFormat.format(calendarDay(from));
  if (!to) return openEnded(start);
  const lastDay = calendarDay(to);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);
  return `${start} – ${dateFormat.format(lastDay)}`;
}

/**
 * A module's dictionary as a hook: `t(key, vars)` in the shell's language, and the formats every
 * page needs (dates in Norwegian time, numbers, per cent, kroner). A key missing in English is a
 * type error where the module builds its `en` dictionary as `Record<keyof typeof nb, string>`.
 */
export function createModuleI18n<Key extends string>(dictionaries: Record<Language, Record<Key, string>>) {
  return function useModuleI18n() {
    const { language } = useI18n();
    return useMemo(() => {
      const locale = locales[language];
      const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Oslo' });
      const shortDate = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'Europe/Oslo' });
      const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });
      const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
      const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
      const kroner = new Intl.NumberFormat(locale, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
      const asDate = (value: string) => new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
      return {
        t: (key: Key, vars?: Record<string, string | number>) => fill(dictionaries[language][key], vars, locale),
        language,
        locale,
        /** 1. januar 2020 (a date or a timestamp, in Norwegian time) */
        date: (value: string) => dateFormat.format(asDate(value)),
        shortDate: (value: string) => shortDate.format(asDate(value)),
        dateTime: (value: string) => dateTimeFormat.format(new Date(value)),
        /** «jan. 2026» for '2026-01' or '2026-01-01' */
        month: (value: string) => monthFormat.format(new Date(`${value.slice(0, 7)}-01T00:00:00Z`)),
        number: (value: number) => numberFormat.format(value),
        percent: (share: number) => percentFormat.format(share),
        kroner: (value: number) => kroner.format(value),
        /** The server's text in the UI language. */
        pick: (text: Localised) => text[language],
        collator: new Intl.Collator('nb', { sensitivity: 'base', numeric: true }),
      };
    }, [language]);
  };
}
