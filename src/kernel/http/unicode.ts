import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

// Text the API refuses rather than store. A lone surrogate is not a character: PostgreSQL and any
// UTF-8 encoder turn it into U+FFFD, so what was stored is not what was sent. Bidirectional
// controls in a name make it read differently from what it is: «faktura\u202Efdp.txt» shows as
// «fakturatxt.pdf». Checked once for every request here, not in each module.

// Written with escapes (\uXXXX) so that no invisible character hides in this file.
const loneSurrogatePattern = /\p{Cs}/u;
const bidiControlPattern = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Fields that hold names or titles (name, displayName, fileName, committeeName, title, fileNames …). */
const nameKeyPattern = /(name|title)s?$/i;
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface TextProblem {
  in: string;
  path: string;
  problem: string;
}

export function hasLoneSurrogate(text: string): boolean {
  return loneSurrogatePattern.test(text);
}

export function hasBidiControl(text: string): boolean {
  return bidiControlPattern.test(text);
}

/** Bytes that are not valid UTF-8 (an encoded surrogate included), which a decoder would turn into U+FFFD. */
export function isInvalidUtf8(bytes: Uint8Array): boolean {
  try {
    fatalUtf8.decode(bytes);
    return false;
  } catch {
    return true;
  }
}

const invalidTextMessage = {
  nb: 'Teksten inneholder ugyldige tegn (ufullstendige tegnkoder). Skriv eller lim inn teksten på nytt.',
  en: 'The text contains invalid characters (incomplete character codes). Type or paste the text again.',
};
const bidiMessage = {
  nb: 'Navnet inneholder usynlige retningstegn som kan få det til å se ut som noe annet. Fjern dem og prøv igjen.',
  en: 'The name contains invisible direction characters that can make it look like something else. Remove them and try again.',
};

/**
 * Refuses a name or title with bidirectional controls (or ill-formed text), as a 400 with the
 * field in the details. For names that do not arrive as a named JSON field, such as an upload's
 * file name read elsewhere.
 */
export function assertSafeName(name: string, where: { in: string; path: string }): void {
  if (hasLoneSurrogate(name)) throw invalidText([{ ...where, problem: 'contains an incomplete character code (a lone surrogate)' }]);
  if (hasBidiControl(name)) throw unsafeName([{ ...where, problem: 'contains a bidirectional control character' }]);
}

/**
 * What is wrong with one text value read from an imported file, or null: the same rule as for the
 * API (no lone surrogates anywhere, no direction controls in a field named like a name or title),
 * for text that arrives inside an uploaded file rather than as a JSON field.
 */
export function importedTextProblem(text: string, field: string): { nb: string; en: string } | null {
  if (hasLoneSurrogate(text)) return { nb: `«${field}»: ${invalidTextMessage.nb}`, en: `"${field}": ${invalidTextMessage.en}` };
  if (nameKeyPattern.test(field) && hasBidiControl(text))
    return { nb: `«${field}»: ${bidiMessage.nb}`, en: `"${field}": ${bidiMessage.en}` };
  return null;
}

function invalidText(details: TextProblem[]): AppError {
  return new AppError('invalid', { message: invalidTextMessage, details });
}

function unsafeName(details: TextProblem[]): AppError {
  return new AppError('invalid', { message: bidiMessage, details });
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** A path in the details, kept short: a body nested thousands deep must not make a huge answer. */
function childPathOf(path: string, key: string): string {
  if (path.length >= 200) return path.endsWith('…') ? path : `${path}…`;
  return path ? `${path}.${key}` : key;
}

/** The first unsafe text in a parsed value: walked without recursion, so a deeply nested body cannot overflow the stack. */
function findProblem(root: unknown, part: string): AppError | null {
  const stack: { value: unknown; path: string; key: string }[] = [{ value: root, path: '', key: '' }];
  while (stack.length > 0) {
    const { value, path, key } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasLoneSurrogate(value))
        return invalidText([{ in: part, path: path || '(root)', problem: 'contains an incomplete character code (a lone surrogate)' }]);
      if (nameKeyPattern.test(key) && hasBidiControl(value))
        return unsafeName([{ in: part, path: path || '(root)', problem: 'contains a bidirectional control character' }]);
      continue;
    }
    if (!isPlainContainer(value)) continue;
    if (Array.isArray(value)) {
      // An array of names (fileNames: [...]) is checked as names too.
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: childPathOf(path, String(i)), key });
      continue;
    }
    for (const [childKey, child] of Object.entries(value)) {
      const childPath = childPathOf(path, childKey);
      if (hasLoneSurrogate(childKey))
        return invalidText([{ in: part, path: childPath, problem: 'the field name contains an incomplete character code' }]);
      stack.push({ value: child, path: childPath, key: childKey });
    }
  }
  return null;
}

/** Percent-encoded bytes in the URL that do not decode as UTF-8 (`%FF`, `%ED%A0%80`), and where. */
function findBadPercentEncoding(url: string): { run: string; index: number } | null {
  for (const match of url.matchAll(/(?:%[0-9A-Fa-f]{2})+/g)) {
    if (isInvalidUtf8(Buffer.from(match[0].replaceAll('%', ''), 'hex'))) return { run: match[0], index: match.index };
  }
  return null;
}

/**
 * preValidation hook: refuses ill-formed text in the URL, the query string, the path parameters and
 * a parsed JSON body, and bidirectional controls in names, before any schema or handler sees them.
 * Raw bodies (uploads) are left to their routes.
 */
export async function refuseUnsafeText(request: FastifyRequest): Promise<void> {
  const bad = findBadPercentEncoding(request.url);
  if (bad) {
    const query = request.url.indexOf('?');
    const part = query !== -1 && bad.index > query ? 'querystring' : 'params';
    throw invalidText([{ in: part, path: '(root)', problem: `${bad.run} is not valid UTF-8` }]);
  }
  const problem = findProblem(request.params, 'params') ?? findProblem(request.query, 'querystring') ?? findProblem(request.body, 'body');
  if (problem) throw problem;
}

/**
 * Wraps Fastify's JSON parser (read as bytes) so that a body which is not valid UTF-8 is refused
 * rather than decoded with U+FFFD in place of the bad bytes.
 */
export function strictUtf8JsonParser(
  parseJson: (request: FastifyRequest, body: string, done: (error: Error | null, body?: unknown) => void) => void,
) {
  return (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: unknown) => void): void => {
    if (isInvalidUtf8(body)) {
      done(invalidText([{ in: 'body', path: '(root)', problem: 'is not valid UTF-8' }]));
      return;
    }
    parseJson(request, body.toString('utf8'), done);
  };
}
