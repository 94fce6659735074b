import type { Locale } from '../i18n/locale.js';

/** The closed set of error codes the API returns. Clients may rely on them; never rename one. */
export const errorCodes = {
  invalid: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_missing: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  stale: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

type Messages = Record<ErrorCode, Record<Locale, string>>;

/** What the user reads. Plain language, says what to do next where we can. */
const messages: Messages = {
  invalid: {
    nb: 'Forespørselen inneholder ugyldige data. Se detaljene og prøv igjen.',
    en: 'The request contains invalid data. See the details and try again.',
  },
  invalid_json: {
    nb: 'Forespørselen er ikke gyldig JSON.',
    en: 'The request body is not valid JSON.',
  },
  unauthenticated: {
    nb: 'Du må logge inn for å gjøre dette.',
    en: 'You must sign in to do this.',
  },
  invalid_credentials: {
    nb: 'Feil brukernavn eller passord.',
    en: 'Wrong username or password.',
  },
  forbidden: {
    nb: 'Du har ikke tilgang til dette.',
    en: 'You do not have access to this.',
  },
  csrf_missing: {
    nb: 'Forespørselen mangler et gyldig sikkerhetstoken (CSRF). Last siden på nytt og prøv igjen.',
    en: 'The request lacks a valid security token (CSRF). Reload the page and try again.',
  },
  not_found: {
    nb: 'Fant ikke det du ba om.',
    en: 'What you asked for was not found.',
  },
  method_not_allowed: {
    nb: 'Denne metoden er ikke tillatt her.',
    en: 'This method is not allowed here.',
  },
  conflict: {
    nb: 'Endringen er i konflikt med eksisterende data.',
    en: 'The change conflicts with existing data.',
  },
  stale: {
    nb: 'Noen andre har endret dette i mellomtiden. Last inn på nytt og gjør endringen igjen.',
    en: 'Someone else changed this in the meantime. Reload and make your change again.',
  },
  payload_too_large: {
    nb: 'Forespørselen er for stor.',
    en: 'The request is too large.',
  },
  unsupported_media_type: {
    nb: 'Innholdstypen støttes ikke. Send JSON (application/json).',
    en: 'Unsupported content type. Send JSON (application/json).',
  },
  rate_limited: {
    nb: 'For mange forsøk. Vent litt og prøv igjen.',
    en: 'Too many attempts. Wait a little and try again.',
  },
  internal: {
    nb: 'Noe gikk galt hos oss. Feilen er logget; prøv igjen senere.',
    en: 'Something went wrong on our side. It has been logged; try again later.',
  },
  unavailable: {
    nb: 'Tjenesten er midlertidig utilgjengelig (databasen svarer ikke). Prøv igjen om litt.',
    en: 'The service is temporarily unavailable (the database is not answering). Try again shortly.',
  },
};

/** The one error type of Knutepunkt: a stable code, optional details, and a localised message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** A message that replaces the generic one for this code, per locale. */
  readonly userMessage: Partial<Record<Locale, string>> | undefined;
  /** Sent as Retry-After: when a refused client (rate_limited, unavailable) may try again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    options: { details?: unknown; message?: Partial<Record<Locale, string>>; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(options.message?.en ?? messages[code].en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.userMessage = options.message;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorCodes[this.code];
  }

  messageFor(locale: Locale): string {
    return this.userMessage?.[locale] ?? this.userMessage?.nb ?? messages[this.code][locale];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function defaultMessage(code: ErrorCode, locale: Locale): string {
  return messages[code][locale];
}
