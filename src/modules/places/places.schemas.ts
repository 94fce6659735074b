import { Type, type Static, type TOptional, type TSchema } from 'typebox';

// Shared between server and web: districts, hubs, sites, the service catalogue and its coverage,
// as the public pages read them and the staff editor changes them.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Every field optional: a change names only what it changes. */
function optional<T extends Record<string, TSchema>>(fields: T): { [K in keyof T]: TOptional<T[K]> } {
  return Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, Type.Optional(schema)])) as {
    [K in keyof T]: TOptional<T[K]>;
  };
}

export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Id = Type.String({ format: 'uuid' });
const Revision = Type.Integer({ minimum: 1, description: 'The revision the client read; a different one is refused as stale' });
const ValidFrom = Type.String({ format: 'date', description: 'First day it holds, YYYY-MM-DD' });
const ValidTo = Type.String({ format: 'date', description: 'First day it no longer holds, YYYY-MM-DD (exclusive)' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const OptionalText = (maxLength: number) => Type.Optional(nullable(Type.String({ maxLength })));
const Key = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' });
const DistrictNumber = Type.Integer({ minimum: 1, maximum: 99 });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
const Weekday = Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' });

export const ProximityClass = Type.Union(
  [
    Type.Literal('every_district'),
    Type.Literal('shared_districts'),
    Type.Literal('central'),
    Type.Literal('where_citizen_is'),
    Type.Literal('digital'),
  ],
  { description: 'In every district; shared by named districts; central; where the citizen is (home, school, work); digital' },
);
export type ProximityClass = Static<typeof ProximityClass>;
export const CoverageMode = Type.Union(
  [Type.Literal('always'), Type.Literal('weekly'), Type.Literal('rotating'), Type.Literal('extended_period')],
  { description: 'Always; fixed weekly times; rotating between hubs on a schedule; a period of extended offer' },
);
export type CoverageMode = Static<typeof CoverageMode>;
export const HubFunction = Type.Union([Type.Literal('meeting_place'), Type.Literal('service_desk')]);
export const Channel = Type.Union([
  Type.Literal('in_person'),
  Type.Literal('phone'),
  Type.Literal('digital'),
  Type.Literal('home_visit'),
  Type.Literal('outreach'),
]);
export const EntryPoint = Type.Union([Type.Literal('apent_hus'), Type.Literal('service_desk'), Type.Literal('hub')]);
export const UniversalRole = Type.Union([
  Type.Literal('meeting_place'),
  Type.Literal('library'),
  Type.Literal('service_desk'),
  Type.Literal('apent_hus'),
]);
export type UniversalRole = Static<typeof UniversalRole>;

export const WeeklyTime = Type.Object({ weekday: Weekday, from: Time, to: Time }, { additionalProperties: false });
export type WeeklyTime = Static<typeof WeeklyTime>;
export const OpeningHours = Type.Object({ weekday: Weekday, opens: Time, closes: Time }, { additionalProperties: false });
export type OpeningHours = Static<typeof OpeningHours>;

// ---------------------------------------------------------------------------------------------
// Requests

export const AsOfQuery = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false });
export type AsOfQuery = Static<typeof AsOfQuery>;

// q is checked in the handler, so that empty and too long get their own plain messages.
export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 10_000 })),
    district: Type.Optional(DistrictNumber),
    targetGroup: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    date: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;
export const NumberParams = Type.Object({ number: DistrictNumber }, { additionalProperties: false });
export type NumberParams = Static<typeof NumberParams>;

const districtFields = {
  name: Text(300),
  shortName: OptionalText(100),
  population: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
  populationYear: Type.Optional(nullable(Type.Integer({ minimum: 1800, maximum: 2200 }))),
  populationSource: OptionalText(1000),
  localCommitteeName: OptionalText(300),
  localCoordinatorPositionId: Type.Optional(nullable(Id)),
  source: OptionalText(1000),
  note: OptionalText(4000),
};
export const CreateDistrictBody = Type.Object(
  { number: DistrictNumber, validFrom: ValidFrom, validTo: Type.Optional(nullable(ValidTo)), ...districtFields },
  { additionalProperties: false },
);
export type CreateDistrictBody = Static<typeof CreateDistrictBody>;
export const ChangeDistrictBody = Type.Object(
  { revision: Revision, validFrom: ValidFrom, ...optional(districtFields) },
  { additionalProperties: false, description: 'Changes from validFrom, as a new dated version' },
);
export type ChangeDistrictBody = Static<typeof ChangeDistrictBody>;

