import { randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyRequest, type FastifySchema } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { demoPassword, type Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { findSession, sessionCookieName } from '../auth/sessions.js';
import { actorForUser } from '../auth/role-sources.js';
import { pickLocale } from '../i18n/locale.js';
import type { KnutepunktModule } from '../module.js';
import { sendError } from './error-handler.js';
import { loggerOptions } from '../log/logger.js';
import { bodyValidatorCompiler } from './validation.js';
import { registerSecurityHeaders, securityHeaders } from './security-headers.js';
import { refuseUnsafeText, strictUtf8JsonParser } from './unicode.js';
import type { App, RouteAccess } from './types.js';

export interface AppOptions {
  config: Config;
  database: Database;
  modules: KnutepunktModule[];
  /** False silences the request log (tests). */
  logger?: boolean;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** The route's schemas as declared (body, params, querystring), for the route walks in test/routes. */
  schema: FastifySchema | undefined;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Builds the HTTP application: kernel plugins and routes, then every module's routes. */
export async function buildApp(options: AppOptions): Promise<{ app: App; routes: RegisteredRoute[] }> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    // A request id from a proxy is kept when it looks like one; anything else gets a fresh UUID.
    requestIdHeader: false,
    genReqId: (raw) => {
      const sent = raw.headers['x-request-id'];
      return typeof sent === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(sent) ? sent : randomUUID();
    },
    return503OnClosing: true,
    // Errors Fastify raises before routing (a malformed URL) get the same shape as all others.
    frameworkErrors: (error, request, reply) => {
      request.locale = pickLocale(request.headers['accept-language']);
      reply.headers(securityHeaders(request.url, { https: config.httpsPublicUrl })); // these replies skip onSend hooks
      void sendError(request, reply, error.code === 'FST_ERR_BAD_URL' ? new AppError('not_found', { cause: error }) : error);
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.setValidatorCompiler(bodyValidatorCompiler);
  // Ill-formed text (invalid UTF-8, lone surrogates) anywhere and direction controls in names are
  // refused here, once for all routes, instead of being stored changed (unicode.ts says why).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, strictUtf8JsonParser(app.getDefaultJsonParser('error', 'error')));
  app.addHook('preValidation', refuseUnsafeText);

  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    route.config ??= {};
    // The generated API documentation is public on purpose: it describes, it reveals no data.
    if (!route.config.access && route.url.startsWith('/api/docs')) route.config.access = 'public';
    if (!route.config.access) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access. Set config.access (a permission, 'authenticated' or 'public').`,
      );
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routes.push({ method: String(method), url: route.url, access: route.config.access, schema: route.schema });
  });

  app.decorateRequest('locale', 'nb');
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    request.locale = pickLocale(request.headers['accept-language']);
  });

  // Before any plugin registers its routes, so Swagger UI's and the static files' replies get them too.
  registerSecurityHeaders(app, { https: config.httpsPublicUrl });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    // After the body is parsed, so sign-in attempts can be counted per username.
    hook: 'preHandler',
    errorResponseBuilder: () => new AppError('rate_limited'),
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Knutepunkt API', version: '0.1.0', description: 'JSON API. Errors: { error: { code, message, details } }.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Authentication, CSRF and authorisation run before the body is read: a refused request costs little.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    const token = request.cookies[sessionCookieName];
    if (token) {
      const session = await findSession(database.db, token);
      if (session) {
        request.session = session;
        request.actor = session.actor;
      }
    }
    if (!access) return; // 404s: the not-found handler answers.
    if (request.session && writeMethods.has(request.method) && request.routeOptions.config.csrf !== false) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) throw new AppError('csrf_missing');
    }
    if (access === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated');
    if (access === 'authenticated') return;
    if (!request.actor.permissions.has(access)) throw new AppError('forbidden', { message: request.routeOptions.config.forbiddenMessage });
  });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));

  registerKernelRoutes(app, options);
  for (const module of options.modules) {
    if (module.registerRoutes) {
      await module.registerRoutes(app, { database, config });
    }
  }

  await registerWebApp(app, config.webDir);
  return { app, routes };
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function registerKernelRoutes(app: App, options: AppOptions): void {
  const { database } = options;
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'The process is alive', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The database answers',
        response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }) },
      },
    },
    async () => {
      try {
        await database.ping();
      } catch (error) {
        throw new AppError('unavailable', { cause: error });
      }
      return { status: 'ready' as const, database: database.kind };
    },
  );

  app.get(
    '/api/meta',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The municipality, the modules and (in demo mode) the demo sign-ins',
        response: {
          200: Type.Object({
            municipality: Type.Object({ name: Type.String(), number: Type.String() }),
            demoMode: Type.Boolean(),
            demoPassword: Type.Union([Type.String(), Type.Null()]),
            demoAccounts: Type.Array(Type.Object({ username: Type.String(), displayName: Type.String(), role: Type.String() })),
            signIn: Type.Object({
              oidc: Type.Union([Type.Object({ displayName: Type.String() }), Type.Null()]),
              password: Type.Boolean(),
            }),
            modules: Type.Array(
              Type.Object({ key: Type.String(), status: Type.Union([Type.Literal('planned'), Type.Literal('available')]) }),
            ),
          }),
        },
      },
    },
    async () => {
      const municipality = await database.db.selectFrom('municipality').select(['name', 'number']).executeTakeFirst();
      const demoMode = options.config.mode === 'demo';
      const demoAccounts = demoMode
        ? await database.db
            .selectFrom('users')
            .select(['id', 'username', 'display_name', 'roles'])
            .where('is_demo', '=', true)
            .where('disabled_at', 'is', null)
            .orderBy('username')
            .execute()
        : [];
      return {
        municipality: municipality ?? { name: 'Knutepunkt', number: '' },
        demoMode: demoMode && demoAccounts.length > 0,
        demoPassword: demoMode && demoAccounts.length > 0 ? demoPassword : null,
        // The role each has today: for most it follows their demo position, not the account.
        demoAccounts: await Promise.all(
          demoAccounts.map(async (user) => ({
            username: user.username,
            displayName: user.display_name,
            role: user.roles[0] ?? (await actorForUser(database.db, user)).roles[0] ?? '',
          })),
        ),
        // What the sign-in page offers: the identity provider's button, the password form, or both.
        signIn: {
          oidc: options.config.oidc ? { displayName: options.config.oidc.displayName } : null,
          password: options.config.passwordSignIn !== 'off',
        },
        modules: options.modules
          .filter((m) => !['accounts', 'audit', 'identity'].includes(m.name))
          .map((m) => ({ key: m.name, status: m.status })),
      };
    },
  );
}

/** Serves the built web app; unknown non-API paths get index.html so the client router can answer. */
async function registerWebApp(app: App, webDir: string): Promise<void> {
  const indexFile = path.join(webDir, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  await app.register(fastifyStatic, { root: hasWeb ? webDir : process.cwd(), serve: false });

  const sendIndex = (request: FastifyRequest, reply: import('fastify').FastifyReply) => {
    if (!hasWeb) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built. Run: npm run build');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      throw new AppError('not_found');
    }
    if (urlPath.startsWith('/api/') || urlPath === '/api') throw new AppError('not_found');
    if (hasWeb && urlPath !== '/') {
      const file = path.normalize(path.join(webDir, urlPath));
      if (file.startsWith(webDir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const immutable = urlPath.startsWith('/assets/');
        return reply
          .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(path.relative(webDir, file));
      }
      if (path.extname(urlPath)) throw new AppError('not_found');
    }
    return sendIndex(request, reply);
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new AppError(request.url.startsWith('/api') ? 'not_found' : 'method_not_allowed')),
  );
}
