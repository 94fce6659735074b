import { useMemo } from 'react';
import { locales, useI18n, type Language } from '../../../../web/i18n/i18n';
import { importExportEn, importExportNb, type ImportExportKey, type ImportExportMessages } from './messages';

const dictionaries: Record<Language, ImportExportMessages> = { nb: importExportNb, en: importExportEn };

export type ImportExportTranslate = (key: ImportExportKey, vars?: Record<string, string | number>) => string;

/** The page's text in the shell's language, with dates and numbers formatted for it. */
export function useImportExportI18n() {
  const { language } = useI18n();
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone: 'UTC' });
    const t: ImportExportTranslate = (key, vars) =>
      dictionaries[language][key].replace(/\{(\w+)\}/g, (match, name: string) => (vars && name in vars ? String(vars[name]) : match));
    return {
      t,
      language,
      /** 1. januar 2020, from YYYY-MM-DD read as a calendar day. */
      date: (value: string) => {
        const [year, month, day] = value.split('-').map(Number);
        return dateFormat.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
      },
    };
  }, [language]);
}
