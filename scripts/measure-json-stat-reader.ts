// Measures the steering import's hand-written streaming JSON tokenizer
// (src/modules/steering/server/imports/json-tokenizer.ts) against @streamparser/json and stream-json,
// for docs/decisions/0017-json-stat-reader.md. Each library is put under the same JSON-stat reader
// (jsonstat.ts: it takes SAX-like events) through a small adapter, so only the tokenizer differs:
//   - time and peak memory on the ~50 MB synthetic JSON-stat file of scripts/bench-steering-import.ts,
//     each tokenizer in its own Node process (heap + array buffers and RSS sampled every 20 ms, and
//     once more under --max-old-space-size=32 to see that it stays bounded);
//   - correctness: the same result as the own tokenizer on the sample files in 1, 7, 64 and whole
//     chunks, and what each says about the malformed and hostile files.
//
// `npx tsx scripts/measure-json-stat-reader.ts [--file /tmp/x.json]` (the file is generated when
// missing). The libraries are loaded by name at run time, so the script still type-checks once they
// are gone from package.json; to run it then, `npm i --no-save @streamparser/json stream-json`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { JsonHandler } from '../src/modules/steering/server/imports/json-tokenizer.js';
import {
  JsonStatError,
  JsonStatReader,
  type JsonStatOptions,
  type JsonStatResult,
} from '../src/modules/steering/server/imports/jsonstat.js';
import { planImport, type MappingInput } from '../src/modules/steering/server/imports/jsonstat-rows.js';

interface Tokenizer {
  write(chunk: string): void;
  end(): void;
}
type Variant = 'own' | 'streamparser' | 'stream-json';
const variants: Variant[] = ['own', 'streamparser', 'stream-json'];

const load = async (name: string): Promise<Record<string, unknown>> => {
  try {
    return (await import(name)) as Record<string, unknown>;
  } catch {
    throw new Error(`${name} is not installed: npm i --no-save @streamparser/json stream-json`);
  }
};

/**
 * @streamparser/json's Tokenizer only splits the text into tokens (it accepts `{"a" 1}` and `[1 2]`);
 * the grammar, and which string is a key, is this adapter's: what json-tokenizer.ts does beside lexing.
 */
async function streamparserTokenizer(handler: JsonHandler): Promise<Tokenizer> {
  const { Tokenizer, TokenType: T } = (await load('@streamparser/json')) as {
    Tokenizer: new () => { write(s: string): void; end(): void; onToken: (t: { token: number; value: unknown; offset: number }) => void };
    TokenType: Record<string, number>;
  };
  const tokenizer = new Tokenizer();
  const stack: ('{' | '[')[] = [];
  // what may come next: a value, a key (or `}` after `{`), `:`, `,` or the end of the container, nothing
  let expect: 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'after' | 'done' = 'value';
  const fail = (offset: number) => {
    throw new Error(`unexpected token at ${offset}`);
  };
  const afterValue = () => (expect = stack.length === 0 ? 'done' : 'after');
  tokenizer.onToken = ({ token, value, offset }) => {
    if (expect === 'done') fail(offset);
    if (expect === 'colon') return token === T.COLON ? void (expect = 'value') : fail(offset);
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (token === T.COMMA) expect = top === '{' ? 'key' : 'value';
      else if ((token === T.RIGHT_BRACE && top === '{') || (token === T.RIGHT_BRACKET && top === '[')) close();
      else fail(offset);
      return;
    }
    if (expect === 'key' || expect === 'firstKey') {
      if (token === T.STRING) {
        handler.key(value as string);
        expect = 'colon';
      } else if (token === T.RIGHT_BRACE && expect === 'firstKey') close();
      else fail(offset);
      return;
    }
    // a value
    if (token === T.RIGHT_BRACKET && expect === 'firstValue') return close();
    if (token === T.LEFT_BRACE) {
      stack.push('{');
      handler.startObject();
      expect = 'firstKey';
    } else if (token === T.LEFT_BRACKET) {
      stack.push('[');
      handler.startArray();
      expect = 'firstValue';
    } else if (token === T.STRING || token === T.NUMBER || token === T.TRUE || token === T.FALSE || token === T.NULL) {
      handler.value(value as string | number | boolean | null);
      afterValue();
    } else fail(offset);
  };
  function close() {
    if (stack.pop() === '{') handler.endObject();
    else handler.endArray();
    afterValue();
  }
  return {
    write: (chunk) => tokenizer.write(chunk),
    end: () => {
      tokenizer.end();
      if (expect !== 'done') throw new Error('the document ends too early');
    },
  };
}

