// Shared by server and web: why a sign-in through the identity provider was refused.

/**
 * Stable codes, stored in sign_in_events and sent to the sign-in page as `?feil=<code>`, which
 * explains each in words (src/web/pages/sign-in.page.tsx). Never rename one.
 */
export const oidcRefusals = [
  'state_mismatch',
  'access_denied',
  'provider_error',
  'provider_unavailable',
  'wrong_audience',
  'unknown_issuer',
  'expired',
  'issued_in_future',
  'bad_signature',
  'nonce_mismatch',
  'invalid_token',
  'disabled',
  'not_configured',
] as const;
export type OidcRefusal = (typeof oidcRefusals)[number];
