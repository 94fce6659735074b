import { contentTypes } from '../../../web/components/import-export/formats';
import type { ImportChoice, UploadContext } from '../../../web/components/import-export/import-panel';
import { ApiError } from '../../../web/data/client';
import { uploadFile } from '../../../web/data/upload';
import type { ImportReport, PlacesEntity } from '../import-export.schemas';

// The places API is one request in two steps: with dryRun=true it only checks; the same request
// without it applies (all or nothing), so the apply sends the file again.

/** As the server: 5 MiB (placesImportMaxBytes). */
export const maxUploadBytes = 5 * 1024 * 1024;

/**
 * Resolves with the report; rejects with the server's ApiError. A refused apply (400) carries the
 * same report in `details`, which `reportOf` reads.
 */
export function uploadPlacesImport(choice: ImportChoice<PlacesEntity>, dryRun: boolean, context: UploadContext): Promise<ImportReport> {
  const params = new URLSearchParams({ validFrom: choice.validFrom, fileName: choice.file.name.slice(0, 200) });
  if (dryRun) params.set('dryRun', 'true');
  if (choice.entity) params.set('entity', choice.entity);
  return uploadFile<ImportReport>({
    ...context,
    file: choice.file,
    url: `/api/places/imports?${params.toString()}`,
    contentType: contentTypes[choice.format],
  });
}

/** The report a refused apply carries in its details, if it is one. */
export function reportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return null;
  const details = error.details as Partial<ImportReport>;
  return Array.isArray(details.problems) && Array.isArray(details.changes) && details.counts ? (details as ImportReport) : null;
}
