import { ApiError, apiRequest } from '../../../web/data/client';
import { translate, type Language } from '../../../web/i18n/i18n';
import type { ComparisonView, ImportIndicatorList, ImportList, ImportView, RegionList } from '../imports.schemas';

// HTTP calls of the import and comparison pages. The upload goes by XMLHttpRequest, not fetch:
// only XMLHttpRequest tells how much of the body has been sent, which the progress bar shows.

export const jsonStatUploadMaxBytes = 100 * 1024 * 1024;
export const csvUploadMaxBytes = 10 * 1024 * 1024;

export const fetchImportIndicators = () => apiRequest<ImportIndicatorList>('GET', '/api/steering/imports/indicators');
export const fetchImports = () => apiRequest<ImportList>('GET', '/api/steering/imports');
export const fetchImport = (id: string) => apiRequest<ImportView>('GET', `/api/steering/imports/${id}`);
export const fetchRegions = () => apiRequest<RegionList>('GET', '/api/steering/regions');

export function comparisonParams(search: {
  indicator: string;
  regions?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}): URLSearchParams {
  const params = new URLSearchParams({ indicator: search.indicator });
  if (search.regions) params.set('regions', search.regions);
  if (search.from !== undefined) params.set('from', String(search.from));
  if (search.to !== undefined) params.set('to', String(search.to));
  return params;
}

export const fetchComparison = (search: Parameters<typeof comparisonParams>[0]) =>
  apiRequest<ComparisonView>('GET', `/api/steering/comparison?${comparisonParams(search).toString()}`);

export type ImportKind = 'jsonstat' | 'csv';

export interface UploadOptions {
  kind: ImportKind;
  file: File;
  indicator: string;
  /** A new id, so the page can ask the server how far it has read while the upload runs. */
  id: string;
  csrfToken: string | null;
  language: Language;
  onProgress: (sent: number, total: number) => void;
  onSent: () => void;
}

/** Uploads the file; resolves with the finished import, rejects with the server's ApiError. */
export function uploadIndicatorFile(options: UploadOptions): Promise<ImportView> {
  const { file, language } = options;
  return new Promise((resolve, reject) => {
    const params = new URLSearchParams({ indicator: options.indicator, fileName: file.name.slice(0, 200), id: options.id });
    const request = new XMLHttpRequest();
    request.open('POST', `/api/steering/imports/${options.kind}?${params.toString()}`);
    request.setRequestHeader('Content-Type', options.kind === 'csv' ? 'text/csv' : 'application/json');
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
