// A bounded, seeded fuzz walk over the API as the app documents it (GET /api/docs/json): every
// operation gets a few malformed requests (wrong types, missing and unknown fields, huge strings
// and numbers, invalid dates and UUIDs, lone surrogates, nulls, arrays for objects, bad bytes) as
// an administrator who holds every role, with the CSRF token. No answer may be a 5xx, and every
// refusal must be `{ error: { code, message, details } }` with the status its code stands for.
//
// Repeatable: the same seed sends the same requests. A failure names the seed; run again with
// FUZZ_SEED=<seed> (and FUZZ_CASES=<n> for a longer walk) to see it again.
import { describe, expect, it } from 'vitest';
import { errorCodes, roles, type ErrorCode } from '../../src/kernel/index.js';
import { useTestApp, type SignedIn } from '../helpers/test-app.js';
import { sampleValue, type JsonSchema } from '../helpers/routes.js';

// SCIM (/scim/v2) is walked too, with its bearer token; its refusals have RFC 7644's error shape.
const scimToken = 'fuzz-walk-scim-token-0123456789abcdef0123456789';
const t = useTestApp({ env: { SCIM_TOKEN: scimToken } });
const seed = Number(process.env.FUZZ_SEED ?? 20261);
// Cases per operation: about 2 300 requests, 30–40 s on PGlite on a quiet two-core machine, so
// well within two minutes on a busy one.
const casesPerOperation = Number(process.env.FUZZ_CASES ?? 10);
const requestTimeoutMs = 30_000;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}
interface Case {
  label: string;
  params: Record<string, string>; // already percent-encoded
  query: string; // raw, without '?'
  body?: string | Buffer;
  contentType?: string;
}

