import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, isConnectionError, type Locale } from '../../../../kernel/index.js';

export const scimErrorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 §3.12's scimType values this endpoint uses. */
export type ScimType =
  'invalidFilter' | 'invalidValue' | 'uniqueness' | 'invalidSyntax' | 'noTarget' | 'mutability' | 'invalidPath' | 'tooMany';

type Text = Record<Locale, string>;

/**
 * A SCIM error: the status, the scimType where RFC 7644 defines one, and a message in bokmål and
 * English. SCIM clients read `detail` into their logs (Entra ID's provisioning log), so it says what
 * to fix. The kernel's AppError shape is never sent on /scim/v2.
 */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | undefined,
    readonly text: Text,
  ) {
    super(text.en);
    this.name = 'ScimError';
  }
}

export function invalidValue(nb: string, en: string): ScimError {
  return new ScimError(400, 'invalidValue', { nb, en });
}

export function invalidSyntax(nb: string, en: string): ScimError {
  return new ScimError(400, 'invalidSyntax', { nb, en });
}

export function notFound(resource: 'User' | 'Group', id: string): ScimError {
  const nb = resource === 'User' ? 'Fant ikke brukeren' : 'Fant ikke gruppen';
  const en = resource === 'User' ? 'User not found' : 'Group not found';
  return new ScimError(404, undefined, { nb: `${nb} (id ${id.slice(0, 100)}).`, en: `${en} (id ${id.slice(0, 100)}).` });
}

interface ErrorLike {
  code?: string;
  statusCode?: number;
  validation?: unknown;
}

/** Anything thrown on /scim/v2 as a SCIM error: the kernel's refusals keep their status, in SCIM's words. */
export function toScimError(error: unknown): ScimError {
  if (error instanceof ScimError) return error;
  if (isAppError(error)) {
    const text = { nb: error.messageFor('nb'), en: error.messageFor('en') };
    switch (error.code) {
      case 'invalid_json':
        return new ScimError(400, 'invalidSyntax', text);
      case 'invalid':
        return new ScimError(400, 'invalidValue', text);
      case 'conflict':
        return new ScimError(409, 'uniqueness', text);
      case 'unauthenticated':
      case 'invalid_credentials':
        return new ScimError(401, undefined, text);
      default:
        return new ScimError(error.status, undefined, text);
    }
  }
  const e = (error ?? {}) as ErrorLike;
  if (e.validation) {
    if ((error as { validationContext?: string }).validationContext === 'body') {
      return invalidSyntax('Forespørselen må være et JSON-objekt.', 'The request body must be a JSON object.');
    }
    return invalidValue('Forespørselen har ugyldige parametre.', 'The request has invalid parameters.');
  }
  switch (e.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalidSyntax('Forespørselen er ikke gyldig JSON.', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ScimError(415, undefined, {
        nb: 'Innholdstypen støttes ikke. Send application/scim+json eller application/json.',
        en: 'Unsupported content type. Send application/scim+json or application/json.',
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ScimError(413, undefined, { nb: 'Forespørselen er for stor.', en: 'The request is too large.' });
    case '23505':
      return new ScimError(409, 'uniqueness', {
        nb: 'Verdien er allerede i bruk av en annen ressurs.',
        en: 'The value is already used by another resource.',
      });
    case '22P02':
    case '22001':
    case '23514':
    case '23502':
      return invalidValue('En verdi er ugyldig.', 'A value is invalid.');
  }
  if (error instanceof SyntaxError) return invalidSyntax('Forespørselen er ikke gyldig JSON.', 'The request body is not valid JSON.');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new ScimError(e.statusCode, undefined, { nb: 'Forespørselen ble avvist.', en: 'The request was refused.' });
  }
  if (e.code === '40001' || e.code === '40P01') {
    return new ScimError(409, undefined, {
      nb: 'En samtidig endring kom i veien. Prøv igjen.',
      en: 'A concurrent change got in the way. Try again.',
    });
  }
  if (isConnectionError(error)) {
    return new ScimError(503, undefined, {
      nb: 'Tjenesten er midlertidig utilgjengelig (databasen svarer ikke). Prøv igjen om litt.',
      en: 'The service is temporarily unavailable (the database is not answering). Try again shortly.',
    });
  }
  return new ScimError(500, undefined, {
    nb: 'Noe gikk galt hos oss. Feilen er logget; prøv igjen senere.',
    en: 'Something went wrong on our side. It has been logged; try again later.',
  });
}

export function sendScimError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const scimError = toScimError(error);
  if (scimError.status >= 500) request.log.error({ err: error }, 'SCIM request failed');
  else request.log.info({ status: scimError.status, scimType: scimError.scimType }, 'SCIM request refused');
  const locale = request.locale ?? 'nb';
  if (scimError.status === 401) reply.header('www-authenticate', 'Bearer realm="scim"');
  return reply
    .code(scimError.status)
    .header('content-language', locale)
    .type('application/scim+json; charset=utf-8')
    .send({
      schemas: [scimErrorSchema],
      status: String(scimError.status),
      ...(scimError.scimType ? { scimType: scimError.scimType } : {}),
      detail: scimError.text[locale],
    });
}
