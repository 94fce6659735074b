import { AppError } from './app-error.js';

// The four refusals every command writes, with the message in both languages. `details` names the
// field(s) for the client (`[{ in, path, problem }]` or `{ path }`).

export function invalid(nb: string, en: string, details?: unknown): AppError {
  return new AppError('invalid', { message: { nb, en }, details });
}

export function conflict(nb: string, en: string, details?: unknown): AppError {
  return new AppError('conflict', { message: { nb, en }, details });
}

export function forbidden(nb: string, en: string): AppError {
  return new AppError('forbidden', { message: { nb, en } });
}

export function notFound(nb: string, en: string): AppError {
  return new AppError('not_found', { message: { nb, en } });
}

/**
 * Refuses an edit made on an older read: someone else changed it in the meantime. `noun` names
 * what was changed («enheten», "the unit"); the answer carries the current revision.
 */
export function assertRevision(noun: { nb: string; en: string }, current: number, sent: number): void {
  if (current !== sent) {
    throw new AppError('stale', {
      message: {
        nb: `Noen andre har endret ${noun.nb} i mellomtiden (du har versjon ${sent}, gjeldende er ${current}). Last inn på nytt og gjør endringen igjen.`,
        en: `Someone else changed ${noun.en} in the meantime (you have revision ${sent}, the current one is ${current}). Reload and make your change again.`,
      },
      details: { revision: current },
    });
  }
}