/** mulberry32: small, seedable, good enough to pick cases. */
function random(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

const huge = 'x'.repeat(100_000);
const badParams = [
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  '-1',
  '0',
  '1.5',
  '99999999999999999999',
  'null',
  '%ED%A0%80',
  '%FF',
  '%00',
  'x'.repeat(3000),
  '..%2F..%2Fetc',
  '2024-02-30',
  "'%3B--",
];
const badQueryValues = [
  'abc',
  '-1',
  '0',
  '1e308',
  '-99999999999999999999',
  '1.5',
  '2024-02-30',
  '2024-13-01',
  '0000-00-00',
  'not-a-date',
  'not-a-uuid',
  'x'.repeat(5000),
  '%ED%A0%80',
  '%00',
  '',
  'true',
  'null',
  '9999-12-31',
  '0001-01-01',
  '1000000000',
];

const edgeStrings = ['', ' ', huge, '2024-02-30', '9999-12-31', '0001-01-01', 'not-a-uuid', '\u0000', '-1', '<script>', '\ud800'];
const edgeNumbers = [-1, 0, 1.5, -1e308, 1e308, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER + 2];
const deeplyNested = '['.repeat(50_000) + ']'.repeat(50_000);
const wrongTypes: unknown[] = [null, 'x', 123, true, [], {}, [1, 2], { a: 1 }];

/** The operations of the OpenAPI document, with their parameters and JSON body schema. */
function operationsOf(document: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (path.startsWith('/api/docs')) continue;
    for (const [method, operation] of Object.entries(item)) {
      const requestBody = operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters as Parameter[] | undefined) ?? [],
        body: requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

interface Leaf {
  path: (string | number)[];
  schema: JsonSchema;
}

/** A valid-looking value for a schema, optional fields included at random, and the paths of its leaves. */
function build(schema: JsonSchema | undefined, rng: Rng, path: (string | number)[], leaves: Leaf[], depth = 0): unknown {
  if (!schema) return sampleValue(schema);
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union) {
    const notNull = union.filter((s) => s.type !== 'null');
    return build(pick(rng, notNull.length > 0 ? notNull : union), rng, path, leaves, depth);
  }
  if (schema.type === 'object' || schema.properties) {
    const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const value: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(properties)) {
      if (required.has(key) || (depth < 4 && rng() < 0.5)) value[key] = build(child, rng, [...path, key], leaves, depth + 1);
    }
    if (path.length > 0) leaves.push({ path, schema });
    return value;
  }
  if (schema.type === 'array') {
    const count = Math.max(typeof schema.minItems === 'number' ? schema.minItems : 0, depth < 4 && rng() < 0.5 ? 1 : 0);
    const value = Array.from({ length: count }, (_, i) => build(schema.items as JsonSchema, rng, [...path, i], leaves, depth + 1));
    leaves.push({ path, schema });
    return value;
  }
  leaves.push({ path, schema });
  return sampleValue(schema);
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/**
 * A value at an edge that still fits the leaf's schema (so the request reaches the handler), or
 * one of a wrong type (so validation must refuse it).
 */
function spoil(leaf: Leaf, rng: Rng): unknown {
  if (rng() < 0.3) return pick(rng, wrongTypes);
  const schema = leaf.schema;
  if (Array.isArray(schema.enum)) return pick(rng, schema.enum);
  switch (schema.type) {
    case 'string': {
      if (schema.format || schema.pattern) return pick(rng, edgeStrings);
      const max = typeof schema.maxLength === 'number' ? schema.maxLength : huge.length;
      const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
      const fitting = edgeStrings.filter((text) => text.length <= max && text.length >= min);
      return pick(rng, [...fitting, 'x'.repeat(max), 'æøå'.repeat(Math.floor(max / 3))]);
    }
    case 'integer':
    case 'number': {
      const fitting = edgeNumbers.filter(
        (n) =>
          (schema.type === 'number' || Number.isInteger(n)) &&
          (typeof schema.minimum !== 'number' || n >= schema.minimum) &&
          (typeof schema.maximum !== 'number' || n <= schema.maximum),
      );
      const bounds = [schema.minimum, schema.maximum].filter((n): n is number => typeof n === 'number');
      return pick(rng, [...fitting, ...bounds, ...edgeNumbers.slice(0, 2)]);
    }
    case 'array':
      return pick(rng, [[], Array.from({ length: 10_000 }, () => 'x'), [null], [[]]]);
    case 'object':
      return pick(rng, [{}, { __unknown: 1 }, null, []]);
    default:
      return pick(rng, [...wrongTypes, ...edgeStrings.slice(0, 3)]);
  }
}

/** Percent-encodes text for a query string; a lone surrogate (which encodeURIComponent throws on) is sent as the bytes a careless encoder would write. */
function encodeQueryValue(text: string): string {
  return text
    .split(/(\p{Cs})/u)
    .map((part) => (/^\p{Cs}$/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' });

/** The malformed requests one operation gets: drawn from those that apply to it, a different mix per operation. */
function casesFor(operation: Operation, rng: Rng, known: KnownValues): Case[] {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const baseParams = Object.fromEntries(
    pathParams.map((p) => {
      const candidates = knownFor(known, p.name);
      const value = candidates.length > 0 && rng() < 0.8 ? pick(rng, candidates) : String(sampleValue(p.schema));
      return [p.name, encodeURIComponent(value)];
    }),
  );
  const baseQuery = queryParams
    .filter((p) => p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(sampleValue(p.schema)))}`)
    .join('&');
  const isWrite = operation.method !== 'GET';

  const makers: (() => Omit<Case, 'params' | 'query'> & Partial<Case>)[] = [];
  if (pathParams.length > 0) {
    makers.push(() => {
      const param = pick(rng, pathParams);
      const value = pick(rng, badParams);
      return { label: `path ${param.name}=${value.slice(0, 40)}`, params: { ...baseParams, [param.name]: value } };
    });
  }
  makers.push(() => {
    const param = queryParams.length > 0 && rng() < 0.8 ? pick(rng, queryParams).name : 'unknownParam';
    const value = pick(rng, badQueryValues);
    const repeated = rng() < 0.2;
    const spoiled = repeated ? `${param}=${value}&${param}=${value}` : `${param}=${value}`;
    return { label: `query ${spoiled.slice(0, 60)}`, query: baseQuery ? `${baseQuery}&${spoiled}` : spoiled };
  });
  if (queryParams.length > 0) {
    makers.push(() => {
      const param = pick(rng, queryParams);
      const value = spoil({ path: [param.name], schema: param.schema ?? {} }, rng);
      const text = encodeQueryValue(typeof value === 'object' ? JSON.stringify(value) : String(value));
      const rest = queryParams
        .filter((p) => p.required && p.name !== param.name)
        .map((p) => `${p.name}=${encodeURIComponent(String(sampleValue(p.schema)))}`);
      return { label: `query ${param.name}=${text.slice(0, 40)}`, query: [...rest, `${param.name}=${text}`].join('&') };
    });
  }
  if (operation.body) {
    const schema = operation.body;
    makers.push(() => {
      const leaves: Leaf[] = [];
      const base = build(schema, rng, [], leaves);
      if (leaves.length === 0) return { label: 'body: unknown field', ...json({ ...(base as object), __unknown: true }) };
      const leaf = pick(rng, leaves);
      const value = spoil(leaf, rng);
      const shown = typeof value === 'string' ? `"${value.slice(0, 20)}"` : JSON.stringify(value)?.slice(0, 30);
      return { label: `body ${leaf.path.join('.')}=${shown}`, ...json(setAt(base, leaf.path, value)) };
    });
    makers.push(() => {
      const leaves: Leaf[] = [];
      const base = build(schema, rng, [], leaves);
      return { label: 'body: unknown field', ...json(Array.isArray(base) ? base : { ...(base as object), __unknown: 1 }) };
    });
    makers.push(() => ({ label: 'body: missing required fields', ...json({}) }));

    makers.push(() => {
      const body = pick(rng, [
        'null',
        '[]',
        '[{}]',
        '"x"',
        '0',
        'true',
        '{"a":',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{}}}',
        deeplyNested,
      ]);
      return { label: `body: ${body.slice(0, 40)}`, body, contentType: 'application/json' };
    });
    makers.push(() => ({ label: 'body: empty with a JSON content type', body: '', contentType: 'application/json' }));
    makers.push(() => {
      const leaves: Leaf[] = [];
      const base = build(schema, rng, [], leaves);
      const strings = leaves.filter((l) => l.schema.type === 'string');
      if (strings.length === 0) return { label: 'body: lone surrogate', body: '{"\\ud800":1}', contentType: 'application/json' };
      const leaf = pick(rng, strings);
      return { label: `body ${leaf.path.join('.')}=lone surrogate`, ...json(setAt(base, leaf.path, 'a\ud800b')) };
    });
  } else if (isWrite) {
    // Uploads and writes without a JSON body: bytes of every kind.
    makers.push(() => ({
      label: 'raw: random bytes',
      body: Buffer.from(Array.from({ length: 2000 }, () => Math.floor(rng() * 256))),
      contentType: 'application/octet-stream',
    }));
    makers.push(() => ({
      label: 'raw: bytes that are not UTF-8',
      body: Buffer.from([0x61, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x0a]),
      contentType: 'text/csv',
    }));
    makers.push(() => ({ label: 'raw: empty', body: Buffer.alloc(0), contentType: 'application/octet-stream' }));
    makers.push(() => ({
      label: 'raw: JSON that is not the expected shape',
      body: '{"a":[1,{"b":null}]}',
      contentType: 'application/json',
    }));
    makers.push(() => ({ label: 'raw: a huge line', body: 'a;b\n' + huge + ';' + huge, contentType: 'text/csv' }));
  }

  // A different mix per operation, each maker used before any is used twice.
  const order = makers.map((maker) => ({ maker, key: rng() })).sort((a, b) => a.key - b.key);
  return Array.from({ length: casesPerOperation }, (_, i) => {
    const made = order[i % order.length]!.maker();
    return { params: baseParams, query: baseQuery, ...made };
  });
}

/** Identifiers seen in the API's own answers, by field name, so that a case can reach a real record. */
type KnownValues = Map<string, string[]>;
const identifierFields = new Set([
  'id',
  'key',
  'code',
  'number',
  'ref',
  'userId',
  'areaId',
  'changeId',
  'initiativeId',
  'roleType',
  'decisionPoint',
]);

function knownFor(known: KnownValues, param: string): string[] {
  return (
    known.get(param) ?? (param.endsWith('Id') || param === 'id' ? known.get('id') : param === 'ref' ? known.get('number') : undefined) ?? []
  );
}

function collectIdentifiers(value: unknown, known: KnownValues): void {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node.slice(0, 20));
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (identifierFields.has(key) && (typeof child === 'string' || typeof child === 'number')) {
          const list = known.get(key) ?? [];
          if (list.length < 30 && !list.includes(String(child))) list.push(String(child));
          known.set(key, list);
        } else stack.push(child);
      }
    }
  }
}

/** What is wrong with an error answer's shape and status, or null. */
function errorShapeProblem(status: number, text: string, path: string, url: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 80)}`;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'not an object';
  // A path that does not decode (%ED%A0%80) is refused by Fastify before any route, in the kernel's shape.
  const undecodable = (() => {
    try {
      decodeURIComponent(url.split('?')[0]!);
      return false;
    } catch {
      return true;
    }
  })();
  if (path.startsWith('/scim/') && !undecodable) {
    const scim = body as Record<string, unknown>;
    if (JSON.stringify(scim.schemas) !== '["urn:ietf:params:scim:api:messages:2.0:Error"]') return 'not a SCIM error';
    if (scim.status !== String(status)) return `SCIM status ${String(scim.status)} sent with status ${status}`;
    return typeof scim.detail === 'string' && scim.detail.length > 0 ? null : 'no detail';
  }
  if (Object.keys(body).join() !== 'error') return `top-level keys ${Object.keys(body).join()}`;
  const error = (body as { error: Record<string, unknown> }).error;
  if (!error || typeof error !== 'object') return 'error is not an object';
  if (Object.keys(error).sort().join() !== 'code,details,message') return `error keys ${Object.keys(error).join()}`;
  if (typeof error.code !== 'string' || !(error.code in errorCodes)) return `unknown code ${String(error.code)}`;
  if (typeof error.message !== 'string' || error.message.length === 0) return 'no message';
  if (errorCodes[error.code as ErrorCode] !== status) return `code ${error.code} sent with status ${status}`;
  return null;
}

describe('[ADMINISTRATOR][FUZZ] malformed requests to every operation', () => {
  it('never answer 5xx, and every refusal has the one error shape', { timeout: 600_000 }, async () => {
    const documentResponse = await t.knutepunkt.app.inject({ url: '/api/docs/json' });
    expect(documentResponse.statusCode).toBe(200);
    const operations = operationsOf(documentResponse.json());
    expect(operations.length).toBeGreaterThan(100);

    let admin: SignedIn = await t.signInAs([...roles]);
    const known: KnownValues = new Map();
    for (const operation of operations) {
      if (operation.method !== 'GET' || operation.parameters.some((p) => p.in === 'path' || p.required)) continue;
      const response = await t.knutepunkt.app.inject({ url: operation.path, headers: admin.headers });
      if (response.statusCode === 200 && response.headers['content-type']?.toString().startsWith('application/json')) {
        collectIdentifiers(response.json(), known);
      }
    }
    const rng = random(seed);
    const failures: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      for (const fuzz of casesFor(operation, rng, known)) {
        const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => fuzz.params[name] ?? 'x');
        const url = fuzz.query ? `${path}?${fuzz.query}` : path;
        const name = `${operation.method} ${operation.path} [${fuzz.label}]`;
        const headers: Record<string, string> = { ...admin.headers };
        if (operation.path.startsWith('/scim/')) headers.authorization = `Bearer ${scimToken}`;
        if (fuzz.contentType) headers['content-type'] = fuzz.contentType;
        let timer: NodeJS.Timeout | undefined;
        const response = await Promise.race([
          t.knutepunkt.app.inject({ method: operation.method as 'GET', url, headers, payload: fuzz.body }),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${name}: no answer in ${requestTimeoutMs} ms (seed ${seed})`)), requestTimeoutMs);
          }),
        ]).finally(() => clearTimeout(timer));
        sent += 1;
        if (response.statusCode >= 500) failures.push(`${name}: ${response.statusCode} ${response.body.slice(0, 160)}`);
        else if (response.statusCode >= 400) {
          const problem = errorShapeProblem(response.statusCode, response.body, operation.path, url);
          if (problem) failures.push(`${name}: ${response.statusCode} ${problem}`);
        }
        // A case may sign the administrator out (DELETE /api/session); sign in again for the next.
        if (response.statusCode === 401 && !operation.path.startsWith('/scim/')) admin = await t.signInAs([...roles]);
      }
    }
    expect(failures, `seed ${seed}, ${sent} requests`).toEqual([]);
  });
});
