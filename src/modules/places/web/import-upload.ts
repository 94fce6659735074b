import { ApiError } from '../../../web/data/client';
import { uploadFile } from '../../../web/data/upload';
import type { Language } from '../../../web/i18n/i18n';
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
  const params = new URLSearchParams({ validFrom: options.validFrom, fileName: options.file.name.slice(0, 200) });
  if (options.dryRun) params.set('dryRun', 'true');
  if (options.entity) params.set('entity', options.entity);
  return uploadFile<ImportReport>({
    ...options,
    url: `/api/places/imports?${params.toString()}`,
    contentType: uploadContentTypes[options.format],
  });
}

/** The report a refused apply carries in its details, if it is one. */
export function reportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return null;
  const details = error.details as Partial<ImportReport>;
  return Array.isArray(details.problems) && Array.isArray(details.changes) && details.counts ? (details as ImportReport) : null;
}
