import { Type, type Static, type TSchema } from 'typebox';
import {
  Channel,
  CoverageMode,
  EntryPoint,
  HubFunction,
  IsoDate,
  OpeningHours,
  ProximityClass,
  UniversalRole,
  WeeklyTime,
} from './places.schemas.js';

// Import and export of places (docs/formats/places.md): districts, hubs, sites, services and
// coverage as of a date, keyed by external keys (district number, the `key` of hubs, sites and
// services, the organisation's unit and position keys), never by database ids.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const placesFormatName = 'knutepunkt-places';
export const placesFormatVersion = 1;

export const placesEntities = ['districts', 'hubs', 'sites', 'services', 'coverage'] as const;
export type PlacesEntity = (typeof placesEntities)[number];
export const PlacesEntity = Type.Union([
  Type.Literal('districts'),
  Type.Literal('hubs'),
  Type.Literal('sites'),
  Type.Literal('services'),
  Type.Literal('coverage'),
]);

export const PlacesFileFormat = Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')]);
export type PlacesFileFormat = Static<typeof PlacesFileFormat>;

/** The content types an upload is sent as. */
export const placesContentTypes: Record<PlacesFileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};
/** The largest file an import takes. */
export const placesImportMaxBytes = 5 * 1024 * 1024;
/** The most rows one import takes, all entities together. */
export const placesImportMaxRows = 20_000;

const Key = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' });
const DistrictNumber = Type.Integer({ minimum: 1, maximum: 99 });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const OptionalText = (maxLength: number) => nullable(Type.String({ maxLength }));
const Period = {
  validFrom: nullable(IsoDate),
  validTo: nullable(IsoDate),
};
const Provenance = { source: OptionalText(1000), note: OptionalText(4000) };

export const DistrictRecord = Type.Object(
  {
    number: DistrictNumber,
    name: Text(300),
    shortName: OptionalText(100),
    population: nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    populationYear: nullable(Type.Integer({ minimum: 1800, maximum: 2200 })),
    populationSource: OptionalText(1000),
    localCommitteeName: OptionalText(300),
    localCoordinatorPositionKey: nullable(Key),
    ...Period,
    ...Provenance,
  },
  { additionalProperties: false },
);
export type DistrictRecord = Static<typeof DistrictRecord>;

export const HubRecord = Type.Object(
  {
    key: Key,
    districtNumber: DistrictNumber,
    name: Text(300),
    functions: Type.Array(HubFunction, { uniqueItems: true, maxItems: 2 }),
    pilotUnitKey: nullable(Key),
    successCriteria: OptionalText(4000),
    evaluationNotes: OptionalText(8000),
    ...Period,
    ...Provenance,
  },
  { additionalProperties: false },
);
export type HubRecord = Static<typeof HubRecord>;

export const SiteRecord = Type.Object(
  {
    key: Key,
    name: Text(300),
    address: OptionalText(500),
    latitude: nullable(Type.Number({ minimum: -90, maximum: 90 })),
    longitude: nullable(Type.Number({ minimum: -180, maximum: 180 })),
    owner: OptionalText(300),
    accessibilityNotes: OptionalText(4000),
    openingHoursText: OptionalText(1000),
    openingHours: nullable(Type.Array(OpeningHours, { maxItems: 50 })),
    hubKey: nullable(Key),
    ...Period,
    ...Provenance,
  },
  { additionalProperties: false },
);
export type SiteRecord = Static<typeof SiteRecord>;

export const ServiceRecord = Type.Object(
  {
    key: Key,
    name: Text(300),
    description: OptionalText(4000),
    targetGroups: Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }), { maxItems: 20, uniqueItems: true }),
    unitKey: Key,
    legalBasis: OptionalText(1000),
    proximityClass: ProximityClass,
    channels: Type.Array(Channel, { uniqueItems: true, maxItems: 5 }),
    contact: OptionalText(1000),
    entryPoints: Type.Array(EntryPoint, { uniqueItems: true, maxItems: 3 }),
    universalRole: nullable(UniversalRole),
    ...Period,
    ...Provenance,
  },
  { additionalProperties: false },
);
export type ServiceRecord = Static<typeof ServiceRecord>;

export const CoverageRecord = Type.Object(
  {
    serviceKey: Key,
    districtNumber: DistrictNumber,
    siteKey: nullable(Key),
    mode: nullable(CoverageMode),
    weeklyTimes: nullable(Type.Array(WeeklyTime, { maxItems: 50 })),
    scheduleNote: OptionalText(2000),
    ...Period,
    ...Provenance,
  },
  { additionalProperties: false },
);
export type CoverageRecord = Static<typeof CoverageRecord>;

export const recordSchemas = {
  districts: DistrictRecord,
  hubs: HubRecord,
  sites: SiteRecord,
  services: ServiceRecord,
  coverage: CoverageRecord,
} as const;

