// RFC 7644 §3.4.2.2 filters and §3.5.2 PATCH paths, parsed into a small tree. Pure: what the tree
// may ask of the database is decided by the resource (scim-user.ts, scim-group.ts), not here.
import { ScimError } from './scim-error.js';

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterValue = string | number | boolean | null;

/** `urn:…:User:employeeNumber`, `name.givenName`, `emails[type eq "work"].value`. Names as sent. */
export interface AttrPath {
  /** The schema URN when the path was fully qualified. */
  schema?: string;
  attr: string;
  /** A filter on a multi-valued attribute's values (`emails[type eq "work"]`). */
  filter?: Filter;
  sub?: string;
}

export type Filter =
  | { kind: 'compare'; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: 'present'; path: AttrPath }
  | { kind: 'and' | 'or'; left: Filter; right: Filter }
  | { kind: 'not'; filter: Filter }
  /** `emails[type eq "work"]` standing alone: some value matches. */
  | { kind: 'has'; path: AttrPath; filter: Filter };

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'number'; value: number; at: number }
  | { type: '(' | ')' | '[' | ']'; at: number };

const compareOps = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const maxLength = 2_000;
const maxDepth = 20;

class ParseProblem extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']') {
      tokens.push({ type: c, at: i });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new ParseProblem(`unterminated string at ${i + 1}`);
      let value: unknown;
      try {
        value = JSON.parse(text.slice(i, j + 1));
      } catch {
        throw new ParseProblem(`bad escape in the string at ${i + 1}`);
      }
      tokens.push({ type: 'string', value: value as string, at: i });
      i = j + 1;
    } else if (/[-0-9]/.test(c)) {
      const match = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i));
      if (!match) throw new ParseProblem(`unexpected "${c}" at ${i + 1}`);
      tokens.push({ type: 'number', value: Number(match[0]), at: i });
      i += match[0].length;
    } else if (/[A-Za-z_$.]/.test(c)) {
      const match = /^[A-Za-z0-9_$.:-]+/.exec(text.slice(i))!;
      tokens.push({ type: 'word', text: match[0], at: i });
      i += match[0].length;
    } else {
      throw new ParseProblem(`unexpected "${c}" at ${i + 1}`);
    }
  }
  return tokens;
}

/** `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber` → schema + attr. */
function splitAttrPath(text: string): AttrPath {
  let schema: string | undefined;
  let rest = text;
  if (/^urn:/i.test(text)) {
    const cut = text.lastIndexOf(':');
    schema = text.slice(0, cut);
    rest = text.slice(cut + 1);
  }
  const parts = rest.split('.');
  if (parts.length > 2 || parts.some((p) => !/^[A-Za-z$][A-Za-z0-9_$-]*$/.test(p))) {
    throw new ParseProblem(`"${text}" is not an attribute path`);
  }
  return { ...(schema ? { schema } : {}), attr: parts[0]!, ...(parts[1] ? { sub: parts[1] } : {}) };
}

