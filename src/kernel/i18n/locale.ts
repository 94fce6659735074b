/** The languages Knutepunkt speaks: Norwegian bokmål first, English second. */
export const locales = ['nb', 'en'] as const;
export type Locale = (typeof locales)[number];

/**
 * Picks the locale from an Accept-Language header. Norwegian (nb, no, nn) and anything unknown
 * give bokmål; English only when English ranks above every Norwegian tag.
 */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'nb';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'nb' || tag === 'no' || tag === 'nn' || tag.startsWith('nb-') || tag.startsWith('no-') || tag.startsWith('nn-'))
      return 'nb';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'nb';
}

const nbCollator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/**
 * Compares names by Norwegian rules (æ, ø, å after z). PGlite sorts these wrongly and the
 * PostgreSQL server's collation depends on how it was built, so names are sorted here.
 */
export function compareNorwegian(a: string, b: string): number {
  return nbCollator.compare(a, b);
}

/** Sorts a copy of `items` by a name, Norwegian rules. */
export function sortByNorwegian<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareNorwegian(name(a), name(b)));
}
