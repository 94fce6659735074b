import { useMemo } from 'react';
import { locales, useI18n, type Language } from '../../../web/i18n/i18n';
import { calendarDay, fill, formatPeriod, type Localised } from '../../../web/i18n/module-i18n';
import type { CoverageMode, ProximityClass, ReportFinding, ServiceDetail, HubDetail } from '../places.schemas';
import { placesEn, placesNb, type PlacesKey, type PlacesMessages } from './places.messages';

export { todayInNorway } from '../../../web/components/format';

// The places module's own dictionary, beside the shell's: the shell's language choice applies,
// and (as in the shell) a key missing in one language is a type error.

const dictionaries: Record<Language, PlacesMessages> = { nb: placesNb, en: placesEn };

export type PlacesTranslate = (key: PlacesKey, vars?: Record<string, string | number>) => string;

/** Text the server sends in both languages, e.g. a report finding's message. */
export type { Localised } from '../../../web/i18n/module-i18n';

type Channel = ServiceDetail['channels'][number];
type EntryPoint = ServiceDetail['entryPoints'][number];
type HubFunction = HubDetail['functions'][number];

// Keys built from the schema's vocabularies: a value without a label is a type error.
export const proximityKey = (value: ProximityClass) => `proximity.${value}` as const satisfies PlacesKey;
export const modeKey = (value: CoverageMode) => `mode.${value}` as const satisfies PlacesKey;
export const channelKey = (value: Channel) => `channel.${value}` as const satisfies PlacesKey;
export const entryPointKey = (value: EntryPoint) => `entryPoint.${value}` as const satisfies PlacesKey;
export const hubFunctionKey = (value: HubFunction) => `hubFunction.${value}` as const satisfies PlacesKey;
export const ruleKey = (value: ReportFinding['rule']) => `rule.${value}` as const satisfies PlacesKey;

export function usePlacesI18n() {
  const { language } = useI18n();
  return useMemo(() => {
    const locale = locales[language];
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const numberFormat = new Intl.NumberFormat(locale);
    const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    const t: PlacesTranslate = (key, vars) => fill(dictionaries[language][key], vars, locales[language]);
    return {
      t,
      language,
      locale,
      /** 1. januar 2020 */
      date: (value: string) => dateFormat.format(calendarDay(value)),
      number: (value: number) => numberFormat.format(value),
      /** 1 = Monday … 7 = Sunday (2024-01-01 was a Monday). */
      weekday: (value: number) => weekdayFormat.format(new Date(Date.UTC(2024, 0, value))),
      /** «1, 2 og 3» */
      list: (items: (string | number)[]) => list.format(items.map(String)),
      /** The server's text in the UI language. */
      pick: (text: Localised) => text[language],
      /** "1. januar 2020 – 31. desember 2022" for a [from, to) period; the end shown is the last day. */
      period: (from: string, to: string | null) => formatPeriod(dateFormat, from, to, (date) => t('common.fromOn', { date })),
      collator: new Intl.Collator(locale === 'en-GB' ? 'nb' : locale, { sensitivity: 'base', numeric: true }),
    };
  }, [language]);
}

export type PlacesI18n = ReturnType<typeof usePlacesI18n>;
