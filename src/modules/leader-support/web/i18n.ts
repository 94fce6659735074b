import { useMemo } from 'react';
import { locales, useI18n, type Language } from '../../../web/i18n/i18n';
import type { Channel, Localised, Priority, SlaClock, Status } from '../leader-support.schemas';
import { commonEn, commonNb } from './common.messages';
import { deskEn, deskNb } from './desk.messages';
import { figuresEn, figuresNb } from './figures.messages';
import { kbEn, kbNb } from './knowledge-base.messages';
import { notificationsEn, notificationsNb } from './notifications.messages';
import { queueEn, queueNb } from './queue.messages';
import { requestsEn, requestsNb } from './requests.messages';
import { settingsEn, settingsNb } from './settings.messages';

// The leader-support module's dictionary: one file per group of pages, merged here. The shell's
// language choice applies, and a key missing in one language is a type error.

const nb = { ...commonNb, ...requestsNb, ...deskNb, ...queueNb, ...kbNb, ...figuresNb, ...settingsNb, ...notificationsNb };
export type SupportKey = keyof typeof nb;
const en: Record<SupportKey, string> = {
  ...commonEn,
  ...requestsEn,
  ...deskEn,
  ...queueEn,
  ...kbEn,
  ...figuresEn,
  ...settingsEn,
  ...notificationsEn,
};
const dictionaries: Record<Language, Record<SupportKey, string>> = { nb, en };

export type SupportTranslate = (key: SupportKey, vars?: Record<string, string | number>) => string;

export const priorityKey = (value: Priority) => `priority.${value}` as const satisfies SupportKey;
export const statusKey = (value: Status) => `status.${value}` as const satisfies SupportKey;
export const channelKey = (value: Channel) => `channel.${value}` as const satisfies SupportKey;
export const lineKey = (value: number) => `line.${value === 3 ? 3 : value === 2 ? 2 : 1}` as const satisfies SupportKey;
export const slaKey = (value: SlaClock['state']) => `sla.${value}` as const satisfies SupportKey;

function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export function useSupportI18n() {
  const { language } = useI18n();
  return useMemo(() => {
    const locale = locales[language];
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Oslo' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });
    const numberFormat = new Intl.NumberFormat(locale);
    const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const kroner = new Intl.NumberFormat(locale, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
    const t: SupportTranslate = (key, vars) => fill(dictionaries[language][key], vars);
    return {
      t,
      language,
      locale,
      /** 1. januar 2020 (a date or a timestamp, in Norwegian time) */
      date: (value: string) => dateFormat.format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value)),
      dateTime: (value: string) => dateTimeFormat.format(new Date(value)),
      number: (value: number) => numberFormat.format(value),
      percent: (share: number) => percentFormat.format(share),
      kroner: (value: number) => kroner.format(value),
      /** The server's text in the UI language. */
      pick: (text: Localised) => text[language],
      /** «LS-1042» */
      requestNumber: (number: number) => `LS-${number}`,
      collator: new Intl.Collator('nb', { sensitivity: 'base', numeric: true }),
    };
  }, [language]);
}

export type SupportI18n = ReturnType<typeof useSupportI18n>;