class Parser {
  private position = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new ParseProblem('the filter ends too early');
    return token;
  }

  private keyword(token: Token | undefined, word: string): boolean {
    return token?.type === 'word' && token.text.toLowerCase() === word;
  }

  atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token) throw new ParseProblem(`unexpected text at ${token.at + 1}`);
  }

  // Precedence as RFC 7644 gives it: not, then and, then or.
  filter(): Filter {
    if (++this.depth > maxDepth) throw new ParseProblem('the filter is nested too deep');
    let left = this.conjunction();
    while (this.keyword(this.peek(), 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.conjunction() };
    }
    this.depth--;
    return left;
  }

  private conjunction(): Filter {
    let left = this.unary();
    while (this.keyword(this.peek(), 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Filter {
    const token = this.peek();
    if (this.keyword(token, 'not')) {
      this.next();
      if (this.next().type !== '(') throw new ParseProblem('"not" must be followed by "("');
      const inner = this.filter();
      if (this.next().type !== ')') throw new ParseProblem('a ")" is missing');
      return { kind: 'not', filter: inner };
    }
    if (token?.type === '(') {
      this.next();
      const inner = this.filter();
      if (this.next().type !== ')') throw new ParseProblem('a ")" is missing');
      return inner;
    }
    return this.attributeExpression();
  }

  /** An attribute path with an optional `[filter]` and `.sub` after it. */
  path(): AttrPath {
    const token = this.next();
    if (token.type !== 'word' || token.text.startsWith('.')) throw new ParseProblem(`an attribute name is expected at ${token.at + 1}`);
    const path = splitAttrPath(token.text);
    if (this.peek()?.type === '[') {
      if (path.sub) throw new ParseProblem(`"[" cannot follow a sub-attribute at ${token.at + 1}`);
      this.next();
      const filter = this.filter();
      if (this.next().type !== ']') throw new ParseProblem('a "]" is missing');
      path.filter = filter;
      const after = this.peek();
      if (after?.type === 'word' && after.text.startsWith('.')) {
        this.next();
        if (!/^\.[A-Za-z$][A-Za-z0-9_$-]*$/.test(after.text)) throw new ParseProblem(`"${after.text}" is not a sub-attribute`);
        path.sub = after.text.slice(1);
      }
    }
    return path;
  }

  private attributeExpression(): Filter {
    const path = this.path();
    const operator = this.peek();
    if (path.filter && !path.sub && (!operator || operator.type !== 'word' || !compareOps.has(operator.text.toLowerCase()))) {
      const { filter, ...attribute } = path;
      return { kind: 'has', path: attribute, filter };
    }
    const op = this.next();
    if (op.type !== 'word') throw new ParseProblem(`an operator is expected at ${op.at + 1}`);
    const name = op.text.toLowerCase();
    if (name === 'pr') return { kind: 'present', path };
    if (!compareOps.has(name)) throw new ParseProblem(`"${op.text}" is not an operator`);
    const value = this.next();
    let parsed: FilterValue;
    if (value.type === 'string' || value.type === 'number') parsed = value.value;
    else if (value.type === 'word' && ['true', 'false', 'null'].includes(value.text.toLowerCase()))
      parsed = value.text.toLowerCase() === 'null' ? null : value.text.toLowerCase() === 'true';
    else throw new ParseProblem(`a value (a "string", a number, true, false or null) is expected at ${value.at + 1}`);
    return { kind: 'compare', path, op: name as CompareOp, value: parsed };
  }
}

function tooLong(text: string): boolean {
  return text.length > maxLength;
}

/** A `filter` query parameter as a tree, or a 400 invalidFilter saying where it went wrong. */
export function parseFilter(text: string): Filter {
  try {
    if (tooLong(text)) throw new ParseProblem('the filter is too long');
    const parser = new Parser(tokenize(text));
    if (parser.atEnd()) throw new ParseProblem('the filter is empty');
    const filter = parser.filter();
    parser.expectEnd();
    return filter;
  } catch (error) {
    if (!(error instanceof ParseProblem)) throw error;
    throw new ScimError(400, 'invalidFilter', {
      nb: `Filteret kan ikke tolkes: ${error.message}.`,
      en: `The filter cannot be parsed: ${error.message}.`,
    });
  }
}

/** A PATCH operation's `path`, or a 400 invalidPath. */
export function parsePatchPath(text: string): AttrPath {
  try {
    if (tooLong(text)) throw new ParseProblem('the path is too long');
    const parser = new Parser(tokenize(text));
    if (parser.atEnd()) throw new ParseProblem('the path is empty');
    const path = parser.path();
    parser.expectEnd();
    return path;
  } catch (error) {
    if (!(error instanceof ParseProblem)) throw error;
    throw new ScimError(400, 'invalidPath', {
      nb: `Stien «${text.slice(0, 200)}» kan ikke tolkes: ${error.message}.`,
      en: `The path "${text.slice(0, 200)}" cannot be parsed: ${error.message}.`,
    });
  }
}

/** The attribute's name as the schema spells it, case-insensitively: RFC 7643 §2.1. */
export function sameName(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}
