// The file formats an import reads and an export writes: JSON (everything in one file), Excel
// (a sheet per kind) and CSV (one kind per file, so a CSV import says which kind it holds).

export type FileFormat = 'json' | 'xlsx' | 'csv';

export const fileFormats: FileFormat[] = ['json', 'xlsx', 'csv'];

/** The content type each format is sent as (the server reads the body by it). */
export const contentTypes: Record<FileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/** The file input's `accept`: by extension and by type, as browsers differ in which they use. */
export const acceptedFiles = `.csv,.xlsx,.json,${[contentTypes.csv, contentTypes.json, contentTypes.xlsx].join(',')}`;

/** The format a file name suggests, if any. */
export function formatOfFileName(name: string): FileFormat | null {
  const extension = name.toLowerCase().split('.').pop();
  return extension === 'csv' || extension === 'xlsx' || extension === 'json' ? extension : null;
}
