import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { Type } from 'typebox';
import { securityHeaders, verifyAgainstDummy, verifyPassword, type App, type ModuleContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { oidcRedirectUri } from '../oidc/oidc.routes.js';
import { findLocalAccountById, findLocalAccountByUsername, type LocalAccount } from './local-accounts.queries.js';
import { loginPage, logoutPage, messagePage, providerStylesheet } from './pages.js';

/**
 * oidc-provider warns on Node 20 (it asks for 22; the supported 20.19 passes our tests against it) and
 * about its in-memory store, which is what the demo wants. Those two would only confuse whoever reads
 * the start-up output; any other warning still shows.
 */
async function withoutExpectedWarnings<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  const expected = [
    /^oidc-provider WARNING: Unsupported runtime/,
    /^oidc-provider WARNING: a quick start development-only in-memory adapter/,
  ];
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && expected.some((pattern) => pattern.test(args[0] as string))) return;
    warn(...args);
  };
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

/** The demo accounts' group: a group claim to map to roles in user administration. */
export const localProviderGroup = 'knutepunkt-demo';

/**
 * Demo mode's own OpenID provider (oidc-provider), served under /oidc in the same process, so the
 * demo, the tests and production all sign in through one path. Its directory is the demo accounts
 * (password: the demo password). Signing keys and cookie keys are made at start and kept in memory:
 * a restart signs everyone out of the provider (not out of Knutepunkt), which is fine for a demo.
 */
