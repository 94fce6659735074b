import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config/config.js';

/**
 * Structured JSON logs with the request id on every line. Cookies, tokens and passwords are
 * removed, and request bodies are never logged, so no personal data reaches the log.
 */
export function loggerOptions(level: Config['logLevel']): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[removed]',
    },
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        // The query string can carry search terms about people: log the path only.
        return { method: request.method, path: request.url.split('?')[0], id: request.id };
      },
    },
  };
}
