import { isIsoDate } from './format';

// Parsers for a list's filters in the URL (`validateSearch` of a route). Each takes the raw value
// and returns the clean one or undefined, so a hand-edited or old link never reaches a query.
//
// @example
// export const validateQueueSearch = (search: Record<string, unknown>) => ({
//   status: oneOf(search.status, statuses),
//   q: textParam(search.q),
//   from: dateParam(search.from),
//   page: pageParam(search.page),
// });

/** Trimmed text, at most `max` characters; empty → undefined. */
export function textParam(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined;
}

/** A real calendar day, YYYY-MM-DD. */
export function dateParam(value: unknown): string | undefined {
  return typeof value === 'string' && isIsoDate(value) ? value : undefined;
}

/** A page number above 1 (page 1 is the default and stays out of the URL). */
export function pageParam(value: unknown): number | undefined {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 && page < 1_000_000 ? page : undefined;
}

/** One of the allowed values. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A record id (UUID). */
export function idParam(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : undefined;
}

/** `true` from a link (`?overdue=true`) or the router (`true`). */
export function flagParam(value: unknown): true | undefined {
  return value === true || value === 'true' ? true : undefined;
}
