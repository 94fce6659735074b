/**
 * `{name}` in a dictionary text replaced by `vars.name`, and ICU-style plurals chosen by
 * `Intl.PluralRules` for the language: `{count, plural, one {# nivå} other {# nivåer}}` gives
 * «1 nivå», «3 nivåer» (`=0 {…}` picks an exact number first; `#` is the number, formatted).
 * One text per key, so a translator sees the whole sentence and no «1 nivåer» slips through.
 */
export function fillText(text: string, vars: Record<string, string | number> | undefined, locale: string): string {
  if (!vars) return text;
  const withPlurals = text.includes(', plural,')
    ? text.replace(pluralPattern, (match, name: string, body: string) => choosePlural(match, vars[name], body, locale))
    : text;
  return withPlurals.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

const pluralPattern = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const formPattern = /\s*(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

const rulesByLocale = new Map<string, Intl.PluralRules>();
const numbersByLocale = new Map<string, Intl.NumberFormat>();

function choosePlural(match: string, value: string | number | undefined, body: string, locale: string): string {
  const count = typeof value === 'number' ? value : Number(value);
  if (value === undefined || !Number.isFinite(count)) return match;
  const forms = new Map<string, string>();
  for (const [, selector, form] of body.matchAll(formPattern)) forms.set(selector!, form!);
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  let numbers = numbersByLocale.get(locale);
  if (!numbers) numbersByLocale.set(locale, (numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  const form = forms.get(`=${count}`) ?? forms.get(rules.select(count)) ?? forms.get('other') ?? '';
  return form.replace(/#/g, numbers.format(count));
}
