// A small streaming JSON tokenizer (RFC 8259): text goes in chunk by chunk, events come out, and
// nothing but the token being read is kept. Used to read JSON-stat files of tens of megabytes
// without holding them as one string.

export type JsonPrimitive = string | number | boolean | null;

export interface JsonHandler {
  startObject(): void;
  endObject(): void;
  startArray(): void;
  endArray(): void;
  key(name: string): void;
  value(value: JsonPrimitive): void;
}

/** Malformed JSON, with the character position (from 0) where it was found. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at character ${position}`);
    this.name = 'JsonSyntaxError';
  }
}

const enum State {
  Value, // a value is expected
  FirstKeyOrEnd, // after '{'
  Key, // after ',' in an object
  Colon,
  FirstValueOrEnd, // after '['
  AfterValue, // ',' or the container's end
  Done,
}

const numberPattern = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const maxDepth = 64;

export class JsonTokenizer {
  private state: State = State.Value;
  private readonly stack: ('{' | '[')[] = [];
  // The token in progress: a string (key or value), a number or a literal.
  private token: 'string' | 'number' | 'literal' | null = null;
  private text = '';
  private isKey = false;
  private escape: '' | '\\' | 'u' = '';
  private unicode = '';
  private position = 0;

  constructor(
    private readonly handler: JsonHandler,
    private readonly maxStringLength = 1_000_000,
  ) {}

  private fail(reason: string, at: number): never {
    throw new JsonSyntaxError(reason, at);
  }

  write(chunk: string): void {
    const length = chunk.length;
    let i = 0;
    while (i < length) {
      if (this.token === 'string') {
        i = this.readString(chunk, i);
        continue;
      }
      if (this.token !== null) {
        // number or literal: runs until a delimiter; copy the run at once
        let j = i;
        while (j < length) {
          const d = chunk.charCodeAt(j);
          if (!((d >= 48 && d <= 57) || (d >= 97 && d <= 122) || d === 45 || d === 43 || d === 46 || d === 69)) break;
          j += 1;
        }
        if (j > i) {
          this.text += chunk.slice(i, j);
          if (this.text.length > 64) this.fail('a number or word is too long', this.position + j);
          i = j;
          if (j === length) continue;
        }
        this.finishScalar(this.position + i);
      }
      const c = chunk.charCodeAt(i);
      // whitespace
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        i += 1;
        continue;
      }
      const at = this.position + i;
      switch (this.state) {
        case State.Done:
          this.fail('text after the end of the document', at);
        // falls through (unreachable)
        case State.Value:
        case State.FirstValueOrEnd:
          if (c === 93 /* ] */ && this.state === State.FirstValueOrEnd) {
            this.close('[', at);
            break;
          }
          this.startValue(c, chunk[i]!, at);
          break;
        case State.FirstKeyOrEnd:
        case State.Key:
          if (c === 125 /* } */ && this.state === State.FirstKeyOrEnd) {
            this.close('{', at);
          } else if (c === 34 /* " */) {
            this.token = 'string';
            this.isKey = true;
            this.text = '';
          } else this.fail('expected a property name in double quotes', at);
          break;
        case State.Colon:
          if (c !== 58) this.fail("expected ':'", at);
          this.state = State.Value;
          break;
        case State.AfterValue: {
          const top = this.stack[this.stack.length - 1];
          if (c === 44 /* , */) this.state = top === '{' ? State.Key : State.Value;
          else if (c === 125 && top === '{') this.close('{', at);
          else if (c === 93 && top === '[') this.close('[', at);
          else this.fail(top === '{' ? "expected ',' or '}'" : "expected ',' or ']'", at);
          break;
        }
      }
      i += 1;
    }
    this.position += length;
  }

  /** The end of the input: refuses a document that stops half-way. */
  end(): void {
    if (this.token === 'number' || this.token === 'literal') this.finishScalar(this.position);
    if (this.token === 'string') this.fail('a string is never closed', this.position);
    if (this.state !== State.Done)
      this.fail(
        this.stack.length > 0 || this.state !== State.Value ? 'the document ends too early' : 'the document is empty',
        this.position,
      );
  }

  private startValue(c: number, char: string, at: number): void {
    if (c === 123 /* { */) {
      this.open('{', at);
      this.handler.startObject();
      this.state = State.FirstKeyOrEnd;
    } else if (c === 91 /* [ */) {
      this.open('[', at);
      this.handler.startArray();
      this.state = State.FirstValueOrEnd;
    } else if (c === 34) {
      this.token = 'string';
      this.isKey = false;
      this.text = '';
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      this.token = 'number';
      this.text = char;
    } else if (c === 116 || c === 102 || c === 110) {
      this.token = 'literal';
      this.text = char;
    } else this.fail(`unexpected character '${char}'`, at);
  }

  private open(kind: '{' | '[', at: number): void {
    if (this.stack.length >= maxDepth) this.fail('nested too deeply', at);
    this.stack.push(kind);
  }

  private close(kind: '{' | '[', at: number): void {
    if (this.stack.pop() !== kind) this.fail('mismatched brackets', at);
    if (kind === '{') this.handler.endObject();
    else this.handler.endArray();
    this.afterValue();
  }

  private afterValue(): void {
    this.state = this.stack.length === 0 ? State.Done : State.AfterValue;
  }

  private finishScalar(at: number): void {
    const text = this.text;
    this.token = null;
    this.text = '';
    if (/^[-\d]/.test(text)) {
      if (!numberPattern.test(text)) this.fail(`'${text}' is not a number`, at - text.length);
      this.handler.value(Number(text));
    } else if (text === 'true') this.handler.value(true);
    else if (text === 'false') this.handler.value(false);
    else if (text === 'null') this.handler.value(null);
    else this.fail(`unexpected word '${text}'`, at - text.length);
    this.afterValue();
  }

  /** Reads string characters from i; returns where it stopped (the chunk's end or after the closing quote). */
  private readString(chunk: string, i: number): number {
    const length = chunk.length;
    while (i < length) {
      if (this.escape === 'u') {
        const need = 4 - this.unicode.length;
        const part = chunk.slice(i, i + need);
        this.unicode += part;
        i += part.length;
        if (this.unicode.length === 4) {
          if (!/^[0-9a-fA-F]{4}$/.test(this.unicode)) this.fail('a bad \\u escape', this.position + i);
          this.text += String.fromCharCode(parseInt(this.unicode, 16));
          this.unicode = '';
          this.escape = '';
        }
        continue;
      }
      if (this.escape === '\\') {
        const e = chunk[i]!;
        const mapped =
          e === 'n'
            ? '\n'
            : e === 't'
              ? '\t'
              : e === 'r'
                ? '\r'
                : e === 'b'
                  ? '\b'
                  : e === 'f'
                    ? '\f'
                    : e === '"' || e === '\\' || e === '/'
                      ? e
                      : null;
        if (e === 'u') this.escape = 'u';
        else if (mapped === null) this.fail(`a bad escape '\\${e}'`, this.position + i);
        else {
          this.text += mapped;
          this.escape = '';
        }
        i += 1;
        continue;
      }
      // Copy the run up to the next quote or backslash at once.
      let j = i;
      while (j < length) {
        const c = chunk.charCodeAt(j);
        if (c === 34 || c === 92) break;
        if (c < 32) this.fail('a control character inside a string', this.position + j);
        j += 1;
      }
      if (j > i) {
        this.text += chunk.slice(i, j);
        if (this.text.length > this.maxStringLength) this.fail('a string is too long', this.position + j);
      }
      if (j === length) return j;
      if (chunk.charCodeAt(j) === 92) {
        this.escape = '\\';
        i = j + 1;
        continue;
      }
      // the closing quote
      const text = this.text;
      this.token = null;
      this.text = '';
      if (this.isKey) {
        this.handler.key(text);
        this.state = State.Colon;
      } else {
        this.handler.value(text);
        this.afterValue();
      }
      return j + 1;
    }
    return i;
  }
}