const hubFields = {
  districtNumber: DistrictNumber,
  name: Text(300),
  functions: Type.Array(HubFunction, { uniqueItems: true, maxItems: 2 }),
  pilotUnitId: nullable(Id),
  successCriteria: OptionalText(4000),
  evaluationNotes: OptionalText(8000),
  source: OptionalText(1000),
  note: OptionalText(4000),
};
export const CreateHubBody = Type.Object(
  {
    key: Type.Optional(Key),
    validFrom: ValidFrom,
    validTo: Type.Optional(nullable(ValidTo)),
    districtNumber: hubFields.districtNumber,
    name: hubFields.name,
    functions: Type.Optional(hubFields.functions),
    pilotUnitId: Type.Optional(hubFields.pilotUnitId),
    successCriteria: hubFields.successCriteria,
    evaluationNotes: hubFields.evaluationNotes,
    source: hubFields.source,
    note: hubFields.note,
  },
  { additionalProperties: false },
);
export type CreateHubBody = Static<typeof CreateHubBody>;
export const ChangeHubBody = Type.Object(
  { revision: Revision, validFrom: ValidFrom, ...optional(hubFields) },
  { additionalProperties: false },
);
export type ChangeHubBody = Static<typeof ChangeHubBody>;

const siteFields = {
  name: Text(300),
  address: OptionalText(500),
  latitude: Type.Optional(nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  longitude: Type.Optional(nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  owner: OptionalText(300),
  accessibilityNotes: OptionalText(4000),
  openingHoursText: OptionalText(1000),
  openingHours: Type.Optional(nullable(Type.Array(OpeningHours, { maxItems: 50 }))),
  hubId: Type.Optional(nullable(Id)),
  source: OptionalText(1000),
  note: OptionalText(4000),
};
export const CreateSiteBody = Type.Object(
  { key: Type.Optional(Key), validFrom: ValidFrom, validTo: Type.Optional(nullable(ValidTo)), ...siteFields },
  { additionalProperties: false },
);
export type CreateSiteBody = Static<typeof CreateSiteBody>;
export const ChangeSiteBody = Type.Object(
  { revision: Revision, validFrom: ValidFrom, ...optional(siteFields) },
  { additionalProperties: false },
);
export type ChangeSiteBody = Static<typeof ChangeSiteBody>;

const TargetGroup = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const serviceFields = {
  name: Text(300),
  description: OptionalText(4000),
  targetGroups: Type.Array(TargetGroup, { maxItems: 20, uniqueItems: true }),
  deliveringUnitId: Id,
  legalBasis: OptionalText(1000),
  proximityClass: ProximityClass,
  channels: Type.Array(Channel, { uniqueItems: true, maxItems: 5 }),
  contact: OptionalText(1000),
  entryPoints: Type.Array(EntryPoint, { uniqueItems: true, maxItems: 3 }),
  universalRole: Type.Optional(nullable(UniversalRole)),
  source: OptionalText(1000),
  note: OptionalText(4000),
};
export const CreateServiceBody = Type.Object(
  {
    key: Type.Optional(Key),
    validFrom: ValidFrom,
    validTo: Type.Optional(nullable(ValidTo)),
    name: serviceFields.name,
    description: serviceFields.description,
    targetGroups: Type.Optional(serviceFields.targetGroups),
    deliveringUnitId: serviceFields.deliveringUnitId,
    legalBasis: serviceFields.legalBasis,
    proximityClass: serviceFields.proximityClass,
    channels: Type.Optional(serviceFields.channels),
    contact: serviceFields.contact,
    entryPoints: Type.Optional(serviceFields.entryPoints),
    universalRole: serviceFields.universalRole,
    source: serviceFields.source,
    note: serviceFields.note,
  },
  { additionalProperties: false },
);
export type CreateServiceBody = Static<typeof CreateServiceBody>;
export const ChangeServiceBody = Type.Object(
  { revision: Revision, validFrom: ValidFrom, ...optional(serviceFields) },
  { additionalProperties: false },
);
export type ChangeServiceBody = Static<typeof ChangeServiceBody>;

export const CreateCoverageBody = Type.Object(
  {
    serviceId: Id,
    districtNumber: DistrictNumber,
    siteId: Type.Optional(nullable(Id)),
    mode: Type.Optional(nullable(CoverageMode)),
    weeklyTimes: Type.Optional(nullable(Type.Array(WeeklyTime, { maxItems: 50 }))),
    scheduleNote: OptionalText(2000),
    validFrom: ValidFrom,
    validTo: Type.Optional(nullable(ValidTo)),
    source: OptionalText(1000),
    note: OptionalText(4000),
  },
  { additionalProperties: false },
);
export type CreateCoverageBody = Static<typeof CreateCoverageBody>;
export const ChangeCoverageBody = Type.Object(
  {
    revision: Revision,
    siteId: Type.Optional(nullable(Id)),
    mode: Type.Optional(nullable(CoverageMode)),
    weeklyTimes: Type.Optional(nullable(Type.Array(WeeklyTime, { maxItems: 50 }))),
    scheduleNote: OptionalText(2000),
    validFrom: Type.Optional(ValidFrom),
    validTo: Type.Optional(nullable(ValidTo)),
    source: OptionalText(1000),
    note: OptionalText(4000),
  },
  { additionalProperties: false, description: 'Edits the coverage row in place (its dates included)' },
);
export type ChangeCoverageBody = Static<typeof ChangeCoverageBody>;

export const CreateLocationBody = Type.Object(
  {
    siteId: Id,
    unitId: Type.Optional(Id),
    positionId: Type.Optional(Id),
    validFrom: ValidFrom,
    validTo: Type.Optional(nullable(ValidTo)),
    source: OptionalText(1000),
    note: OptionalText(4000),
  },
  { additionalProperties: false, description: 'A unit or a position (exactly one) works at a site from validFrom' },
);
export type CreateLocationBody = Static<typeof CreateLocationBody>;

export const WriteResult = Type.Object({ id: Type.String(), revision: Type.Integer() });
export type WriteResult = Static<typeof WriteResult>;

// ---------------------------------------------------------------------------------------------
// Responses

const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const SiteRef = Type.Object({ id: Type.String(), name: Type.String(), address: nullable(Type.String()) });

export const DistrictSummary = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  name: Type.String(),
  shortName: nullable(Type.String()),
  population: nullable(Type.Integer()),
  populationYear: nullable(Type.Integer()),
  populationSource: nullable(Type.String()),
  localCommitteeName: nullable(Type.String()),
  localCoordinator: nullable(Type.Object({ positionId: Type.String(), title: Type.String() })),
  hub: nullable(Ref),
  revision: Type.Integer(),
  source: nullable(Type.String()),
  note: nullable(Type.String()),
});
export type DistrictSummary = Static<typeof DistrictSummary>;
export const DistrictList = Type.Object({ date: IsoDate, districts: Type.Array(DistrictSummary) });
export type DistrictList = Static<typeof DistrictList>;

