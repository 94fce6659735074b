import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor, Permission } from '../auth/permissions.js';
import type { ActiveSession } from '../auth/sessions.js';
import type { Locale } from '../i18n/locale.js';

/** What a route may demand: a permission, any signed-in user, or nothing (public). */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Required on every route: the app refuses to start without it. */
    access?: RouteAccess;
    /** The 403's message when the permission is missing, if a plainer one helps («Bare porteføljestyret kan …»). */
    forbiddenMessage?: { nb: string; en: string };
    /** Set to false only on the sign-in route, which has no session to protect yet. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    locale: Locale;
    session: ActiveSession | null;
    actor: Actor | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
