import * as client from 'openid-client';
import type { App, OidcConfig } from '../../../../kernel/index.js';

/** Seconds of clock difference tolerated between the provider and us when checking exp and nbf/iat. */
export const clockToleranceSeconds = 30;

export interface OidcClientOptions {
  /** The app itself: the built-in provider is reached in-process, never over the network. */
  app?: App;
  /** Tests: a provider on loopback over plain http. */
  allowHttpLoopback?: boolean;
}

/**
 * The provider's configuration, discovered once (from OIDC_ISSUER's /.well-known/openid-configuration)
 * on the first sign-in, so Knutepunkt starts even while the provider is down; a failed discovery is
 * tried again on the next sign-in.
 */
export class OidcClient {
  #configuration: Promise<client.Configuration> | undefined;

  constructor(
    readonly settings: OidcConfig,
    private readonly options: OidcClientOptions = {},
  ) {}

  configuration(): Promise<client.Configuration> {
    this.#configuration ??= this.#discover().catch((error: unknown) => {
      this.#configuration = undefined;
      throw error;
    });
    return this.#configuration;
  }

  async #discover(): Promise<client.Configuration> {
    const issuer = new URL(this.settings.issuer);
    const fetcher = this.settings.local && this.options.app ? inProcessFetch(this.options.app) : undefined;
    // Plain http only where nothing crosses a network: the built-in provider (in-process) or a provider on loopback.
    const insecure = issuer.protocol === 'http:' && (this.settings.local || isLoopback(issuer.hostname));
    const configuration = await client.discovery(
      issuer,
      this.settings.clientId,
      { client_secret: this.settings.clientSecret, [client.clockTolerance]: clockToleranceSeconds },
      client.ClientSecretBasic(this.settings.clientSecret),
      {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
        ...(fetcher ? { [client.customFetch]: fetcher } : {}),
        timeout: 10,
      },
    );
    if (fetcher) configuration[client.customFetch] = fetcher;
    // openid-client trusts TLS for an ID token from the token endpoint; we check its signature against the JWKS too.
    client.enableNonRepudiationChecks(configuration);
    return configuration;
  }
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** A fetch that answers from the app's own routes (app.inject): the built-in provider lives in the same process. */
function inProcessFetch(app: App): client.CustomFetch {
  return async (url, options) => {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    new Headers(options.headers as HeadersInit | undefined).forEach((value, key) => {
      headers[key] = value;
    });
    const response = await app.inject({
      method: (options.method ?? 'GET') as 'GET',
      url: target.pathname + target.search,
      headers,
      ...(options.body !== undefined && options.body !== null ? { payload: String(options.body) } : {}),
    });
    const responseHeaders = new Headers();
    for (const [key, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(key, String(item));
    }
    return new Response(response.statusCode === 204 ? null : new Uint8Array(response.rawPayload), {
      status: response.statusCode,
      headers: responseHeaders,
    });
  };
}
