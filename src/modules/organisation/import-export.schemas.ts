import { Type, type Static } from 'typebox';
import { IsoDate } from './organisation.schemas.js';

// Shared between server and web: importing and exporting the organisation (units, positions,
// people, assignments and reporting lines) as CSV, XLSX or JSON. The file format itself is
// described in docs/formats/organisation.md and defined in server/import-export/organisation-format.ts.

export const importEntities = ['units', 'positions', 'people', 'assignments', 'lines'] as const;
export const ImportEntity = Type.Enum(importEntities);
export type ImportEntity = Static<typeof ImportEntity>;

export const importFormats = ['csv', 'xlsx', 'json'] as const;
export const ImportFormat = Type.Enum(importFormats);
export type ImportFormat = Static<typeof ImportFormat>;

/** The content types an upload may have, by format. */
export const importContentTypes: Record<ImportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/** The largest file an import takes, in bytes (a larger upload is answered 413). */
export const importMaxBytes = 10 * 1024 * 1024;
/** The most rows one import takes, all entities together. */
export const importMaxRows = 50_000;

export const LocalisedMessage = Type.Object({ nb: Type.String(), en: Type.String() });
export type LocalisedMessage = Static<typeof LocalisedMessage>;

// ---------------------------------------------------------------------------------------------
// Requests

export const ExportQuery = Type.Object(
  {
    date: Type.Optional(IsoDate),
    format: Type.Optional(Type.Enum(importFormats, { default: 'json' })),
    entity: Type.Optional(ImportEntity),
    scenario: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'A scenario id: the organisation as the scenario makes it' }),
    ),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

export const ImportQuery = Type.Object(
  {
    entity: Type.Optional(ImportEntity),
    validFrom: Type.Optional(IsoDate),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type ImportIdParams = Static<typeof ImportIdParams>;

export const ImportRevisionBody = Type.Object(
  { revision: Type.Integer({ minimum: 1, description: 'The revision of the import the client read' }) },
  { additionalProperties: false },
);
export type ImportRevisionBody = Static<typeof ImportRevisionBody>;

// ---------------------------------------------------------------------------------------------
// Responses

/** One thing wrong with the file, where a spreadsheet user finds it. */
export const ImportProblem = Type.Object({
  file: Type.String(),
  sheet: Type.Union([Type.String(), Type.Null()], { description: 'The worksheet (XLSX) or the array (JSON); null for CSV' }),
  entity: Type.Union([ImportEntity, Type.Null()]),
  row: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Row as a spreadsheet counts it (the header is row 1); for JSON the position in the array, from 1',
  }),
  column: Type.Union([Type.String(), Type.Null()]),
  message: LocalisedMessage,
});
export type ImportProblem = Static<typeof ImportProblem>;

export const ImportFieldChange = Type.Object({
  field: Type.String(),
  before: Type.Union([Type.String(), Type.Null()]),
  after: Type.Union([Type.String(), Type.Null()]),
});
export type ImportFieldChange = Static<typeof ImportFieldChange>;

export const importActions = ['create', 'change', 'end'] as const;

export const ImportChange = Type.Object({
  entity: ImportEntity,
  sheet: Type.Union([Type.String(), Type.Null()]),
  row: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The file row; null for a line the import ends because the file replaces it',
  }),
  action: Type.Enum(importActions),
  label: Type.String({ description: 'The key, or for assignments and lines what they join' }),
  fields: Type.Array(ImportFieldChange),
});
export type ImportChange = Static<typeof ImportChange>;

export const ImportCounts = Type.Object({
  rows: Type.Integer(),
  create: Type.Integer(),
  change: Type.Integer(),
  unchanged: Type.Integer(),
  withProblems: Type.Integer(),
  notInFile: Type.Integer({ description: 'In the organisation on validFrom but not in the file: left as they are' }),
});
export type ImportCounts = Static<typeof ImportCounts>;

export const ImportPlan = Type.Object({
  validFrom: IsoDate,
  counts: Type.Object({
    units: ImportCounts,
    positions: ImportCounts,
    people: ImportCounts,
    assignments: ImportCounts,
    lines: ImportCounts,
  }),
  changes: Type.Array(ImportChange),
  problems: Type.Array(ImportProblem),
  problemsLeftOut: Type.Integer({ description: 'Problems beyond the first 10 000, not listed' }),
  ignoredSheets: Type.Array(Type.String()),
  /** True when the dry run stopped at a problem the database found while trying the changes. */
  stoppedEarly: Type.Boolean(),
});
export type ImportPlan = Static<typeof ImportPlan>;

export const ImportStatus = Type.Enum(['planned', 'applied'] as const);

export const ImportView = Type.Object({
  id: Type.String(),
  revision: Type.Integer(),
  status: ImportStatus,
  fileName: Type.String(),
  format: ImportFormat,
  entity: Type.Union([ImportEntity, Type.Null()]),
  validFrom: IsoDate,
  createdAt: Type.String(),
  appliedAt: Type.Union([Type.String(), Type.Null()]),
  canApply: Type.Boolean({ description: 'No problems, not yet applied, and the organisation is as the dry run found it' }),
  baseChanged: Type.Boolean({ description: 'The organisation changed after the dry run: run it again before applying' }),
  plan: ImportPlan,
  result: Type.Union([Type.Object({ created: Type.Integer(), changed: Type.Integer(), ended: Type.Integer() }), Type.Null()]),
});
export type ImportView = Static<typeof ImportView>;
