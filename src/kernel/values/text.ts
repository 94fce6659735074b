/** Optional free text: trimmed, and empty means "not given". */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The text with its first letter in upper case: «enheten» → «Enheten». */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const pluralRules = { nb: new Intl.PluralRules('nb-NO'), en: new Intl.PluralRules('en-GB') };
const countFormats = {
  nb: new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/**
 * A number with its noun in the right form for the language, by `Intl.PluralRules`:
 * `counted('nb', 1, 'nivå', 'nivåer')` → «1 nivå», `counted('nb', 3, 'nivå', 'nivåer')` → «3 nivåer».
 * For messages the server words in both languages (rule findings, refusals, differences).
 */
export function counted(language: 'nb' | 'en', count: number, one: string, other: string): string {
  return `${countFormats[language].format(count)} ${pluralRules[language].select(count) === 'one' ? one : other}`;
}
