import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifyRouteSchemaDef } from 'fastify/types/schema.js';

const shared: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

// Bodies are taken exactly as sent: a string is not a number and an unknown field is an error.
const strictAjv = addFormats.default(new Ajv({ ...shared, coerceTypes: false }));
// Query strings and path parameters arrive as text, so they are converted to the declared types.
const coercingAjv = addFormats.default(new Ajv({ ...shared, coerceTypes: 'array' }));

/** Fastify validator compiler: strict for bodies, coercing for query strings, params and headers. */
export function bodyValidatorCompiler({ schema, httpPart }: FastifyRouteSchemaDef<FastifySchema>) {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  return ajv.compile(schema as object);
}