/** stream-json's bare tokenizer (`jsonParser`, no Node stream around it): packed keys, strings and numbers. */
async function streamJsonTokenizer(handler: JsonHandler): Promise<Tokenizer> {
  const { jsonParser } = (await load('stream-json/parser.js')) as { jsonParser: (o: object) => (chunk: unknown) => unknown };
  const { none, isMany, getManyValues } = (await load('stream-chain/core')) as {
    none: symbol;
    isMany: (x: unknown) => boolean;
    getManyValues: (x: unknown) => { name: string; value?: unknown }[];
  };
  const parse = jsonParser({ streamValues: false, packValues: true });
  const take = (out: unknown) => {
    if (out === none || out === undefined) return;
    for (const token of isMany(out) ? getManyValues(out) : [out as { name: string; value?: unknown }]) {
      switch (token.name) {
        case 'startObject':
          handler.startObject();
          break;
        case 'endObject':
          handler.endObject();
          break;
        case 'startArray':
          handler.startArray();
          break;
        case 'endArray':
          handler.endArray();
          break;
        case 'keyValue':
          handler.key(token.value as string);
          break;
        case 'numberValue':
          handler.value(Number(token.value));
          break;
        default:
          handler.value(token.value as string | boolean | null);
      }
    }
  };
  return { write: (chunk) => take(parse(chunk)), end: () => take(parse(none)) };
}

/** A JSON-stat reader over the chosen tokenizer (the reader's own is swapped out for a library's). */
async function reader(variant: Variant, options: JsonStatOptions): Promise<JsonStatReader> {
  const result = new JsonStatReader(options);
  if (variant === 'streamparser') (result as unknown as { tokenizer: Tokenizer }).tokenizer = await streamparserTokenizer(result);
  if (variant === 'stream-json') (result as unknown as { tokenizer: Tokenizer }).tokenizer = await streamJsonTokenizer(result);
  return result;
}

const digest = (r: JsonStatResult) => {
  let sum = 0;
  let indexSum = 0;
  for (let i = 0; i < r.keptCount; i += 1) {
    sum += r.keptValue[i]!;
    indexSum += r.keptIndex[i]!;
  }
  return `${r.meta.cells} cells, ${r.valueCount} values, ${r.nullCount} null, ${r.keptCount} kept, Σ ${sum.toFixed(1)}, Σindex ${indexSum}`;
};

const bench: MappingInput = { frequency: 'year', contentsCode: 'SynKode0550', ssbTable: null, regions: null, today: '2025-06-01' };

/** One tokenizer over the big file, in this process: prints one JSON line. */
async function child(variant: Variant, file: string) {
  global.gc?.();
  const base = process.memoryUsage();
  let peak = base.heapUsed + base.arrayBuffers;
  let peakRss = base.rss;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers);
    peakRss = Math.max(peakRss, m.rss);
  }, 20);
  const started = performance.now();
  const r = await reader(variant, { select: (meta) => planImport(meta, bench).selection });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 64 * 1024 })) {
    r.write(decoder.decode(chunk as Buffer, { stream: true }));
    // let the sampler run, as the HTTP import does between chunks
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  r.write(decoder.decode());
  const result = r.end();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const mb = (n: number) => Number((n / 1024 / 1024).toFixed(1));
  process.stdout.write(
    `${JSON.stringify({ variant, seconds: Number(seconds.toFixed(2)), heapGrowthMb: mb(peak - base.heapUsed - base.arrayBuffers), rssGrowthMb: mb(peakRss - base.rss), maxRssMb: mb(process.resourceUsage().maxRSS * 1024), digest: digest(result) })}\n`,
  );
}

