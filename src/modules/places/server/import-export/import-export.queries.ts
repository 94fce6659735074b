import { sql } from 'kysely';
import type { CoverageRecord, DistrictRecord, HubRecord, PlacesFile, ServiceRecord, SiteRecord } from '../../import-export.schemas.js';
import type { OpeningHours, WeeklyTime } from '../../places.schemas.js';
import { validOn } from '../places.queries.js';
import type { PlacesDb } from '../places.tables.js';

// The SQL of import and export: what holds on a date, keyed by external keys (district number,
// the key of hubs, sites and services, the organisation's unit and position keys).

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Weekly times with their keys in the format's order (jsonb keeps its own order). */
export function weeklyTimes(value: unknown): WeeklyTime[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  return (value as WeeklyTime[]).map((t) => ({ weekday: Number(t.weekday), from: t.from, to: t.to }));
}
export function openingHours(value: unknown): OpeningHours[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  return (value as OpeningHours[]).map((t) => ({ weekday: Number(t.weekday), opens: t.opens, closes: t.closes }));
}

export async function selectDistrictRecords(db: PlacesDb, date: string): Promise<DistrictRecord[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select d.number, dv.name, dv.short_name, dv.population, dv.population_year, dv.population_source,
      dv.local_committee_name, p.key as coordinator_key, dv.valid_from, dv.valid_to, dv.source, dv.note
    from places_district_versions dv
    join places_districts d on d.id = dv.district_id
    left join org_positions p on p.id = dv.local_coordinator_position_id
    where ${validOn('dv', date)}
    order by d.number`.execute(db);
  return rows.map((r) => ({
    number: Number(r.number),
    name: r.name as string,
    shortName: r.short_name as string | null,
    population: numberOrNull(r.population),
    populationYear: numberOrNull(r.population_year),
    populationSource: r.population_source as string | null,
    localCommitteeName: r.local_committee_name as string | null,
    localCoordinatorPositionKey: r.coordinator_key as string | null,
    validFrom: r.valid_from as string,
    validTo: r.valid_to as string | null,
    source: r.source as string | null,
    note: r.note as string | null,
  }));
}

export async function selectHubRecords(db: PlacesDb, date: string): Promise<HubRecord[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select h.key, d.number as district_number, hv.name, hv.functions, u.key as pilot_unit_key, hv.success_criteria,
      hv.evaluation_notes, hv.valid_from, hv.valid_to, hv.source, hv.note
    from places_hub_versions hv
    join places_hubs h on h.id = hv.hub_id
    join places_districts d on d.id = hv.district_id
    left join org_units u on u.id = hv.pilot_unit_id
    where ${validOn('hv', date)}
    order by d.number, h.key`.execute(db);
  return rows.map((r) => ({
    key: r.key as string,
    districtNumber: Number(r.district_number),
    name: r.name as string,
    functions: r.functions as HubRecord['functions'],
    pilotUnitKey: r.pilot_unit_key as string | null,
    successCriteria: r.success_criteria as string | null,
    evaluationNotes: r.evaluation_notes as string | null,
    validFrom: r.valid_from as string,
    validTo: r.valid_to as string | null,
    source: r.source as string | null,
    note: r.note as string | null,
  }));
}

export async function selectSiteRecords(db: PlacesDb, date: string): Promise<SiteRecord[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select s.key, sv.name, sv.address, sv.latitude, sv.longitude, sv.owner, sv.accessibility_notes, sv.opening_hours_text,
      sv.opening_hours, h.key as hub_key, sv.valid_from, sv.valid_to, sv.source, sv.note
    from places_site_versions sv
    join places_sites s on s.id = sv.site_id
    left join places_hubs h on h.id = sv.hub_id
    where ${validOn('sv', date)}
    order by s.key`.execute(db);
  return rows.map((r) => ({
    key: r.key as string,
    name: r.name as string,
    address: r.address as string | null,
    latitude: numberOrNull(r.latitude),
    longitude: numberOrNull(r.longitude),
    owner: r.owner as string | null,
    accessibilityNotes: r.accessibility_notes as string | null,
    openingHoursText: r.opening_hours_text as string | null,
    openingHours: openingHours(r.opening_hours),
    hubKey: r.hub_key as string | null,
    validFrom: r.valid_from as string,
    validTo: r.valid_to as string | null,
    source: r.source as string | null,
    note: r.note as string | null,
  }));
}

export async function selectServiceRecords(db: PlacesDb, date: string): Promise<ServiceRecord[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select s.key, sv.name, sv.description, sv.target_groups, u.key as unit_key, sv.legal_basis, sv.proximity_class,
      sv.channels, sv.contact, sv.entry_points, sv.universal_role, sv.valid_from, sv.valid_to, sv.source, sv.note
    from places_service_versions sv
    join places_services s on s.id = sv.service_id
    join org_units u on u.id = sv.delivering_unit_id
    where ${validOn('sv', date)}
    order by s.key`.execute(db);
  return rows.map((r) => ({
    key: r.key as string,
    name: r.name as string,
    description: r.description as string | null,
    targetGroups: r.target_groups as string[],
    unitKey: r.unit_key as string,
    legalBasis: r.legal_basis as string | null,
    proximityClass: r.proximity_class as ServiceRecord['proximityClass'],
    channels: r.channels as ServiceRecord['channels'],
    contact: r.contact as string | null,
    entryPoints: r.entry_points as ServiceRecord['entryPoints'],
    universalRole: r.universal_role as ServiceRecord['universalRole'],
    validFrom: r.valid_from as string,
    validTo: r.valid_to as string | null,
    source: r.source as string | null,
    note: r.note as string | null,
  }));
}

