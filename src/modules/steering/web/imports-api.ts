import { apiRequest } from '../../../web/data/client';
import { uploadFile } from '../../../web/data/upload';
import type { Language } from '../../../web/i18n/i18n';
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
  const params = new URLSearchParams({ indicator: options.indicator, fileName: options.file.name.slice(0, 200), id: options.id });
  return uploadFile<ImportView>({
    ...options,
    url: `/api/steering/imports/${options.kind}?${params.toString()}`,
    contentType: options.kind === 'csv' ? 'text/csv' : 'application/json',
  });
}
