// The browser-side defences every response carries, set in one place (docs/decisions/0009-…).
import type { App } from './types.js';

/**
 * The web app's policy. No inline script and no inline style attributes: React's `style={{}}` and
 * element.style set CSSOM properties, which CSP allows; Designsystemet's custom elements use
 * constructed stylesheets. `data:` images are the icons in Designsystemet's CSS; `blob:` images the
 * org chart's exports; the org chart's layout runs in a Web Worker from /assets.
 */
export const appContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Swagger UI (/api/docs) loads its scripts from files too, but adds a <style> element of its own
 * (refused under the app's policy: checked in test/browser/shell.browser.test.ts) and shows
 * data: icons. It reads only the API description from this origin.
 */
export const docsContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers for a response to `url`; HSTS only when the public address is https. */
export function securityHeaders(url: string, options: { https: boolean }): Record<string, string> {
  const docs = url === '/api/docs' || url.startsWith('/api/docs/') || url.startsWith('/api/docs?');
  return {
    'content-security-policy': docs ? docsContentSecurityPolicy : appContentSecurityPolicy,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Adds the headers to every response, errors and files included. */
export function registerSecurityHeaders(app: App, options: { https: boolean }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(securityHeaders(request.url, options));
    return payload;
  });
}
