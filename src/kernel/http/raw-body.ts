import { AppError } from '../errors/app-error.js';
import type { App } from './types.js';

// Routes that take a file as the raw request body (imports, feeds, attachments). Their
// content-type parser lives in a plugin scope of its own, so the rest of the API still reads only
// JSON bodies of the usual size.

/** Registers `routes` in a scope where every body arrives as a Buffer of at most `bodyLimit` bytes. */
export function withRawBody(app: App, bodyLimit: number, routes: (scope: App) => void): void {
  void app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
    routes(scope);
  });
}

/** The uploaded file, refused when there is none or it is empty. */
export function uploadedFile(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError('invalid', { message: { nb: 'Filen er tom.', en: 'The file is empty.' } });
  return body;
}

/**
 * The import format of an upload by its content type (CSV, XLSX or JSON), refused as an
 * unsupported media type when `formats` has none for it.
 */
export function uploadFormat<F extends string>(contentType: string | undefined, formats: Readonly<Record<string, F>>): F {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const format = formats[type];
  if (!format) {
    throw new AppError('unsupported_media_type', {
      message: {
        nb: `Filtypen (${type || 'ingen'}) kan ikke importeres. Send CSV (text/csv), Excel (XLSX) eller JSON (application/json).`,
        en: `This file type (${type || 'none'}) cannot be imported. Send CSV (text/csv), Excel (XLSX) or JSON (application/json).`,
      },
    });
  }
  return format;
}