/** A service as delivered in one district: where, how and when. */
export const Offering = Type.Object({
  coverageId: Type.String(),
  revision: Type.Integer(),
  serviceId: Type.String(),
  serviceName: Type.String(),
  /** "Helsestasjon for kommunedel 1 og 2" when one site serves several districts; generated, never typed. */
  displayName: Type.String(),
  proximityClass: ProximityClass,
  districtNumber: Type.Integer(),
  /** Every district this service is delivered to from the same site on the date. */
  servedDistricts: Type.Array(Type.Integer()),
  site: nullable(SiteRef),
  mode: nullable(CoverageMode),
  weeklyTimes: nullable(Type.Array(WeeklyTime)),
  scheduleNote: nullable(Type.String()),
  validFrom: IsoDate,
  validTo: nullable(IsoDate),
  source: nullable(Type.String()),
});
export type Offering = Static<typeof Offering>;

const ServiceRef = Type.Object({ id: Type.String(), name: Type.String(), proximityClass: ProximityClass });

export const DistrictDetail = Type.Object({
  date: IsoDate,
  district: DistrictSummary,
  names: Type.Array(Type.Object({ validFrom: IsoDate, validTo: nullable(IsoDate), name: Type.String(), source: nullable(Type.String()) })),
  services: Type.Array(Offering),
  /** Central, digital and where-the-citizen-is services: open to every district without coverage rows. */
  forEveryone: Type.Array(ServiceRef),
});
export type DistrictDetail = Static<typeof DistrictDetail>;

export const SiteView = Type.Object({
  id: Type.String(),
  key: Type.String(),
  revision: Type.Integer(),
  name: Type.String(),
  address: nullable(Type.String()),
  latitude: nullable(Type.Number()),
  longitude: nullable(Type.Number()),
  owner: nullable(Type.String()),
  accessibilityNotes: nullable(Type.String()),
  openingHoursText: nullable(Type.String()),
  openingHours: nullable(Type.Array(OpeningHours)),
  source: nullable(Type.String()),
  note: nullable(Type.String()),
});
export type SiteView = Static<typeof SiteView>;

