import { ApiError } from '../../../../web/data/client';
import { translate, type Language } from '../../../../web/i18n/i18n';
import type { ImportEntity, ImportFormat, ImportView } from '../../import-export.schemas';

// The upload goes by XMLHttpRequest, not fetch: only XMLHttpRequest tells how much of the body
// has been sent, which is what the progress bar shows.

/** The content type each format is sent as (the server reads the body by it). */
export const uploadContentTypes: Record<ImportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

export const maxUploadBytes = 10 * 1024 * 1024;

/** The format a file name suggests, if any. */
export function formatOfFileName(name: string): ImportFormat | null {
  const extension = name.toLowerCase().split('.').pop();
  return extension === 'csv' || extension === 'xlsx' || extension === 'json' ? extension : null;
}

export interface UploadOptions {
  file: File;
  format: ImportFormat;
  entity: ImportEntity | null;
  validFrom: string;
  csrfToken: string | null;
  language: Language;
  /** Bytes sent so far of `total`. */
  onProgress: (sent: number, total: number) => void;
  /** The whole file is sent; the server is reading it and running the dry run. */
  onSent: () => void;
}

/** Uploads the file and resolves with the import and its dry run; rejects with the server's ApiError. */
export function uploadImport(options: UploadOptions): Promise<ImportView> {
  const { file, format, entity, validFrom, language } = options;
  return new Promise((resolve, reject) => {
    const params = new URLSearchParams({ validFrom, fileName: file.name.slice(0, 200) });
    if (entity) params.set('entity', entity);
    const request = new XMLHttpRequest();
    request.open('POST', `/api/organisation/imports?${params.toString()}`);
    request.setRequestHeader('Content-Type', uploadContentTypes[format]);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', language);
    if (options.csrfToken) request.setRequestHeader('x-csrf-token', options.csrfToken);
    request.upload.onprogress = (event) => options.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.upload.onload = () => options.onSent();
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // A proxy's HTML error page: handled below by the status.
      }
      if (request.status >= 200 && request.status < 300 && body) {
        resolve(body as ImportView);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      reject(
        new ApiError(
          request.status,
          error?.code ?? 'http_error',
          error?.message ?? translate(language, 'error.unexpected', { status: request.status }),
          error?.details,
        ),
      );
    };
    request.onerror = () => reject(new ApiError(0, 'network_error', translate(language, 'error.network')));
    request.send(file);
  });
}
