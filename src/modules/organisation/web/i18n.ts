import { useMemo } from 'react';
import { locales, useI18n, type Language } from '../../../web/i18n/i18n';
import { calendarDay, fill, formatPeriod, type Localised } from '../../../web/i18n/module-i18n';
import type { Classification, LineType, RoleType, UnitKind } from './types';
import type { RuleId } from './vocabulary';
import { orgEn, orgNb, type OrgKey as OrganisationKey } from './organisation.messages';
import { peopleEn, peopleNb } from './messages/people.messages';

export { todayInNorway } from '../../../web/components/format';

// The organisation module's own dictionary, beside the shell's: the shell's language choice
// applies, and (as in the shell) a key missing in one language is a type error.

// People first (messages/people.messages.ts) is joined here, beside the module's own.
export type OrgKey = OrganisationKey | keyof typeof peopleNb;
const dictionaries: Record<Language, Record<OrgKey, string>> = { nb: { ...orgNb, ...peopleNb }, en: { ...orgEn, ...peopleEn } };

export type OrgTranslate = (key: OrgKey, vars?: Record<string, string | number>) => string;

/** Text the server sends in both languages, e.g. a rule finding's message. */
export type { Localised } from '../../../web/i18n/module-i18n';

// Keys built from the schema's vocabularies: a kind, role or rule without a label is a type error.
export const kindKey = (kind: UnitKind) => `kind.${kind}` as const satisfies OrgKey;
export const classificationKey = (value: Classification) => `classification.${value}` as const satisfies OrgKey;
export const roleKey = (role: RoleType) => `role.${role}` as const satisfies OrgKey;
export const lineTypeKey = (type: LineType) => `lineType.${type}` as const satisfies OrgKey;
export const ruleKey = (rule: RuleId) => `rule.${rule}` as const satisfies OrgKey;

/** `role.x` for a role type the server sends as a plain string (analytics), if we know it. */
export function isOrgKey(key: string): key is OrgKey {
  return Object.hasOwn(orgNb, key);
}

export function useOrgI18n() {
  const { language } = useI18n();
  return useMemo(() => {
    const locale = locales[language];
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const shortDate = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
    const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const t: OrgTranslate = (key, vars) => fill(dictionaries[language][key], vars);
    return {
      t,
      language,
      locale,
      /** 1. januar 2020 */
      date: (value: string) => dateFormat.format(calendarDay(value)),
      shortDate: (value: string) => shortDate.format(calendarDay(value)),
      number: (value: number) => numberFormat.format(value),
      percent: (value: number | null) => (value === null ? t('common.notAvailable') : percentFormat.format(value)),
      /** The server's text in the UI language. */
      pick: (text: Localised) => text[language],
      /** "1. januar 2020 – 31. desember 2022" for a [from, to) period; the end shown is the last day. */
      period: (from: string, to: string | null) => formatPeriod(dateFormat, from, to, (date) => t('common.fromOn', { date })),
      collator: new Intl.Collator(locale === 'en-GB' ? 'nb' : locale, { sensitivity: 'base', numeric: true }),
    };
  }, [language]);
}

export type OrgI18n = ReturnType<typeof useOrgI18n>;
