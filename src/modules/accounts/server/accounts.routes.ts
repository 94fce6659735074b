import { AppError, sessionCookieName, type App, type ModuleContext } from '../../../kernel/index.js';
import { SessionResponse, SignInBody } from '../accounts.schemas.js';
import { signIn, signOut } from './sign-in.js';

const tags = ['session'];

export function registerAccountRoutes(app: App, { database, config }: ModuleContext): void {
  // Per address whatever the username: random usernames slip past the per-username limit below,
  // and every attempt costs an argon2 run. Kept apart from it (its own store), as the plugin runs
  // only one limit per route.
  const perAddress = app.createRateLimit({
    max: config.signInAttemptsPerIp,
    timeWindow: '1 minute',
    keyGenerator: (request) => request.ip,
  });

  app.get(
    '/api/session',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The signed-in user and the CSRF token for writes', response: { 200: SessionResponse } },
    },
    async (request) => {
      const actor = request.actor;
      if (!actor || !request.session) return { user: null, csrfToken: null };
      return {
        user: {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          roles: actor.roles,
          permissions: [...actor.permissions],
        },
        csrfToken: request.session.csrfToken,
      };
    },
  );

  app.post(
    '/api/session',
    {
      // No session exists yet to protect; JSON-only bodies and SameSite cookies stop cross-site posts.
      config: { access: 'public', csrf: false, rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: signInKey } },
      schema: { tags, summary: 'Sign in with username and password', body: SignInBody, response: { 200: SessionResponse } },
      preHandler: async (request) => {
        const limit = await perAddress(request);
        if (!limit.isAllowed && limit.isExceeded) throw new AppError('rate_limited', { retryAfterSeconds: limit.ttlInSeconds });
      },
    },
    async (request, reply) => {
      const { session, response } = await signIn(database, request.body, {
        sessionHours: config.sessionHours,
        requestId: request.id,
        ip: request.ip,
        passwordSignIn: config.passwordSignIn,
      });
      reply.setCookie(sessionCookieName, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        expires: session.expiresAt,
      });
      return response;
    },
  );

  app.delete(
    '/api/session',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Sign out', response: { 204: { type: 'null' } } } },
    async (request, reply) => {
      if (!request.session) throw new AppError('unauthenticated');
      await signOut(database, request.session.id, { actor: request.actor, requestId: request.id });
      reply.clearCookie(sessionCookieName, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}

/** Attempts are counted per address and username, so one person cannot lock out everyone. */
function signInKey(request: { ip: string; body?: unknown }): string {
  const body = request.body as { username?: unknown } | undefined;
  const username = typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 200) : '';
  return `${request.ip}|${username}`;
}