async function readWith(variant: Variant, chunks: string[], options: JsonStatOptions = {}): Promise<string> {
  try {
    const r = await reader(variant, options);
    for (const chunk of chunks) r.write(chunk);
    return digest(r.end());
  } catch (error) {
    return error instanceof JsonStatError
      ? `refused: ${error.userMessage.en}`
      : `thrown: ${(error as Error).name}: ${(error as Error).message}`;
  }
}

async function correctness(say: (line: string) => void) {
  const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/modules/steering/server/imports/samples');
  let same = 0;
  let differ = 0;
  for (const name of fs.readdirSync(samples).filter((n) => n.endsWith('.json'))) {
    const text = fs.readFileSync(path.join(samples, name), 'utf8');
    for (const size of [1, 7, 64, text.length]) {
      const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, i * size + size));
      const own = await readWith('own', chunks);
      for (const variant of variants.slice(1)) {
        if ((await readWith(variant, chunks)) === own) same += 1;
        else {
          differ += 1;
          say(`  ${variant} differs on ${name} in chunks of ${size}`);
        }
      }
    }
  }
  say(`sample files × chunk sizes: ${same} same as the own tokenizer, ${differ} different`);
  const cases: [string, string][] = [
    ['ends early', '{"class":"dataset","value":[1,2,'],
    ['missing comma', '{"class":"dataset" "version":"2.0"}'],
    ['trailing comma', '{"value":[1,2,]}'],
    ['bad word', '{"a":tru}'],
    ['text after the end', '{"a":1} x'],
    ['leading zero', '{"a":01}'],
    ['control character in a string', '{"a":"x\u0001"}'],
    ['1 000 000 nested arrays', `{"a":${'['.repeat(1_000_000)}`],
    ['a 20 MB string', `{"label":"${'x'.repeat(20_000_000)}"}`],
    ['a number of 100 000 digits', `{"a":${'9'.repeat(100_000)}}`],
  ];
  say('\nmalformed and hostile files (own | @streamparser/json | stream-json):');
  for (const [label, text] of cases) {
    const answers: string[] = [];
    for (const variant of variants) {
      const started = performance.now();
      const answer = await readWith(variant, [text]);
      answers.push(`${answer.slice(0, 110)} (${(performance.now() - started).toFixed(0)} ms)`);
    }
    say(`  ${label}:\n    ${answers.join('\n    ')}`);
  }
}

async function main() {
  const { values } = parseArgs({ options: { file: { type: 'string' }, child: { type: 'string' } } });
  if (values.child) return child(values.child as Variant, values.file!);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const file = values.file ?? path.join(os.tmpdir(), 'kp-measure-jsonstat.json');
  if (!fs.existsSync(file)) {
    const { writeSyntheticJsonStat } = await import('./bench-steering-import.js');
    await writeSyntheticJsonStat(file);
  }
  say(`node ${process.version}, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB (${file}), 64 KiB chunks`);
  const script = fileURLToPath(import.meta.url);
  for (const limit of [null, 32]) {
    for (const variant of variants) {
      const args = [
        '--import',
        'tsx',
        '--expose-gc',
        ...(limit ? [`--max-old-space-size=${limit}`] : []),
        script,
        '--child',
        variant,
        '--file',
        file,
      ];
      try {
        const line = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
        say(`${limit ? `--max-old-space-size=${limit} ` : ''}${line}`);
      } catch (error) {
        say(
          `${limit ? `--max-old-space-size=${limit} ` : ''}${variant}: failed: ${
            String((error as { stderr?: string }).stderr ?? error)
              .split('\n')
              .find((l) => /heap|Error/.test(l)) ?? ''
          }`,
        );
      }
    }
  }
  await correctness(say);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
