// Every answer carries the browser-side defences: the web app's pages and files, the API's every
// route (answers and refusals alike), errors, and the API documentation with its own policy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath, isWrite, routeName } from '../../../test/helpers/routes.js';
import { useTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { appContentSecurityPolicy, docsContentSecurityPolicy } from './security-headers.js';

// A stand-in for the built web app, so this test needs no build.
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-headers-web-'));
fs.mkdirSync(path.join(webDir, 'assets'));
fs.writeFileSync(
  path.join(webDir, 'index.html'),
  '<!doctype html><title>Knutepunkt</title><script type="module" src="/assets/app.js"></script>',
);
fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'export {};');
fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));

const t = useTestApp({ env: { WEB_DIR: webDir } });

type Headers = Record<string, unknown>;

function expectDefences(headers: Headers, label: string, csp = appContentSecurityPolicy): void {
  expect(
    {
      csp: headers['content-security-policy'],
      frame: headers['x-frame-options'],
      sniff: headers['x-content-type-options'],
      referrer: headers['referrer-policy'],
      opener: headers['cross-origin-opener-policy'],
    },
    label,
  ).toEqual({ csp, frame: 'DENY', sniff: 'nosniff', referrer: 'no-referrer', opener: 'same-origin' });
}

async function get(app: TestApp, url: string, headers: Record<string, string> = {}) {
  return app.knutepunkt.app.inject({ method: 'GET', url, headers });
}

describe('[ANYONE][SECURITY_HEADERS]', () => {
  it('a strict policy: scripts and styles from this origin only, no framing', () => {
    expect(appContentSecurityPolicy).toContain("script-src 'self'");
    expect(appContentSecurityPolicy).toContain("style-src 'self'");
    expect(appContentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(appContentSecurityPolicy).not.toContain('unsafe-inline');
    expect(appContentSecurityPolicy).not.toContain('unsafe-eval');
    expect(docsContentSecurityPolicy).toContain("script-src 'self'");
  });

  it('on the web app: pages, the client-side routes, files and a missing file', async () => {
    for (const url of ['/', '/logg-inn', '/organisasjon/kart?dato=2026-01-01', '/assets/app.js', '/favicon.svg', '/assets/missing.png']) {
      const response = await get(t, url);
      expect(response.statusCode, url).toBe(url.includes('missing') ? 404 : 200);
      expectDefences(response.headers, url);
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
    expect((await get(t, '/')).headers['content-type']).toMatch(/^text\/html/);
  });

  it('on the API documentation, with its own policy', async () => {
    const page = await get(t, '/api/docs/');
    expect(page.statusCode).toBe(200);
    expectDefences(page.headers, '/api/docs/', docsContentSecurityPolicy);
    const description = await get(t, '/api/docs/json');
    expect(description.statusCode).toBe(200);
    expectDefences(description.headers, '/api/docs/json', docsContentSecurityPolicy);
  });

  it('on every API route: answers, refusals and errors', async () => {
    const admin = await t.signInAs(['administrator']);
    const routes = apiRoutes(t.knutepunkt);
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const url = fillPath(route.url, {});
      // As an administrator: reads mostly answer; writes, without a CSRF token or a body, are refused.
      const response = await t.knutepunkt.app.inject({ method: route.method as 'GET', url, headers: { cookie: admin.cookie } });
      if (isWrite(route)) expect(response.statusCode, routeName(route)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, routeName(route)).toBeLessThan(500);
      expectDefences(response.headers, `${routeName(route)} → ${response.statusCode}`);
    }
    for (const url of ['/api/no-such-thing', '/%E0%A4%A']) expectDefences((await get(t, url)).headers, url);
  });
});

describe('[ANYONE][SECURITY_HEADERS] behind an https public address', () => {
  const https = useTestApp({ env: { WEB_DIR: webDir, PUBLIC_URL: 'https://knutepunkt.kommune.no' } });

  it('adds Strict-Transport-Security, which the plain-http app above never sends', async () => {
    for (const url of ['/', '/api/health', '/api/no-such-thing']) {
      const response = await get(https, url);
      expect(response.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expectDefences(response.headers, url);
    }
    expect((await get(t, '/api/health')).headers['strict-transport-security']).toBeUndefined();
  });
});
