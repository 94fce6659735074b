import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { permissions } from '../auth/permissions.js';
import { useTestApp } from '../../../test/helpers/test-app.js';
import { testDatabaseKind } from '../../../test/helpers/test-database.js';
import { buildApp } from './app.js';

const t = useTestApp();

describe('every route declares who may call it', () => {
  it('lists an access rule for every registered route, and only known permissions', () => {
    const routes = t.knutepunkt.routes;
    expect(routes.length).toBeGreaterThan(5);
    const known = new Set<string>([...permissions, 'public', 'authenticated']);
    for (const route of routes) {
      expect(known.has(route.access), `${route.method} ${route.url} has access "${route.access}"`).toBe(true);
    }
    // The routes that must never be public.
    const audit = routes.find((r) => r.url === '/api/audit' && r.method === 'GET');
    expect(audit?.access).toBe('audit:read');
  });

  it('refuses to start when a route declares no access', async () => {
    const { database, knutepunkt } = t;
    const rogue = {
      name: 'rogue',
      status: 'available' as const,
      registerRoutes: (app: import('./types.js').App) => {
        app.get('/api/rogue', {}, async () => ({ secret: true }));
      },
    };
    const config = { ...(await import('../../../test/helpers/test-app.js')).testConfig() };
    await expect(buildApp({ config, database, modules: [rogue], logger: false })).rejects.toThrow(/GET \/api\/rogue declares no access/);
    expect(knutepunkt.routes.some((r) => r.url === '/api/rogue')).toBe(false);
  });
});

describe('system endpoints', () => {
  it('answers health and readiness', async () => {
    expect((await t.knutepunkt.app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    const ready = await t.knutepunkt.app.inject('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: testDatabaseKind() });
    expect(ready.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the municipality and the modules, each honestly planned until built', async () => {
    const meta = (await t.knutepunkt.app.inject('/api/meta')).json();
    expect(meta.municipality).toEqual({ name: 'Drammen kommune', number: '3005' });
    expect(meta.modules.map((m: { key: string }) => m.key)).toEqual(['organisation', 'places', 'leader-support', 'steering', 'portfolio']);
  });

  it('serves the OpenAPI description at /api/docs with a schema on every API route', async () => {
    const response = await t.knutepunkt.app.inject('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/session', '/api/audit', '/api/health', '/api/ready']));
    expect(spec.paths['/api/session'].post.requestBody).toBeDefined();
    const ui = await t.knutepunkt.app.inject('/api/docs');
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('keeps a sane request id from a proxy and replaces anything else', async () => {
    const kept = await t.knutepunkt.app.inject({ url: '/api/health', headers: { 'x-request-id': 'proxy-abc-12345' } });
    expect(kept.headers['x-request-id']).toBe('proxy-abc-12345');
    const replaced = await t.knutepunkt.app.inject({ url: '/api/health', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('[ANYONE][BAD_INPUT]: clear 4xx, never a 500, nothing written', () => {
  const signIn = (payload: string, contentType = 'application/json') =>
    t.knutepunkt.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': contentType }, payload });

  it('malformed JSON', async () => {
    const before = await t.auditCount();
    const response = await signIn('{"username": "admin", ');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid_json', message: 'Forespørselen er ikke gyldig JSON.' });
    expect(await t.auditCount()).toBe(before);
  });

  it('an empty JSON body', async () => {
    const response = await signIn('');
    expect(response.statusCode).toBe(400);
    expect(['invalid_json', 'invalid']).toContain(response.json().error.code);
  });

  it('wrong types, with details of what is wrong', async () => {
    const response = await signIn(JSON.stringify({ username: 42, password: ['x'] }));
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('invalid');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('unknown fields', async () => {
    const response = await signIn(JSON.stringify({ username: 'a', password: 'b', isAdmin: true }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'isAdmin' })]);
  });

  it('an oversized body', async () => {
    const response = await signIn(JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('a body that is not JSON', async () => {
    const response = await signIn('username=a&password=b', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });

  it('bad query parameters', async () => {
    const admin = await t.signInAs(['administrator']);
    for (const query of ['limit=abc', 'limit=100000', 'from=yesterday', 'unknown=1']) {
      const response = await t.knutepunkt.app.inject({ url: `/api/audit?${query}`, headers: { cookie: admin.cookie } });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('invalid');
    }
  });

  it('unknown API paths and methods, and malformed URLs', async () => {
    const missing = await t.knutepunkt.app.inject({ url: '/api/no-such-thing', headers: { 'accept-language': 'en' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'not_found', message: 'What you asked for was not found.' });
    const method = await t.knutepunkt.app.inject({ method: 'PATCH', url: '/api/health' });
    expect(method.statusCode).toBeGreaterThanOrEqual(400);
    expect(method.statusCode).toBeLessThan(500);
    const malformed = await t.knutepunkt.app.inject({ url: '/%E0%A4%A' });
    expect(malformed.statusCode).toBe(404);
  });

  it('never shows a stack trace', async () => {
    const response = await signIn('{');
    expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('schemas used in routes are TypeBox', () => {
  it('has the TypeBox builder available to modules', () => {
    expect(Type.Object({}).type).toBe('object');
  });
});
