import * as client from 'openid-client';
import type { OidcRefusal } from '../../oidc.schemas.js';

export class OidcSignInRefused extends Error {
  constructor(
    readonly reason: OidcRefusal,
    options?: { cause?: unknown },
  ) {
    super(`OpenID Connect sign-in refused: ${reason}`, options);
    this.name = 'OidcSignInRefused';
  }
}

/** Sorts what openid-client (oauth4webapi underneath) threw into one of the refusal codes. */
export function refusalOf(error: unknown): OidcRefusal {
  if (error instanceof OidcSignInRefused) return error.reason;
  if (error instanceof client.AuthorizationResponseError) return error.error === 'access_denied' ? 'access_denied' : 'provider_error';
  if (error instanceof client.ResponseBodyError) return 'provider_error';
  const code = (error as { code?: unknown } | null)?.code;
  const claim = claimOf(error);
  switch (code) {
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
    case 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED':
      if (claim === 'aud' || claim === 'azp') return 'wrong_audience';
      if (claim === 'iss') return 'unknown_issuer';
      if (claim === 'nonce') return 'nonce_mismatch';
      if (claim === 'state') return 'state_mismatch';
      return 'invalid_token';
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      return claim === 'exp' ? 'expired' : 'issued_in_future';
    case 'OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'OAUTH_KEY_SELECTION_FAILED':
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'bad_signature';
    case 'OAUTH_INVALID_RESPONSE':
      return messages(error).some((m) => m.includes('signature verification failed')) ? 'bad_signature' : 'invalid_token';
    case 'OAUTH_PARSE_ERROR':
    case 'OAUTH_UNSUPPORTED_OPERATION':
      return 'invalid_token';
  }
  if (error instanceof TypeError || (error as { name?: unknown } | null)?.name === 'AbortError') return 'provider_unavailable';
  return 'invalid_token';
}

// openid-client wraps oauth4webapi's error; the claim it compared sits in a cause further down.
function claimOf(error: unknown): string | undefined {
  for (let node = error as { cause?: unknown; claim?: unknown; attribute?: unknown } | undefined, depth = 0; node && depth < 5; depth++) {
    if (typeof node.claim === 'string') return node.claim;
    if (typeof node.attribute === 'string') return node.attribute;
    node = node.cause as typeof node;
  }
  return undefined;
}

function messages(error: unknown): string[] {
  const found: string[] = [];
  for (let node = error as { cause?: unknown; message?: unknown } | undefined, depth = 0; node && depth < 5; depth++) {
    if (typeof node.message === 'string') found.push(node.message);
    node = node.cause as typeof node;
  }
  return found;
}
