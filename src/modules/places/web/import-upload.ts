import { contentTypes } from '../../../web/components/import-export/formats';
import type { ImportChoice, UploadContext } from '../../../web/components/import-export/import-panel';
import { ApiError, apiRequest } from '../../../web/data/client';
import { uploadFile } from '../../../web/data/upload';
import type { ImportReport, PlacesEntity, PlacesImportView } from '../import-export.schemas';

// The places import in two steps, as the organisation's: the upload runs the dry run, which the
// server keeps; the apply names that dry run by its id and the revision read, and sends no file.

/** As the server: 5 MiB (placesImportMaxBytes). */
export const maxUploadBytes = 5 * 1024 * 1024;

/** Uploads the file for the dry run. Resolves with the stored dry run; rejects with the server's ApiError. */
export function uploadPlacesImport(choice: ImportChoice<PlacesEntity>, context: UploadContext): Promise<PlacesImportView> {
  const params = new URLSearchParams({ dryRun: 'true', validFrom: choice.validFrom, fileName: choice.file.name.slice(0, 200) });
  if (choice.entity) params.set('entity', choice.entity);
  return uploadFile<PlacesImportView>({
    ...context,
    file: choice.file,
    url: `/api/places/imports?${params.toString()}`,
    contentType: contentTypes[choice.format],
  });
}

/** The confirm step: carries out the dry run the editor read, all or nothing. */
export function applyPlacesImport(report: ImportReport): Promise<PlacesImportView> {
  const view = report as PlacesImportView;
  return apiRequest<PlacesImportView>('POST', `/api/places/imports/${encodeURIComponent(view.id)}/apply`, { revision: view.revision });
}

/** Whether a report is a stored dry run that may be applied now. */
export function mayApply(report: ImportReport): boolean {
  const view = report as Partial<PlacesImportView>;
  return view.status === 'planned' && view.canApply === true;
}

/** The report a refused apply carries in its details (rows the commands now refuse), if it is one. */
export function reportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return null;
  const details = error.details as Partial<ImportReport>;
  return Array.isArray(details.problems) && Array.isArray(details.changes) && details.counts ? (details as ImportReport) : null;
}
