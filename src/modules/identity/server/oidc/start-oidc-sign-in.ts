import * as client from 'openid-client';
import type { IdentityDb } from '../identity.tables.js';
import type { OidcClient } from './oidc-client.js';
import { deleteStaleAttempts, insertAttempt } from './oidc.queries.js';

/**
 * Where to go after signing in: only a path on this site ("/organisasjon?dato=…"), never another
 * host ("//evil.example", "/\\evil.example") or a scheme. Anything else goes to the front page.
 */
export function safeRedirectPath(value: string | undefined): string {
  if (!value || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  try {
    const resolved = new URL(value, 'http://knutepunkt.invalid');
    if (resolved.host !== 'knutepunkt.invalid') return '/';
    return resolved.pathname + resolved.search + resolved.hash;
  } catch {
    return '/';
  }
}

/**
 * Starts a sign-in at the provider: authorization code flow with PKCE (S256), `state` and `nonce`,
 * the secrets kept here (oidc_attempts), never in the browser. Returns the provider's address.
 */
export async function startOidcSignIn(
  db: IdentityDb,
  oidc: OidcClient,
  input: { redirect: string | undefined; redirectUri: string },
): Promise<URL> {
  const configuration = await oidc.configuration();
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await deleteStaleAttempts(db);
  await insertAttempt(db, { state, nonce, code_verifier: codeVerifier, redirect: safeRedirectPath(input.redirect) });
  return client.buildAuthorizationUrl(configuration, {
    redirect_uri: input.redirectUri,
    scope: oidc.settings.scopes.join(' '),
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
}
