import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, nb, type MessageKey, type Messages } from './messages';
import { fillText } from './plural';

export type Language = 'nb' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Messages> = { nb, en };

// Language names are written in their own language (an endonym), so they are
// the same whatever the UI language is, and are not in the dictionaries.
export const languageOptions: { value: Language; label: string }[] = [
  { value: 'nb', label: 'Norsk (bokmål)' },
  { value: 'en', label: 'English' },
];

/** Locale for Intl formatting (dates, numbers) per UI language. */
export const locales: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

const storageKey = 'knutepunkt.language';

/** For keys built at run time from server data, e.g. `role.${role}`. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(nb, key);
}

export function translate(language: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  return fillText(dictionaries[language][key], vars, locales[language]);
}

/** The stored choice, else bokmål: the municipality's default language. */
export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored === 'nb' || stored === 'en') return stored;
  } catch {
    // localStorage can be unavailable (privacy settings); fall back quietly.
  }
  return 'nb';
}

type I18nContextValue = { language: Language; setLanguage: (language: Language) => void; t: Translate };

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({
  initial,
  onChange,
  children,
}: {
  initial: Language;
  /** Told about every change, so code outside React (the API client) can follow. */
  onChange?: (language: Language) => void;
  children: ReactNode;
}) {
  const [language, setLanguageState] = useState<Language>(initial);

  const setLanguage = useCallback(
    (next: Language) => {
      setLanguageState(next);
      onChange?.(next);
      try {
        localStorage.setItem(storageKey, next);
      } catch {
        // Not persisted, but the choice still applies for this visit.
      }
    },
    [onChange],
  );

  // Screen readers pick pronunciation from <html lang>.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18nContextValue>(
    () => ({ language, setLanguage, t: (key, vars) => translate(language, key, vars) }),
    [language, setLanguage],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
