import { ApiError } from '../../../web/data/client';
import { translate, type Language } from '../../../web/i18n/i18n';
import type { ImportReport, PlacesEntity, PlacesFileFormat } from '../import-export.schemas';

// The upload goes by XMLHttpRequest, not fetch: only XMLHttpRequest tells how much of the body
// has been sent, which is what the progress bar shows. The places API is one request in two
// steps: with dryRun=true it only checks; the same request without it applies (all or nothing).

export const uploadContentTypes: Record<PlacesFileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/** As the server: 5 MiB (placesImportMaxBytes). */
export const maxUploadBytes = 5 * 1024 * 1024;

export function formatOfFileName(name: string): PlacesFileFormat | null {
  const extension = name.toLowerCase().split('.').pop();
  return extension === 'csv' || extension === 'xlsx' || extension === 'json' ? extension : null;
}

export interface UploadOptions {
  file: File;
  format: PlacesFileFormat;
  entity: PlacesEntity | null;
  validFrom: string;
  dryRun: boolean;
  csrfToken: string | null;
  language: Language;
  onProgress: (sent: number, total: number) => void;
  /** The whole file is sent; the server is at work. */
  onSent: () => void;
}

/**
 * Resolves with the report; rejects with the server's ApiError. A refused apply (400) carries the
 * same report in `details`, which `reportOf` reads.
 */
export function uploadPlacesImport(options: UploadOptions): Promise<ImportReport> {
  const { file, format, entity, validFrom, language } = options;
  return new Promise((resolve, reject) => {
    const params = new URLSearchParams({ validFrom, fileName: file.name.slice(0, 200) });
    if (options.dryRun) params.set('dryRun', 'true');
    if (entity) params.set('entity', entity);
    const request = new XMLHttpRequest();
    request.open('POST', `/api/places/imports?${params.toString()}`);
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
        resolve(body as ImportReport);
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

/** The report a refused apply carries in its details, if it is one. */
export function reportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return null;
  const details = error.details as Partial<ImportReport>;
  return Array.isArray(details.problems) && Array.isArray(details.changes) && details.counts ? (details as ImportReport) : null;
}
