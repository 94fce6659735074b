// Drives a sign-in through the app with app.inject and a small cookie jar (tests and the bench).
import type { App } from '../../src/kernel/index.js';

export class CookieJar {
  readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  take(setCookie: string | string[] | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export interface FlowStep {
  status: number;
  location: string | undefined;
  body: string;
}

/** One request as the browser would send it, its cookies kept. Absolute URLs are made relative. */
export async function browse(
  app: App,
  jar: CookieJar,
  url: string,
  init: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {},
): Promise<FlowStep> {
  const target = new URL(url, 'http://localhost');
  const response = await app.inject({
    method: init.method ?? 'GET',
    url: target.pathname + target.search,
    headers: {
      cookie: jar.header(),
      ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(init.form ? { payload: new URLSearchParams(init.form).toString() } : {}),
  });
  jar.take(response.headers['set-cookie'] as string | string[] | undefined);
  const location = response.headers.location;
  return { status: response.statusCode, location: typeof location === 'string' ? location : undefined, body: response.body };
}

/**
 * Follows redirects from `url` until a page answers (200/4xx) or the path matches `stopAt`;
 * returns the last step and the URL it came from.
 */
export async function follow(
  app: App,
  jar: CookieJar,
  url: string,
  stopAt?: (url: URL) => boolean,
): Promise<{ url: string; step: FlowStep }> {
  let current = url;
  for (let hops = 0; hops < 15; hops++) {
    if (stopAt?.(new URL(current, 'http://localhost'))) return { url: current, step: { status: 0, location: current, body: '' } };
    const step = await browse(app, jar, current);
    if (step.status < 300 || step.status >= 400 || !step.location) return { url: current, step };
    current = new URL(step.location, new URL(current, 'http://localhost')).href;
  }
  throw new Error(`too many redirects from ${url}`);
}

/**
 * The whole code flow against the built-in provider: start → the provider's login form → callback.
 * Returns the callback's answer (a redirect to the saved path, with the session cookie in the jar).
 */
export async function signInThroughLocalProvider(
  app: App,
  jar: CookieJar,
  input: { username: string; password: string; redirect?: string },
): Promise<{ login: FlowStep; callback: FlowStep; callbackUrl: string }> {
  const start = `/api/auth/oidc/start${input.redirect ? `?redirect=${encodeURIComponent(input.redirect)}` : ''}`;
  const atLogin = await follow(app, jar, start);
  if (atLogin.step.status !== 200 || !atLogin.url.includes('/interaction/')) {
    throw new Error(`expected the provider's login page, got ${atLogin.step.status} at ${atLogin.url}`);
  }
  const action = /action="([^"]+)"/.exec(atLogin.step.body)?.[1];
  if (!action) throw new Error('the login page has no form');
  const login = await browse(app, jar, action.replace(/&amp;/g, '&'), {
    method: 'POST',
    form: { username: input.username, password: input.password },
  });
  if (!login.location) return { login, callback: login, callbackUrl: '' };
  const atCallback = await follow(
    app,
    jar,
    new URL(login.location, 'http://localhost').href,
    (u) => u.pathname === '/api/auth/oidc/callback',
  );
  const callback = await browse(app, jar, atCallback.url);
  return { login, callback, callbackUrl: atCallback.url };
}
