import { createModuleI18n } from '../../../../web/i18n/module-i18n';
import { importExportEn, importExportNb, type ImportExportKey } from './messages';

/** The import and export page's text; the shared words of the form are the kit's (`import.*`, `export.*`). */
export const useImportExportI18n = createModuleI18n<ImportExportKey>({ nb: importExportNb, en: importExportEn });
