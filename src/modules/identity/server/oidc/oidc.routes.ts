import * as client from 'openid-client';
import { Type } from 'typebox';
import { AppError, recordAudit, sessionCookieName, type App, type ModuleContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { completeOidcSignIn } from './complete-oidc-sign-in.js';
import { OidcClient } from './oidc-client.js';
import { OidcSignInRefused, refusalOf } from './oidc-refusal.js';
import { findOidcSession } from './oidc.queries.js';
import { startOidcSignIn } from './start-oidc-sign-in.js';

const tags = ['session'];

/** The provider's callback address, registered at the provider (Entra ID: "Redirect URI"). */
export function oidcRedirectUri(publicUrl: string): string {
  return `${publicUrl}/api/auth/oidc/callback`;
}

/**
 * Sign-in through the municipality's identity provider: /start sends the browser there, /callback
 * takes its answer; every failure lands on the sign-in page as `/logg-inn?feil=<code>`.
 */
export function registerOidcRoutes(app: App, { database, config }: ModuleContext): void {
  const oidc = config.oidc ? new OidcClient(config.oidc, { app }) : undefined;
  const db = database.db as unknown as IdentityDb;
  const redirectUri = oidcRedirectUri(config.publicUrl);
  const refusedTo = (reason: string) => `/logg-inn?feil=${encodeURIComponent(reason)}`;

  app.get(
    '/api/auth/oidc/start',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in through the identity provider: redirects there (302)',
        querystring: Type.Object(
          { redirect: Type.Optional(Type.String({ maxLength: 2000, description: 'A path on this site to return to' })) },
          { additionalProperties: false },
        ),
        response: { 302: { type: 'null' } },
      },
    },
    async (request, reply) => {
      if (!oidc) return reply.redirect(refusedTo('not_configured'), 302);
      try {
        const target = await startOidcSignIn(db, oidc, { redirect: request.query.redirect, redirectUri });
        return reply.header('cache-control', 'no-store').redirect(target.href, 302);
      } catch (error) {
        request.log.warn({ err: error }, 'OpenID Connect: could not start a sign-in');
        return reply.redirect(refusedTo(refusalOf(error) === 'invalid_token' ? 'provider_unavailable' : refusalOf(error)), 302);
      }
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      // The provider sends the browser back here with a top-level GET: nothing to protect with CSRF.
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The identity provider returns here; starts a session and redirects (302)',
        querystring: Type.Object(
          {
            code: Type.Optional(Type.String({ maxLength: 4096 })),
            state: Type.Optional(Type.String({ maxLength: 512 })),
            iss: Type.Optional(Type.String({ maxLength: 2000 })),
            session_state: Type.Optional(Type.String({ maxLength: 2000 })),
            error: Type.Optional(Type.String({ maxLength: 200 })),
            error_description: Type.Optional(Type.String({ maxLength: 2000 })),
            error_uri: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 302: { type: 'null' } },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!oidc) return reply.redirect(refusedTo('not_configured'), 302);
      // The address the provider redirected to, rebuilt from our own public address (not the Host header).
      const callbackUrl = new URL(redirectUri);
      for (const [key, value] of Object.entries(request.query)) if (value !== undefined) callbackUrl.searchParams.set(key, value);
      try {
        const { session, redirect } = await completeOidcSignIn(database, oidc, {
          callbackUrl,
          previousSessionId: request.session?.id ?? null,
          ip: request.ip,
          requestId: request.id,
          sessionHours: config.sessionHours,
        });
        reply.setCookie(sessionCookieName, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: config.secureCookies,
          expires: session.expiresAt,
        });
        return reply.redirect(redirect, 302);
      } catch (error) {
        if (!(error instanceof OidcSignInRefused)) throw error;
        request.log.info({ reason: error.reason, err: error.cause }, 'OpenID Connect sign-in refused');
        return reply.redirect(refusedTo(error.reason), 302);
      }
    },
  );

  app.delete(
    '/api/auth/oidc/session',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Sign out; for a provider sign-in, also where to end the session at the provider',
        response: {
          200: Type.Object(
            {
              endSessionUrl: Type.Union([Type.String(), Type.Null()], {
                description: "The provider's end-session address to send the browser to; null: nothing to end there",
              }),
            },
            { additionalProperties: false },
          ),
        },
      },
    },
    async (request, reply) => {
      const session = request.session;
      if (!session) throw new AppError('unauthenticated');
      const held = await findOidcSession(db, session.id);
      let endSessionUrl: string | null = null;
      if (held && oidc && held.issuer === (await issuerOf(oidc))) {
        try {
          endSessionUrl = client
            .buildEndSessionUrl(await oidc.configuration(), {
              id_token_hint: held.id_token,
              post_logout_redirect_uri: `${config.publicUrl}/`,
            })
            .toString();
        } catch (error) {
          // A provider without an end-session endpoint: the session here still ends.
          request.log.info({ err: error }, 'OpenID Connect: no end-session address');
        }
      }
      await database.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('id', '=', session.id).execute();
        await recordAudit(
          trx,
          { actor: request.actor, requestId: request.id },
          { action: 'sign_out', entityType: 'user', entityId: request.actor?.userId ?? null },
        );
      });
      reply.clearCookie(sessionCookieName, { path: '/' });
      return { endSessionUrl };
    },
  );
}

async function issuerOf(oidc: OidcClient): Promise<string | undefined> {
  try {
    return (await oidc.configuration()).serverMetadata().issuer;
  } catch {
    return undefined;
  }
}