export async function selectCoverageRecords(db: PlacesDb, date: string): Promise<CoverageRecord[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select s.key as service_key, d.number as district_number, st.key as site_key, c.mode, c.weekly_times, c.schedule_note,
      c.valid_from, c.valid_to, c.source, c.note
    from places_coverage c
    join places_services s on s.id = c.service_id
    join places_districts d on d.id = c.district_id
    left join places_sites st on st.id = c.site_id
    where ${validOn('c', date)}
    order by s.key, d.number, c.valid_from`.execute(db);
  return rows.map((r) => ({
    serviceKey: r.service_key as string,
    districtNumber: Number(r.district_number),
    siteKey: r.site_key as string | null,
    mode: r.mode as CoverageRecord['mode'],
    weeklyTimes: weeklyTimes(r.weekly_times),
    scheduleNote: r.schedule_note as string | null,
    validFrom: r.valid_from as string,
    validTo: r.valid_to as string | null,
    source: r.source as string | null,
    note: r.note as string | null,
  }));
}

/** Everything that holds on `date`, as the JSON document of the format. */
export async function selectPlacesFile(db: PlacesDb, date: string): Promise<PlacesFile> {
  const [districts, hubs, sites, services, coverage] = await Promise.all([
    selectDistrictRecords(db, date),
    selectHubRecords(db, date),
    selectSiteRecords(db, date),
    selectServiceRecords(db, date),
    selectCoverageRecords(db, date),
  ]);
  return { format: 'knutepunkt-places', version: 1, asOf: date, districts, hubs, sites, services, coverage };
}

// ---------------------------------------------------------------------------------------------
// Lookups by external key, inside the import's transaction

export async function idByKey(
  trx: PlacesDb,
  table: 'places_hubs' | 'places_sites' | 'places_services' | 'org_units' | 'org_positions',
  key: string,
): Promise<{ id: string; revision: number } | undefined> {
  const { rows } = await sql<{ id: string; revision: number }>`
    select id, revision from ${sql.table(table)} where key = ${key}`.execute(trx);
  return rows[0];
}

export async function districtByNumber(trx: PlacesDb, number: number): Promise<{ id: string; revision: number } | undefined> {
  const { rows } = await sql<{ id: string; revision: number }>`
    select id, revision from places_districts where number = ${number}`.execute(trx);
  return rows[0];
}

/** The version of a district, hub, site or service that holds on `date`, as stored. */
export async function versionOnDate(
  trx: PlacesDb,
  table: 'places_district_versions' | 'places_hub_versions' | 'places_site_versions' | 'places_service_versions',
  owner: 'district_id' | 'hub_id' | 'site_id' | 'service_id',
  id: string,
  date: string,
): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql<Record<string, unknown>>`
    select * from ${sql.table(table)} v where ${sql.ref(`v.${owner}`)} = ${id} and ${validOn('v', date)}`.execute(trx);
  return rows[0];
}

/** The coverage row of a service in a district that starts on `validFrom`, or (without it) holds on `date`. */
export async function findCoverage(
  trx: PlacesDb,
  serviceId: string,
  districtId: string,
  validFrom: string | null,
  date: string,
): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql<Record<string, unknown>>`
    select * from places_coverage c
    where c.service_id = ${serviceId} and c.district_id = ${districtId}
      and ${validFrom === null ? validOn('c', date) : sql`c.valid_from = ${validFrom}::date`}`.execute(trx);
  return rows[0];
}

export async function savepoint(trx: PlacesDb, action: 'savepoint' | 'release savepoint' | 'rollback to savepoint'): Promise<void> {
  await sql`${sql.raw(action)} places_import_row`.execute(trx);
}

/** The external key of a stored id, for the dry run to show (null for none). */
export async function keyOfId(
  trx: PlacesDb,
  table: 'places_hubs' | 'places_sites' | 'org_units' | 'org_positions',
  id: unknown,
): Promise<string | null> {
  if (typeof id !== 'string' || id === '') return null;
  const { rows } = await sql<{ key: string }>`select key from ${sql.table(table)} where id = ${id}`.execute(trx);
  return rows[0]?.key ?? null;
}

export async function districtNumberOfId(trx: PlacesDb, id: unknown): Promise<number | null> {
  if (typeof id !== 'string' || id === '') return null;
  const { rows } = await sql<{ number: number }>`select number from places_districts where id = ${id}`.execute(trx);
  return rows[0] ? Number(rows[0].number) : null;
}

/**
 * Places as they are, in one value: every district, hub, site, service and coverage row with its
 * revision (an edit bumps it; a new record adds one). An apply compares it with its dry run's.
 */
export async function placesFingerprint(trx: PlacesDb): Promise<string> {
  const { rows } = await sql<{ fingerprint: string }>`
    select md5(coalesce(string_agg(x, ',' order by x), '')) as fingerprint from (
      select 'd' || id::text || ':' || revision::text as x from places_districts
      union all select 'h' || id::text || ':' || revision::text from places_hubs
      union all select 's' || id::text || ':' || revision::text from places_sites
      union all select 'v' || id::text || ':' || revision::text from places_services
      union all select 'c' || id::text || ':' || revision::text from places_coverage
    ) rows`.execute(trx);
  return rows[0]!.fingerprint;
}
