// The API's routes as the app registered them, for tests that walk every route (strict bodies,
// access, malformed input, write hangs). One list, so a new route is walked without anyone adding it.
import type { Knutepunkt } from '../../src/app.js';
import type { RegisteredRoute } from '../../src/kernel/index.js';

export type JsonSchema = Record<string, unknown>;

export interface ApiRoute extends RegisteredRoute {
  body: JsonSchema | undefined;
  params: JsonSchema | undefined;
  querystring: JsonSchema | undefined;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isWrite(route: { method: string }): boolean {
  return writeMethods.has(route.method);
}

/**
 * Every API route once: without the HEAD twins Fastify adds to each GET, the web app's catch-all
 * and the generated documentation.
 */
export function apiRoutes(knutepunkt: Knutepunkt): ApiRoute[] {
  return knutepunkt.routes
    .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
    .map((r) => {
      const schema = (r.schema ?? {}) as Record<string, unknown>;
      return {
        ...r,
        body: schema.body as JsonSchema | undefined,
        params: schema.params as JsonSchema | undefined,
        querystring: (schema.querystring ?? schema.query) as JsonSchema | undefined,
      };
    });
}

/** "POST /api/x/:id" — how a test names a route. */
export function routeName(route: { method: string; url: string }): string {
  return `${route.method} ${route.url}`;
}

/** The path parameters' names in the order they appear in the URL. */
export function pathParamNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
}

/** The URL with each `:name` replaced by its value, percent-encoded. */
export function fillPath(url: string, values: Record<string, string>): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));
}

/**
 * Where a schema lets unknown properties through: the paths of object schemas (the root or
 * nested, through arrays and unions) without `additionalProperties: false`. A map (patternProperties,
 * or additionalProperties given as a schema) declares its keys on purpose and passes.
 */
export function looseObjects(schema: unknown, path = '(root)'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as JsonSchema;
  const found: string[] = [];
  const isObject = node.type === 'object' || (node.properties !== undefined && node.type === undefined);
  if (isObject) {
    const extra = node.additionalProperties;
    const isMap = node.patternProperties !== undefined || (typeof extra === 'object' && extra !== null);
    if (extra !== false && !isMap) found.push(path);
  }
  for (const [key, child] of Object.entries((node.properties as Record<string, unknown> | undefined) ?? {})) {
    found.push(...looseObjects(child, path === '(root)' ? key : `${path}.${key}`));
  }
  for (const child of Object.values((node.patternProperties as Record<string, unknown> | undefined) ?? {})) {
    found.push(...looseObjects(child, `${path}.*`));
  }
  if (typeof node.additionalProperties === 'object') found.push(...looseObjects(node.additionalProperties, `${path}.*`));
  const items = node.items;
  if (Array.isArray(items)) items.forEach((item, i) => found.push(...looseObjects(item, `${path}[${i}]`)));
  else if (items) found.push(...looseObjects(items, `${path}[]`));
  for (const key of ['prefixItems', 'anyOf', 'oneOf', 'allOf'] as const) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((child) => found.push(...looseObjects(child, path)));
  }
  return [...new Set(found)];
}

/**
 * A small valid value for a schema, for params and query strings (where each value is text) and as
 * the base a fuzz case spoils. Not a full generator: enough for the schemas this app declares.
 */
export function sampleValue(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return 'x';
  const node = schema as JsonSchema;
  if ('default' in node) return node.default;
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum)) return node.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = node[key] as unknown[] | undefined;
    if (Array.isArray(list) && list.length > 0) {
      const notNull = list.find((s) => (s as JsonSchema).type !== 'null') ?? list[0];
      return sampleValue(notNull);
    }
  }
  if (Array.isArray(node.allOf)) return Object.assign({}, ...node.allOf.map((s) => sampleValue(s) as object));
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  switch (type) {
    case 'string':
      return sampleString(node);
    case 'integer':
    case 'number': {
      const min =
        typeof node.minimum === 'number' ? node.minimum : typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum + 1 : 1;
      return Math.max(min, typeof node.maximum === 'number' ? Math.min(1, node.maximum) : 1);
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const min = typeof node.minItems === 'number' ? node.minItems : 0;
      return Array.from({ length: min }, () => sampleValue(node.items));
    }
    case 'object':
    default: {
      const properties = (node.properties as Record<string, unknown> | undefined) ?? {};
      const required = new Set((node.required as string[] | undefined) ?? []);
      const value: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(properties)) if (required.has(key)) value[key] = sampleValue(child);
      return value;
    }
  }
}

function sampleString(node: JsonSchema): string {
  switch (node.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date':
      return '2024-01-01';
    case 'date-time':
      return '2024-01-01T00:00:00Z';
    case 'email':
      return 'test@example.no';
    case 'uri':
      return 'https://example.no/';
  }
  const pattern = typeof node.pattern === 'string' ? node.pattern : undefined;
  if (pattern) {
    const tries = ['2024-01-01', '2024-01', '2024', '2024-T1', '2024-Q1', '12:00', '0001', '3005', '1', 'a', 'A', 'x-1', 'INI-1'];
    const regex = new RegExp(pattern, 'u');
    const found = tries.find((t) => regex.test(t));
    if (found) return found;
  }
  const min = typeof node.minLength === 'number' ? node.minLength : 1;
  return 'x'.repeat(Math.max(1, min));
}
