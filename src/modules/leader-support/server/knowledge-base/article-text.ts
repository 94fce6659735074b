// Pure helpers for the knowledge base: the words of a search, the text-search queries built from
// them, and an article's key made from its title.

const wordPattern = /[\p{L}\p{N}]+/gu;
const maxWords = 30;

/** The words of what a user typed (letters and digits only), lower-cased, at most 30. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(wordPattern) ?? []).slice(0, maxWords);
}

// A word of letters and digits only cannot carry to_tsquery syntax (quotes, &, |, !, :, parentheses);
// it is quoted as well, so it is always read as one term.
const term = (word: string) => `'${word.replace(/'/g, "''")}'`;

/**
 * to_tsquery text for "all the words, the last one as a prefix" (what someone is still typing):
 * «glemt passo» → `'glemt' & 'passo':*`. Empty when there are no words.
 */
export function prefixQuery(words: readonly string[]): string {
  if (words.length === 0) return '';
  return words.map((word, i) => (i === words.length - 1 ? `${term(word)}:*` : term(word))).join(' & ');
}

/** to_tsquery text for "any of the words" (a whole sentence), the last one as a prefix. */
export function anyWordQuery(words: readonly string[]): string {
  if (words.length === 0) return '';
  return words.map((word, i) => (i === words.length - 1 ? `${term(word)}:*` : term(word))).join(' | ');
}

const letters: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a' };
/** Keys that are page addresses of their own under /lederstotte/kunnskapsbase/. */
export const reservedKeys = new Set(['ny', 'suggest']);

/** «Glemt passord – slik får du nytt» → «glemt-passord-slik-far-du-nytt» (at most 80 characters). */
export function keyFromTitle(title: string): string {
  const key = title
    .toLowerCase()
    .replace(/[æøå]/g, (c) => letters[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return key === '' || reservedKeys.has(key) ? `artikkel${key ? `-${key}` : ''}` : key;
}
