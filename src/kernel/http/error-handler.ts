import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../errors/app-error.js';
import { isConnectionError } from '../db/database.js';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
}

/** Turns anything thrown while handling a request into an AppError: the one place errors are mapped. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as Partial<FastifyError> & { validation?: ValidationIssue[]; validationContext?: string; code?: string };

  if (e.validation) {
    const where = e.validationContext ?? 'body';
    return new AppError('invalid', {
      details: e.validation.map((issue) => ({
        in: where,
        path: describePath(issue),
        problem: issue.message ?? 'is not valid',
      })),
      cause: error,
    });
  }
  if (isConnectionError(error)) return new AppError('unavailable', { cause: error });

  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', { cause: error });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', { cause: error });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('invalid_json', { cause: error });
    // SQLSTATE: unique violation, foreign key, check, serialization failure.
    case '23505':
      return new AppError('conflict', { cause: error });
    case '23503':
    case '23514':
    case '23502':
      return new AppError('invalid', { cause: error });
    case '40001':
    case '40P01':
      return new AppError('conflict', { cause: error });
  }
  if (error instanceof SyntaxError && (e.statusCode === 400 || /JSON/.test(error.message))) {
    return new AppError('invalid_json', { cause: error });
  }
  if (typeof e.code === 'string' && /^22/.test(e.code)) return new AppError('invalid', { cause: error });

  const status = e.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const byStatus: Record<number, ErrorCode> = {
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not_found',
      405: 'method_not_allowed',
      409: 'conflict',
      413: 'payload_too_large',
      415: 'unsupported_media_type',
      429: 'rate_limited',
    };
    return new AppError(byStatus[status] ?? 'invalid', { cause: error });
  }
  return new AppError('internal', { cause: error });
}

function describePath(issue: ValidationIssue): string {
  const base = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const extra = issue.params?.additionalProperty ?? issue.params?.missingProperty;
  if (typeof extra === 'string') return base ? `${base}.${extra}` : extra;
  return base || '(root)';
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const appError = toAppError(error);
  if (appError.status >= 500) {
    request.log.error({ err: appError.cause ?? appError, code: appError.code }, 'request failed');
  } else {
    request.log.info({ code: appError.code }, 'request refused');
  }
  const locale = request.locale ?? 'nb';
  if (appError.retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.ceil(appError.retryAfterSeconds)));
  return reply
    .code(appError.status)
    .header('content-language', locale)
    .send({ error: { code: appError.code, message: appError.messageFor(locale), details: appError.details ?? null } });
}
