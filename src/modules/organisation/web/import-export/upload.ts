import type { ImportChoice, UploadContext } from '../../../../web/components/import-export/import-panel';
import { contentTypes } from '../../../../web/components/import-export/formats';
import { uploadFile } from '../../../../web/data/upload';
import type { ImportEntity, ImportView } from '../../import-export.schemas';

export const maxUploadBytes = 10 * 1024 * 1024;

/**
 * Uploads the file and resolves with the import and its dry run (kept by the server until applied);
 * rejects with the server's ApiError.
 */
export function uploadImport(choice: ImportChoice<ImportEntity>, context: UploadContext): Promise<ImportView> {
  const params = new URLSearchParams({ validFrom: choice.validFrom, fileName: choice.file.name.slice(0, 200) });
  if (choice.entity) params.set('entity', choice.entity);
  return uploadFile<ImportView>({
    ...context,
    file: choice.file,
    url: `/api/organisation/imports?${params.toString()}`,
    contentType: contentTypes[choice.format],
  });
}
