// Fitting a unit's name into its box: word-wrapped by the text's measured width (not a count of
// characters: «Wilhelmsen» is wider than «Fjell»), at most a few lines, the last cut with … when
// the name is longer. The full name stays in the box's tooltip and accessible name.

/** Width of a text in px, in the font it is drawn in. */
export type Measure = (text: string) => number;

export type FittedText = { lines: string[]; cut: boolean };

const ellipsis = '…';

/** The text in lines no wider than `width`; a word wider than a line is broken where it must be. */
export function fitText(text: string, width: number, maxLines: number, measure: Measure): FittedText {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  const pushWord = (word: string) => {
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate) <= width) {
      current = candidate;
      return;
    }
    if (current) lines.push(current);
    current = '';
    // A single word wider than the line: as much as fits, the rest on the next line.
    let rest = word;
    while (measure(rest) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  };
  for (const word of words) pushWord(word);
  if (current) lines.push(current);
  if (lines.length <= maxLines) return { lines, cut: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(`${kept[maxLines - 1]} ${lines[maxLines]}`, width, measure);
  return { lines: kept, cut: true };
}

/** One line: the text, or as much of it as fits followed by …. */
export function fitLine(text: string, width: number, measure: Measure): FittedText {
  if (measure(text) <= width) return { lines: [text], cut: false };
  return { lines: [withEllipsis(text, width, measure)], cut: true };
}

function withEllipsis(text: string, width: number, measure: Measure): string {
  let end = text.length;
  while (end > 0 && measure(`${text.slice(0, end).trimEnd()}${ellipsis}`) > width) end--;
  return `${text.slice(0, end).trimEnd()}${ellipsis}`;
}

/**
 * A measure for a CSS font (`600 14px Inter, sans-serif`) through a canvas, remembering each text.
 * Without a canvas (tests, a strict browser), about 0.6 em a character.
 */
export function canvasMeasure(font: string, fontSize: number): Measure {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (context) context.font = font;
  const cache = new Map<string, number>();
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      width = context ? context.measureText(text).width : text.length * fontSize * 0.6;
      cache.set(text, width);
    }
    return width;
  };
}
