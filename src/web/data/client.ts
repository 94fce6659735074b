import { translate, type Language } from '../i18n/i18n';

/**
 * An error from the API. `message` is shown to the user as is: the server
 * localises it from our Accept-Language header; only errors the server never
 * answered (network down, non-JSON proxy errors) get a message from here.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Module state rather than React context, because queries and mutations run
// outside the component tree. The language is kept in step by the
// I18nProvider; the CSRF token by the session requests.
let language: Language = 'nb';
let csrfToken: string | null = null;

export function setApiLanguage(next: Language): void {
  language = next;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // Every write must prove it comes from our own pages, except signing in,
  // which is what creates the session (and its token) in the first place.
  const isSignIn = method === 'POST' && path === '/api/session';
  if (method !== 'GET' && !isSignIn && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', translate(language, 'error.network'));
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);

  if (!response.ok) {
    const error = isErrorBody(payload) ? payload.error : null;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? translate(language, 'error.unexpected', { status: response.status }),
      error?.details,
    );
  }
  return payload as T;
}

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** The message to show for anything a query, mutation or page may throw. */
export function errorMessage(error: unknown, uiLanguage: Language): string {
  if (error instanceof ApiError) return error.message;
  return translate(uiLanguage, 'error.generic');
}
