// Matching typed text against an option, as a Norwegian reader expects: case and accents do not
// matter (é = e, ü = u), but æ, ø and å are letters of their own (å ≠ a).

/** The text folded for matching. */
export function foldForMatch(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .replace(/å/g, '\uE000')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\uE000/g, 'å')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every word typed occurs in the option's label or description, in any order. */
export function matchesQuery(query: string, label: string, description = ''): boolean {
  const words = foldForMatch(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForMatch(`${label} ${description}`);
  return words.every((word) => haystack.includes(word));
}