export const HubDetail = Type.Object({
  date: IsoDate,
  id: Type.String(),
  key: Type.String(),
  revision: Type.Integer(),
  name: Type.String(),
  district: Type.Object({ number: Type.Integer(), name: Type.String() }),
  functions: Type.Array(HubFunction),
  pilotUnit: nullable(Ref),
  successCriteria: nullable(Type.String()),
  evaluationNotes: nullable(Type.String()),
  source: nullable(Type.String()),
  note: nullable(Type.String()),
  sites: Type.Array(SiteView),
  services: Type.Array(Offering),
});
export type HubDetail = Static<typeof HubDetail>;

export const ServiceDetail = Type.Object({
  date: IsoDate,
  id: Type.String(),
  key: Type.String(),
  revision: Type.Integer(),
  name: Type.String(),
  description: nullable(Type.String()),
  targetGroups: Type.Array(Type.String()),
  deliveringUnit: Ref,
  legalBasis: nullable(Type.String()),
  proximityClass: ProximityClass,
  channels: Type.Array(Channel),
  contact: nullable(Type.String()),
  entryPoints: Type.Array(EntryPoint),
  universalRole: nullable(UniversalRole),
  source: nullable(Type.String()),
  note: nullable(Type.String()),
  coverage: Type.Array(Offering),
});
export type ServiceDetail = Static<typeof ServiceDetail>;

export const SearchHit = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: nullable(Type.String()),
  proximityClass: ProximityClass,
  targetGroups: Type.Array(Type.String()),
  deliveringUnit: Type.String(),
  districts: Type.Array(Type.Integer()),
  match: Type.Union([Type.Literal('text'), Type.Literal('similar')], {
    description: 'text: the words match (Norwegian stemming); similar: a near spelling (trigrams)',
  }),
});
export type SearchHit = Static<typeof SearchHit>;
export const SearchResult = Type.Object({ date: IsoDate, q: Type.String(), results: Type.Array(SearchHit) });
export type SearchResult = Static<typeof SearchResult>;

export const CoLocation = Type.Object({
  date: IsoDate,
  sites: Type.Array(
    Type.Object({
      site: Ref,
      hub: nullable(Type.Object({ id: Type.String(), name: Type.String(), districtNumber: Type.Integer() })),
      units: Type.Array(Ref),
      positions: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), unitName: Type.String() })),
    }),
  ),
  districts: Type.Array(
    Type.Object({
      number: Type.Integer(),
      name: Type.String(),
      hub: nullable(Ref),
      /** Units that serve the district (the organisation's districts) and have no location at any of its hub's sites. */
      unitsNotAtHub: Type.Array(Ref),
    }),
  ),
});
export type CoLocation = Static<typeof CoLocation>;

export const ReportFinding = Type.Object({
  rule: Type.Union([
    Type.Literal('every_district_missing'),
    Type.Literal('district_without_hub'),
    Type.Literal('hub_missing_universal'),
    Type.Literal('shared_not_covering'),
    Type.Literal('pilot_unit_without_hub'),
  ]),
  message: Type.Object({ nb: Type.String(), en: Type.String() }),
  districtNumbers: Type.Array(Type.Integer()),
  serviceId: nullable(Type.String()),
  hubId: nullable(Type.String()),
  missing: Type.Array(Type.String()),
});
export type ReportFinding = Static<typeof ReportFinding>;
export const ProximityReport = Type.Object({ date: IsoDate, findings: Type.Array(ReportFinding) });
export type ProximityReport = Static<typeof ProximityReport>;

/** The whole catalogue on a date, each service with its coverage: what the services × districts matrix shows. */
export const CatalogueService = Type.Object({
  id: Type.String(),
  key: Type.String(),
  revision: Type.Integer(),
  name: Type.String(),
  proximityClass: ProximityClass,
  targetGroups: Type.Array(Type.String()),
  deliveringUnit: Ref,
  universalRole: nullable(UniversalRole),
  coverage: Type.Array(Offering),
});
export type CatalogueService = Static<typeof CatalogueService>;
export const ServiceCatalogue = Type.Object({ date: IsoDate, services: Type.Array(CatalogueService) });
export type ServiceCatalogue = Static<typeof ServiceCatalogue>;

export const SiteList = Type.Object({
  date: IsoDate,
  sites: Type.Array(
    Type.Object({
      ...SiteView.properties,
      hub: nullable(Type.Object({ id: Type.String(), name: Type.String(), districtNumber: Type.Integer() })),
    }),
  ),
});
export type SiteList = Static<typeof SiteList>;
