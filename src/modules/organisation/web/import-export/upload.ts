import { uploadFile } from '../../../../web/data/upload';
import type { Language } from '../../../../web/i18n/i18n';
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
  const params = new URLSearchParams({ validFrom: options.validFrom, fileName: options.file.name.slice(0, 200) });
  if (options.entity) params.set('entity', options.entity);
  return uploadFile<ImportView>({
    ...options,
    url: `/api/organisation/imports?${params.toString()}`,
    contentType: uploadContentTypes[options.format],
  });
}
