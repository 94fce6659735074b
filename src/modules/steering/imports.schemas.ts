import { Type, type Static, type TSchema } from 'typebox';

// Imports of indicator values (JSON-stat 2 files from SSB's statistics API, and CSV) and the
// comparison view with other municipalities and KOSTRA groups (server and web).

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const IndicatorKey = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$', description: "The indicator's key" });
const RegionCode = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$' });

/** Largest JSON-stat file accepted (bytes). */
export const jsonStatMaxBytes = 100 * 1024 * 1024;
/** Largest CSV file accepted (bytes). */
export const csvMaxBytes = 10 * 1024 * 1024;

export const Localised = Type.Object({ nb: Type.String(), en: Type.String() });
export type Localised = Static<typeof Localised>;

/** One problem with an import: where (CSV row and column, when there are) and what. */
export const ImportProblem = Type.Object({
  row: nullable(Type.Integer()),
  column: nullable(Type.String()),
  message: Localised,
});
export type ImportProblem = Static<typeof ImportProblem>;

export const JsonStatImportQuery = Type.Object({
  indicator: IndicatorKey,
  contents: Type.Optional(Type.String({ minLength: 1, maxLength: 80, description: 'ContentsCode to read (default: the indicator’s)' })),
  regions: Type.Optional(
    Type.String({
      maxLength: 2000,
      description: 'Comma-separated region codes to import besides the own municipality (default: all in the file)',
    }),
  ),
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
  id: Type.Optional(Id),
});
export type JsonStatImportQuery = Static<typeof JsonStatImportQuery>;

export const CsvImportQuery = Type.Object({
  indicator: IndicatorKey,
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
  id: Type.Optional(Id),
});

export const ImportSummary = Type.Object({
  regions: Type.Array(Type.Object({ code: nullable(Type.String()), label: Type.String() })),
  periods: Type.Array(Type.String()),
  nullValues: Type.Integer(),
  contentsCode: nullable(Type.String()),
});
export type ImportSummary = Static<typeof ImportSummary>;

export const ImportView = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal('indicator_csv'), Type.Literal('jsonstat'), Type.Literal('actuals_csv')]),
  fileName: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  indicator: nullable(Type.Object({ key: Type.String(), name: Type.String() })),
  bytesTotal: Type.Number(),
  bytesDone: Type.Number(),
  rowsWritten: Type.Integer(),
  problems: Type.Array(ImportProblem),
  summary: nullable(ImportSummary),
  createdAt: Type.String(),
  finishedAt: nullable(Type.String()),
});
export type ImportView = Static<typeof ImportView>;

export const ImportIdParams = Type.Object({ id: Id });
export const ImportList = Type.Object({ items: Type.Array(ImportView) });
export type ImportList = Static<typeof ImportList>;

export const RegionView = Type.Object({ code: Type.String(), label: Type.String(), own: Type.Boolean() });
export type RegionView = Static<typeof RegionView>;
export const RegionList = Type.Object({ items: Type.Array(RegionView) });
export type RegionList = Static<typeof RegionList>;

export const ComparisonQuery = Type.Object({
  indicator: IndicatorKey,
  regions: Type.Optional(
    Type.String({ maxLength: 2000, description: 'Comma-separated region codes; the own municipality is always included' }),
  ),
  from: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  to: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
});
export type ComparisonQuery = Static<typeof ComparisonQuery>;

export const ImportIndicator = Type.Object({
  key: Type.String(),
  name: Type.String(),
  frequency: Type.Union([Type.Literal('month'), Type.Literal('tertial'), Type.Literal('year')]),
  unitOfMeasure: Type.String(),
  ssbTable: nullable(Type.String()),
  ssbContentsCode: nullable(Type.String()),
});
export type ImportIndicator = Static<typeof ImportIndicator>;
export const ImportIndicatorList = Type.Object({ items: Type.Array(ImportIndicator) });
export type ImportIndicatorList = Static<typeof ImportIndicatorList>;

export const ComparisonSeries = Type.Object({
  /** null: the own municipality. */
  region: nullable(Type.String()),
  label: Type.String(),
  own: Type.Boolean(),
  values: Type.Array(Type.Object({ period: Type.String(), value: Type.Number() })),
});
export type ComparisonSeries = Static<typeof ComparisonSeries>;

export const ComparisonView = Type.Object({
  indicator: Type.Object({
    key: Type.String(),
    name: Type.String(),
    unitOfMeasure: Type.String(),
    direction: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
    frequency: Type.Union([Type.Literal('month'), Type.Literal('tertial'), Type.Literal('year')]),
  }),
  periods: Type.Array(Type.String()),
  series: Type.Array(ComparisonSeries),
});
export type ComparisonView = Static<typeof ComparisonView>;

export { RegionCode };