export async function mountLocalProvider(app: App, { database, config }: ModuleContext): Promise<void> {
  const settings = config.oidc;
  if (!settings?.local) return;
  const db = database.db as unknown as IdentityDb;
  const issuer = new URL(settings.issuer);
  const mountPath = issuer.pathname.replace(/\/+$/, '');
  const publicUrl = new URL(config.publicUrl);

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: randomUUID() };

  // Loaded only here, so a production start never loads the demo's provider.
  const provider = await withoutExpectedWarnings(
    async () =>
      new (await import('oidc-provider')).default(settings.issuer, {
        clients: [
          {
            client_id: settings.clientId,
            client_secret: settings.clientSecret,
            client_name: 'Knutepunkt',
            redirect_uris: [oidcRedirectUri(config.publicUrl)],
            post_logout_redirect_uris: [`${config.publicUrl}/`],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        jwks: { keys: [signingKey] },
        cookies: { keys: [randomBytes(32).toString('base64url')] },
        pkce: { required: () => true },
        ttl: { AccessToken: 600, IdToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 12 * 3600, Grant: 12 * 3600 },
        // The claims go in the ID token itself (as Entra ID does), not only behind the userinfo endpoint.
        conformIdTokenClaims: false,
        claims: {
          openid: ['sub', 'employee_number'],
          profile: ['name', 'preferred_username'],
          email: ['email'],
          groups: ['groups'],
        },
        findAccount: async (_ctx: unknown, sub: string) => {
          const account = await findLocalAccountById(db, sub);
          return account ? { accountId: account.id, claims: async () => claimsOf(account) } : undefined;
        },
        interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${mountPath}/interaction/${interaction.uid}` },
        // Knutepunkt is the provider's own first-party client: no consent page.
        loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
          const clientId = ctx.oidc.client!.clientId;
          const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientId);
          if (grantId) {
            const existing = await ctx.oidc.provider.Grant.find(grantId);
            if (existing) return existing;
          }
          const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session!.accountId! });
          grant.addOIDCScope('openid profile email groups');
          await grant.save();
          return grant;
        },
        features: {
          devInteractions: { enabled: false },
          rpInitiatedLogout: {
            enabled: true,
            logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
              ctx.type = 'html';
              ctx.body = logoutPage(form);
            },
            postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
              ctx.type = 'html';
              ctx.body = messagePage('Du er logget ut', 'Du er logget ut av demo-ID.');
            },
          },
        },
        renderError: async (ctx: KoaContextWithOIDC, out: { error?: string }) => {
          ctx.type = 'html';
          ctx.body = messagePage(
            'Innloggingen feilet',
            `Demo-ID kunne ikke fullføre innloggingen (${String(out.error ?? 'ukjent feil')}). Prøv igjen fra Knutepunkt.`,
          );
        },
      }),
  );
  // Always the public address, whatever Host the request came with (in-process calls included):
  // the headers are set here, never taken from the client.
  provider.proxy = true;
  const handle = provider.callback();
  const https = publicUrl.protocol === 'https:';

  // The provider reads its own request bodies: the parser here leaves the stream untouched.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', (_request, _payload, done) => done(null, undefined));
    scope.all(
      `${mountPath}/*`,
      // Its forms carry their own protection (state, the interaction cookie); Knutepunkt's CSRF header does not apply.
      { config: { access: 'public', csrf: false }, schema: { hide: true } },
      (request, reply) => {
        reply.hijack();
        const raw = request.raw;
        for (const [name, value] of Object.entries(securityHeaders(request.url, { https }))) reply.raw.setHeader(name, value);
        raw.headers['x-forwarded-host'] = publicUrl.host;
        raw.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
        (raw as typeof raw & { originalUrl?: string }).originalUrl = raw.url;
        raw.url = raw.url!.slice(mountPath.length) || '/';
        handle(raw, reply.raw);
      },
    );
  });

  // The login page: ours, not the provider's (accessible, bokmål, no script).
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    const html = { config: { access: 'public' as const, csrf: false }, schema: { hide: true } };
    const Uid = Type.Object({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$' }) }, { additionalProperties: false });

    scope.get(`${mountPath}/ui/provider.css`, html, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(providerStylesheet),
    );

    scope.get(`${mountPath}/interaction/:uid`, { ...html, schema: { hide: true, params: Uid } }, async (request, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      const details = await provider.interactionDetails(request.raw, reply.raw).catch(() => undefined);
      if (!details || details.uid !== (request.params as { uid: string }).uid) return reply.code(400).send(expiredPage());
      if (details.prompt.name !== 'login') {
        // Consent is never asked of the first-party client (loadExistingGrant grants it).
        const to = await provider.interactionResult(request.raw, reply.raw, {}, { mergeWithLastSubmission: true });
        return reply.redirect(to, 303);
      }
      return reply.send(loginPage({ action: `${mountPath}/interaction/${details.uid}/login`, clientName: 'Knutepunkt' }));
    });

    scope.post(
      `${mountPath}/interaction/:uid/login`,
      {
        ...html,
        schema: { hide: true, params: Uid },
        // Every attempt costs an argon2 run: limited per address like the password sign-in.
        config: { ...html.config, rateLimit: { max: config.signInAttemptsPerIp, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
        const details = await provider.interactionDetails(request.raw, reply.raw).catch(() => undefined);
        if (!details || details.uid !== (request.params as { uid: string }).uid) return reply.code(400).send(expiredPage());
        const body = (request.body ?? {}) as Record<string, unknown>;
        const username = typeof body.username === 'string' ? body.username.slice(0, 200) : '';
        const password = typeof body.password === 'string' ? body.password.slice(0, 1000) : '';
        const action = `${mountPath}/interaction/${details.uid}/login`;
        if (!username.trim() || !password) {
          return reply
            .code(400)
            .send(loginPage({ action, username, clientName: 'Knutepunkt', error: 'Skriv inn både brukernavn og passord.' }));
        }
        const account = await findLocalAccountByUsername(db, username);
        const ok = account?.password_hash ? await verifyPassword(account.password_hash, password) : await verifyAgainstDummy(password);
        if (!account || !ok) {
          return reply
            .code(401)
            .send(loginPage({ action, username, clientName: 'Knutepunkt', error: 'Feil brukernavn eller passord. Prøv igjen.' }));
        }
        const to = await provider.interactionResult(
          request.raw,
          reply.raw,
          { login: { accountId: account.id } },
          { mergeWithLastSubmission: false },
        );
        return reply.redirect(to, 303);
      },
    );
  });
}

function expiredPage(): string {
  return messagePage('Innloggingen er utløpt', 'Denne innloggingen er utløpt eller finnes ikke. Gå tilbake til Knutepunkt og prøv igjen.');
}

function claimsOf(account: LocalAccount): Record<string, unknown> {
  return {
    sub: account.id,
    name: account.display_name,
    preferred_username: account.username,
    email: account.email ?? `${account.username}@demo.knutepunkt.invalid`,
    ...(account.person_key ? { employee_number: account.person_key } : {}),
    groups: [localProviderGroup, ...account.groups],
  };
}