export interface PlacesRecords {
  districts: DistrictRecord;
  hubs: HubRecord;
  sites: SiteRecord;
  services: ServiceRecord;
  coverage: CoverageRecord;
}

/** The JSON export (and import) document. */
export const PlacesFile = Type.Object({
  format: Type.Literal(placesFormatName),
  version: Type.Literal(placesFormatVersion),
  asOf: IsoDate,
  districts: Type.Array(DistrictRecord),
  hubs: Type.Array(HubRecord),
  sites: Type.Array(SiteRecord),
  services: Type.Array(ServiceRecord),
  coverage: Type.Array(CoverageRecord),
});
export type PlacesFile = Static<typeof PlacesFile>;

export const PlacesExportQuery = Type.Object(
  {
    date: Type.Optional(IsoDate),
    format: Type.Optional(PlacesFileFormat),
    entity: Type.Optional(PlacesEntity),
  },
  { additionalProperties: false },
);
export type PlacesExportQuery = Static<typeof PlacesExportQuery>;

export const PlacesImportQuery = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Boolean({
        description:
          'An upload is always a dry run (true, or left out); false is refused: apply the stored dry run with POST /api/places/imports/{id}/apply',
      }),
    ),
    entity: Type.Optional(PlacesEntity),
    validFrom: Type.Optional(IsoDate),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PlacesImportQuery = Static<typeof PlacesImportQuery>;

export const LocalisedMessage = Type.Object({ nb: Type.String(), en: Type.String() });
export type LocalisedMessage = Static<typeof LocalisedMessage>;

export const ImportProblem = Type.Object({
  entity: nullable(PlacesEntity),
  /** The spreadsheet row (the header is row 1), or the position in the JSON list (from 1); null: the file as a whole. */
  row: nullable(Type.Integer()),
  column: nullable(Type.String()),
  message: LocalisedMessage,
});
export type ImportProblem = Static<typeof ImportProblem>;

const Count = Type.Object({ rows: Type.Integer(), created: Type.Integer(), changed: Type.Integer(), unchanged: Type.Integer() });
export type ImportCount = Static<typeof Count>;

/** One column of a row: what is stored (`before`) and what the file makes it (`after`; null: cleared). */
export const ImportFieldChange = Type.Object({
  column: Type.String(),
  before: nullable(Type.String()),
  after: nullable(Type.String()),
});
export type ImportFieldChange = Static<typeof ImportFieldChange>;

export const ImportChange = Type.Object({
  entity: PlacesEntity,
  row: Type.Integer(),
  key: Type.String(),
  action: Type.Union([Type.Literal('create'), Type.Literal('change')]),
  /** The columns that change (or, for a new record, that the file gives). */
  columns: Type.Array(Type.String()),
  /** Each of them: old → new; `after` null is a value the file clears («(tøm)»). */
  fields: Type.Array(ImportFieldChange),
  /** Columns the row does not give (not in the file, or an empty cell): left as they are. */
  left: Type.Array(Type.String()),
});
export type ImportChange = Static<typeof ImportChange>;

const importReportFields = {
  dryRun: Type.Boolean(),
  /** true: the changes were written (one transaction); false: nothing was changed. */
  applied: Type.Boolean(),
  format: PlacesFileFormat,
  fileName: Type.String(),
  validFrom: IsoDate,
  counts: Type.Object({
    districts: Count,
    hubs: Count,
    sites: Count,
    services: Count,
    coverage: Count,
  }),
  changes: Type.Array(ImportChange),
  problems: Type.Array(ImportProblem),
};
export const ImportReport = Type.Object(importReportFields);
export type ImportReport = Static<typeof ImportReport>;

/**
 * A stored dry run (places_imports) and, once applied, what was done: the report, and what the
 * confirm step needs (the id, the revision to send back, whether it may be applied now).
 */
export const PlacesImportView = Type.Object({
  ...importReportFields,
  id: Type.String(),
  revision: Type.Integer(),
  status: Type.Union([Type.Literal('planned'), Type.Literal('applied')]),
  /** SHA-256 of the uploaded file: the apply carries out the dry run of exactly this file. */
  fileHash: Type.String(),
  createdAt: Type.String(),
  appliedAt: nullable(Type.String()),
  /** Planned, without problems, something to change, and places unchanged since the dry run. */
  canApply: Type.Boolean(),
  /** Places were changed after the dry run: it must be run again before it can be applied. */
  baseChanged: Type.Boolean(),
});
export type PlacesImportView = Static<typeof PlacesImportView>;

export const PlacesImportIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export const PlacesImportApplyBody = Type.Object(
  { revision: Type.Integer({ minimum: 1, description: 'The revision of the dry run that was read' }) },
  { additionalProperties: false },
);
