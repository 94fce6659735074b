// Matching typed text against an option, as a Norwegian reader expects: case and accents do not
// matter (é = e, ü = u), but æ, ø and å are letters of their own (å ≠ a). A slip of the finger is
// forgiven, as the service search's trigram match does: a word of five letters or more may be one
// edit off (a letter missing, extra, wrong or two swapped), of nine or more two edits.

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

/** How many edits a typed word of this length may be off. */
export function typosAllowed(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Edit distance with adjacent swaps counted as one edit (optimal string alignment, the
 * restricted Damerau–Levenshtein distance). Stops early: anything above `max` is `max + 1`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Three rows are enough: the previous two and this one.
  let before = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[cols - 1]!, max + 1);
}

/**
 * Whether a typed word is (nearly) in the text: exactly as part of it, or within the typos its
 * length allows of one of the text's words or the start of one ("legevkt" finds «Legevakt»,
 * "helsetjenster" «Helsetjenester», "skloe" «skole»).
 */
function nearlyIn(word: string, text: string, words: readonly string[]): 'exact' | 'typo' | null {
  if (text.includes(word)) return 'exact';
  const allowed = typosAllowed(word.length);
  if (allowed === 0) return null;
  for (const candidate of words) {
    if (Math.abs(candidate.length - word.length) <= allowed && editDistance(word, candidate, allowed) <= allowed) return 'typo';
    // The start of a longer word: the typed word may stop short («helsetj» for «Helsetjenester»).
    for (let length = word.length - allowed; length <= word.length + allowed; length++) {
      if (length < 1 || length >= candidate.length) continue;
      if (editDistance(word, candidate.slice(0, length), allowed) <= allowed) return 'typo';
    }
  }
  return null;
}

/**
 * How well the query matches: 3 the text starts with it, 2 every word occurs in it, 1 every word
 * occurs allowing typos, 0 not at all. (An empty query matches everything: 2.)
 */
export function matchScore(query: string, label: string, description = ''): 0 | 1 | 2 | 3 {
  const folded = foldForMatch(query);
  const words = folded.split(' ').filter(Boolean);
  if (words.length === 0) return 2;
  const foldedLabel = foldForMatch(label);
  const haystack = description ? `${foldedLabel} ${foldForMatch(description)}` : foldedLabel;
  const haystackWords = haystack.split(/[\s\-–/(),.·]+/).filter(Boolean);
  let typo = false;
  for (const word of words) {
    const found = nearlyIn(word, haystack, haystackWords);
    if (!found) return 0;
    if (found === 'typo') typo = true;
  }
  if (typo) return 1;
  return foldedLabel.startsWith(folded) ? 3 : 2;
}

/**
 * Every word typed occurs in the option's label or description, in any order; with `typos`
 * (the default) a word may be a slip off, as above.
 */
export function matchesQuery(query: string, label: string, description = '', options: { typos?: boolean } = {}): boolean {
  const score = matchScore(query, label, description);
  return options.typos === false ? score >= 2 : score >= 1;
}
