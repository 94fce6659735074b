import { sql, type RawBuilder } from 'kysely';
import { sortByNorwegian } from '../../../kernel/index.js';
import type {
  CatalogueService,
  CoLocation,
  CoverageMode,
  DistrictDetail,
  DistrictSummary,
  HubDetail,
  Offering,
  OpeningHours,
  ProximityClass,
  SearchHit,
  ServiceDetail,
  SiteList,
  SiteView,
  UniversalRole,
  WeeklyTime,
} from '../places.schemas.js';
import { isUuid } from './commands/shared.js';
import type { PlacesDb } from './places.tables.js';
import { sharedServiceName } from './service-names.js';

/** `valid_from <= date < valid_to` on a table alias: the row holds on that date. */
export function validOn(alias: string, date: string) {
  return sql<boolean>`${sql.ref(`${alias}.valid_from`)} <= ${date}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date}::date)`;
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

// ---------------------------------------------------------------------------------------------
// Districts

interface DistrictRow {
  id: string;
  number: number;
  revision: number;
  name: string;
  short_name: string | null;
  population: number | null;
  population_year: number | null;
  population_source: string | null;
  local_committee_name: string | null;
  coordinator_id: string | null;
  coordinator_title: string | null;
  hub_id: string | null;
  hub_name: string | null;
  source: string | null;
  note: string | null;
}

async function readDistricts(db: PlacesDb, date: string, number?: number): Promise<DistrictSummary[]> {
  const { rows } = await sql<DistrictRow>`
    select d.id, d.number, d.revision, dv.name, dv.short_name, dv.population, dv.population_year, dv.population_source,
      dv.local_committee_name, dv.local_coordinator_position_id as coordinator_id, pv.title as coordinator_title,
      hv.hub_id, hv.name as hub_name, dv.source, dv.note
    from places_district_versions dv
    join places_districts d on d.id = dv.district_id
    left join org_position_versions pv on pv.position_id = dv.local_coordinator_position_id and ${validOn('pv', date)}
    left join places_hub_versions hv on hv.district_id = d.id and ${validOn('hv', date)}
    where ${validOn('dv', date)} ${number === undefined ? sql`` : sql`and d.number = ${number}`}
    order by d.number`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    name: row.name,
    shortName: row.short_name,
    population: row.population,
    populationYear: row.population_year,
    populationSource: row.population_source,
    localCommitteeName: row.local_committee_name,
    localCoordinator: row.coordinator_id ? { positionId: row.coordinator_id, title: row.coordinator_title ?? '' } : null,
    hub: row.hub_id ? { id: row.hub_id, name: row.hub_name! } : null,
    revision: row.revision,
    source: row.source,
    note: row.note,
  }));
}

/** The districts that exist on `date`, by number, with their hub and local coordinator. */
export function selectDistricts(db: PlacesDb, date: string): Promise<DistrictSummary[]> {
  return readDistricts(db, date);
}

/** A district page: its facts, its dated names, the services delivered there and those open to all. */
export async function selectDistrictDetail(db: PlacesDb, number: number, date: string): Promise<DistrictDetail | undefined> {
  const [district] = await readDistricts(db, date, number);
  if (!district) return undefined;
  const [names, services, forEveryone] = await Promise.all([
    db
      .selectFrom('places_district_versions')
      .select(['valid_from', 'valid_to', 'name', 'source'])
      .where('district_id', '=', district.id)
      .orderBy('valid_from')
      .execute(),
    selectOfferings(db, date, sql`cov.district_id = ${district.id}`),
    selectServicesForEveryone(db, date),
  ]);
  return {
    date,
    district,
    // Consecutive versions with the same name are one name, however many facts changed.
    names: names
      .filter((row, i) => i === 0 || names[i - 1]!.name !== row.name)
      .map((row, i, kept) => ({
        validFrom: row.valid_from,
        validTo: kept[i + 1]?.valid_from ?? names.at(-1)!.valid_to,
        name: row.name,
        source: row.source,
      })),
    services,
    forEveryone,
  };
}

async function selectServicesForEveryone(db: PlacesDb, date: string) {
  const rows = await db
    .selectFrom('places_service_versions as sv')
    .select(['sv.service_id as id', 'sv.name', 'sv.proximity_class as proximityClass'])
    .where(validOn('sv', date))
    .where('sv.proximity_class', 'in', ['central', 'digital', 'where_citizen_is'])
    .execute();
  return sortByNorwegian(
    rows.map((row) => ({ ...row, proximityClass: row.proximityClass as ProximityClass })),
    (row) => row.name,
  );
}

// ---------------------------------------------------------------------------------------------
// Offerings: coverage rows as citizens read them

/**
 * Coverage on `date` matching `where` (on the alias `cov`), with the districts each service is
 * delivered to from the same site, which gives the generated «… for kommunedel 1 og 2» names.
 */
export async function selectOfferings(db: PlacesDb, date: string, where: RawBuilder<unknown>): Promise<Offering[]> {
  const { rows } = await sql<{
    id: string;
    revision: number;
    service_id: string;
    service_name: string;
    proximity_class: ProximityClass;
    district_number: number;
    served: number[];
    site_id: string | null;
    site_name: string | null;
    site_address: string | null;
    mode: CoverageMode | null;
    weekly_times: WeeklyTime[] | null;
    schedule_note: string | null;
    valid_from: string;
    valid_to: string | null;
    source: string | null;
  }>`
    with cov as (
      select c.*, d.number as district_number,
        case when c.site_id is null then array[d.number]
          else array_agg(d.number) over (partition by c.service_id, c.site_id) end as served
      from places_coverage c
      join places_districts d on d.id = c.district_id
      where ${validOn('c', date)}
    )
    select cov.id, cov.revision, cov.service_id, sv.name as service_name, sv.proximity_class, cov.district_number, cov.served,
      cov.site_id, st.name as site_name, st.address as site_address, cov.mode, cov.weekly_times, cov.schedule_note,
      cov.valid_from, cov.valid_to, cov.source
    from cov
    join places_service_versions sv on sv.service_id = cov.service_id and ${validOn('sv', date)}
    left join places_site_versions st on st.site_id = cov.site_id and ${validOn('st', date)}
    where ${where}`.execute(db);
  const offerings = rows.map((row) => {
    const served = [...new Set(row.served.map(Number))].sort((a, b) => a - b);
    return {
      coverageId: row.id,
      revision: row.revision,
      serviceId: row.service_id,
      serviceName: row.service_name,
      displayName: sharedServiceName(row.service_name, served),
      proximityClass: row.proximity_class,
      districtNumber: row.district_number,
      servedDistricts: served,
      site: row.site_id && row.site_name ? { id: row.site_id, name: row.site_name, address: row.site_address } : null,
      mode: row.mode,
      weeklyTimes: row.weekly_times,
      scheduleNote: row.schedule_note,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      source: row.source,
    };
  });
  // By name (Norwegian rules), and within one name by district: the sort is stable.
  return sortByNorwegian(
    offerings.sort((a, b) => a.districtNumber - b.districtNumber),
    (o) => o.displayName,
  );
}

// ---------------------------------------------------------------------------------------------
// Hubs, sites and services

function siteView(row: Record<string, unknown>): SiteView {
  return {
    id: String(row.site_id),
    key: String(row.key),
    revision: Number(row.revision),
    name: String(row.name),
    address: (row.address as string | null) ?? null,
    latitude: numberOrNull(row.latitude),
    longitude: numberOrNull(row.longitude),
    owner: (row.owner as string | null) ?? null,
    accessibilityNotes: (row.accessibility_notes as string | null) ?? null,
    openingHoursText: (row.opening_hours_text as string | null) ?? null,
    openingHours: (row.opening_hours as OpeningHours[] | null) ?? null,
    source: (row.source as string | null) ?? null,
    note: (row.note as string | null) ?? null,
  };
}

/** A hub page: the hub on `date`, the sites of its cluster with opening hours, and the services there. */
export async function selectHubDetail(db: PlacesDb, id: string, date: string): Promise<HubDetail | undefined> {
  if (!isUuid(id)) return undefined;
  const hub = await db
    .selectFrom('places_hub_versions as hv')
    .innerJoin('places_hubs as h', 'h.id', 'hv.hub_id')
    .innerJoin('places_districts as d', 'd.id', 'hv.district_id')
    .leftJoin('places_district_versions as dv', (join) => join.onRef('dv.district_id', '=', 'd.id').on(validOn('dv', date)))
    .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'hv.pilot_unit_id').on(validOn('uv', date)))
    .select([
      'h.id',
      'h.key',
      'h.revision',
      'hv.name',
      'hv.functions',
      'hv.pilot_unit_id',
      'uv.name as pilot_unit_name',
      'hv.success_criteria',
      'hv.evaluation_notes',
      'hv.source',
      'hv.note',
      'd.number as district_number',
      'dv.name as district_name',
    ])
    .where('hv.hub_id', '=', id)
    .where(validOn('hv', date))
    .executeTakeFirst();
  if (!hub) return undefined;
  const sites = await db
    .selectFrom('places_site_versions as sv')
    .innerJoin('places_sites as s', 's.id', 'sv.site_id')
    .selectAll('sv')
    .select(['s.key', 's.revision'])
    .where('sv.hub_id', '=', id)
    .where(validOn('sv', date))
    .execute();
  const siteIds = sites.map((s) => s.site_id);
  const services = siteIds.length === 0 ? [] : await selectOfferings(db, date, sql`cov.site_id in (${sql.join(siteIds)})`);
  return {
    date,
    id: hub.id,
    key: hub.key,
    revision: hub.revision,
    name: hub.name,
    district: { number: hub.district_number, name: hub.district_name ?? '' },
    functions: hub.functions as HubDetail['functions'],
    pilotUnit: hub.pilot_unit_id ? { id: hub.pilot_unit_id, name: hub.pilot_unit_name ?? '' } : null,
    successCriteria: hub.success_criteria,
    evaluationNotes: hub.evaluation_notes,
    source: hub.source,
    note: hub.note,
    sites: sortByNorwegian(sites.map(siteView), (s) => s.name),
    services,
  };
}

/** A service page: the service on `date`, who delivers it, and where and how in each district. */
export async function selectServiceDetail(db: PlacesDb, id: string, date: string): Promise<ServiceDetail | undefined> {
  if (!isUuid(id)) return undefined;
  const service = await db
    .selectFrom('places_service_versions as sv')
    .innerJoin('places_services as s', 's.id', 'sv.service_id')
    .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'sv.delivering_unit_id').on(validOn('uv', date)))
    .select([
      's.id',
      's.key',
      's.revision',
      'sv.name',
      'sv.description',
      'sv.target_groups',
      'sv.delivering_unit_id',
      'uv.name as unit_name',
      'sv.legal_basis',
      'sv.proximity_class',
      'sv.channels',
      'sv.contact',
      'sv.entry_points',
      'sv.universal_role',
      'sv.source',
      'sv.note',
    ])
    .where('sv.service_id', '=', id)
    .where(validOn('sv', date))
    .executeTakeFirst();
  if (!service) return undefined;
  const coverage = await selectOfferings(db, date, sql`cov.service_id = ${id}`);
  return {
    date,
    id: service.id,
    key: service.key,
    revision: service.revision,
    name: service.name,
    description: service.description,
    targetGroups: service.target_groups,
    deliveringUnit: { id: service.delivering_unit_id, name: service.unit_name ?? '' },
    legalBasis: service.legal_basis,
    proximityClass: service.proximity_class as ProximityClass,
    channels: service.channels as ServiceDetail['channels'],
    contact: service.contact,
    entryPoints: service.entry_points as ServiceDetail['entryPoints'],
    universalRole: service.universal_role as UniversalRole | null,
    source: service.source,
    note: service.note,
    coverage: coverage.sort((a, b) => a.districtNumber - b.districtNumber),
  };
}

/** Every service on `date` with its coverage in every district (two queries, whatever the size). */
export async function selectCatalogue(db: PlacesDb, date: string): Promise<CatalogueService[]> {
  const [services, offerings] = await Promise.all([
    db
      .selectFrom('places_service_versions as sv')
      .innerJoin('places_services as s', 's.id', 'sv.service_id')
      .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'sv.delivering_unit_id').on(validOn('uv', date)))
      .select([
        's.id',
        's.key',
        's.revision',
        'sv.name',
        'sv.proximity_class',
        'sv.target_groups',
        'sv.delivering_unit_id',
        'uv.name as unit_name',
        'sv.universal_role',
      ])
      .where(validOn('sv', date))
      .execute(),
    selectOfferings(db, date, sql`true`),
  ]);
  const byService = new Map<string, Offering[]>();
  for (const offering of offerings) byService.set(offering.serviceId, [...(byService.get(offering.serviceId) ?? []), offering]);
  return sortByNorwegian(
    services.map((service) => ({
      id: service.id,
      key: service.key,
      revision: service.revision,
      name: service.name,
      proximityClass: service.proximity_class as ProximityClass,
      targetGroups: service.target_groups,
      deliveringUnit: { id: service.delivering_unit_id, name: service.unit_name ?? '' },
      universalRole: service.universal_role as UniversalRole | null,
      coverage: (byService.get(service.id) ?? []).sort((a, b) => a.districtNumber - b.districtNumber),
    })),
    (service) => service.name,
  );
}

/** Every site on `date`, with the hub whose cluster it belongs to. */
export async function selectSites(db: PlacesDb, date: string): Promise<SiteList['sites']> {
  const rows = await db
    .selectFrom('places_site_versions as sv')
    .innerJoin('places_sites as s', 's.id', 'sv.site_id')
    .leftJoin('places_hub_versions as hv', (join) => join.onRef('hv.hub_id', '=', 'sv.hub_id').on(validOn('hv', date)))
    .leftJoin('places_districts as d', 'd.id', 'hv.district_id')
    .selectAll('sv')
    .select(['s.key', 's.revision', 'hv.name as hub_name', 'd.number as district_number'])
    .where(validOn('sv', date))
    .execute();
  return sortByNorwegian(
    rows.map((row) => ({
      ...siteView(row),
      hub: row.hub_id && row.hub_name ? { id: row.hub_id, name: row.hub_name, districtNumber: Number(row.district_number) } : null,
    })),
    (site) => site.name,
  );
}

// ---------------------------------------------------------------------------------------------
// Search

export interface SearchFilter {
  q: string;
  date: string;
  district?: number;
  targetGroup?: string;
}

/**
 * Services whose words match `q` with Norwegian stemming ("barnehagene" finds "barnehage"), or
 * whose text is a near spelling of it (trigram word similarity, for typos). Words first, then
 * the nearest spellings; at most 50. `q` is always a parameter, never part of the SQL text.
 */
export async function searchServices(db: PlacesDb, filter: SearchFilter): Promise<SearchHit[]> {
  const { q, date } = filter;
  const byDistrict =
    filter.district === undefined
      ? sql``
      : sql`and (sv.proximity_class in ('central', 'digital', 'where_citizen_is') or exists (
          select 1 from places_coverage c join places_districts d on d.id = c.district_id
          where c.service_id = sv.service_id and d.number = ${filter.district} and ${validOn('c', date)}))`;
  const byTargetGroup =
    filter.targetGroup === undefined
      ? sql``
      : sql`and exists (select 1 from unnest(sv.target_groups) g where lower(g) = lower(${filter.targetGroup}))`;
  const { rows } = await sql<{
    service_id: string;
    name: string;
    description: string | null;
    proximity_class: ProximityClass;
    target_groups: string[];
    unit_name: string | null;
    districts: number[] | null;
    text_match: boolean;
  }>`
    with q as (select plainto_tsquery('norwegian', ${q}) as ts, lower(${q}) as raw),
    hits as (
      select sv.service_id, sv.name, sv.description, sv.proximity_class, sv.target_groups, sv.delivering_unit_id,
        sv.search_vector @@ q.ts as text_match,
        ts_rank(sv.search_vector, q.ts) as rank,
        word_similarity(q.raw, sv.search_text) as similarity
      from places_service_versions sv, q
      where ${validOn('sv', date)}
        and (sv.search_vector @@ q.ts or q.raw <% sv.search_text)
        ${byDistrict}
        ${byTargetGroup}
    )
    select hits.service_id, hits.name, hits.description, hits.proximity_class, hits.target_groups, hits.text_match,
      uv.name as unit_name,
      (select array_agg(distinct d.number order by d.number)
        from places_coverage c join places_districts d on d.id = c.district_id
        where c.service_id = hits.service_id and ${validOn('c', date)}) as districts
    from hits
    left join org_unit_versions uv on uv.unit_id = hits.delivering_unit_id and ${validOn('uv', date)}
    order by hits.text_match desc, hits.rank desc, hits.similarity desc, hits.service_id
    limit 50`.execute(db);
  return rows.map((row) => ({
    id: row.service_id,
    name: row.name,
    description: row.description,
    proximityClass: row.proximity_class,
    targetGroups: row.target_groups,
    deliveringUnit: row.unit_name ?? '',
    districts: (row.districts ?? []).map(Number),
    match: row.text_match ? ('text' as const) : ('similar' as const),
  }));
}

// ---------------------------------------------------------------------------------------------
// Co-location

/** Which units and positions share each site on `date`, and which units serving a district have no place at its hub. */
export async function selectCoLocation(db: PlacesDb, date: string): Promise<Omit<CoLocation, 'date'>> {
  const [sites, located, districts, serving] = await Promise.all([
    sql<{ site_id: string; name: string; hub_id: string | null; hub_name: string | null; district_number: number | null }>`
      select st.site_id, st.name, hv.hub_id, hv.name as hub_name, d.number as district_number
      from places_site_versions st
      left join places_hub_versions hv on hv.hub_id = st.hub_id and ${validOn('hv', date)}
      left join places_districts d on d.id = hv.district_id
      where ${validOn('st', date)}`.execute(db),
    // A position located at a site brings its unit there too.
    sql<{ site_id: string; unit_id: string | null; unit_name: string | null; position_id: string | null; title: string | null }>`
      select l.site_id, coalesce(l.unit_id, pv.unit_id) as unit_id, uv.name as unit_name, l.position_id, pv.title
      from places_locations l
      left join org_position_versions pv on pv.position_id = l.position_id and ${validOn('pv', date)}
      left join org_unit_versions uv on uv.unit_id = coalesce(l.unit_id, pv.unit_id) and ${validOn('uv', date)}
      where ${validOn('l', date)}`.execute(db),
    sql<{ number: number; name: string; hub_id: string | null; hub_name: string | null }>`
      select d.number, dv.name, hv.hub_id, hv.name as hub_name
      from places_district_versions dv
      join places_districts d on d.id = dv.district_id
      left join places_hub_versions hv on hv.district_id = d.id and ${validOn('hv', date)}
      where ${validOn('dv', date)}
      order by d.number`.execute(db),
    sql<{ unit_id: string; name: string; district: number }>`
      select uv.unit_id, uv.name, unnest(uv.districts) as district
      from org_unit_versions uv
      where ${validOn('uv', date)} and cardinality(uv.districts) > 0`.execute(db),
  ]);

  const siteList = sortByNorwegian(sites.rows, (s) => s.name).map((site) => {
    const here = located.rows.filter((l) => l.site_id === site.site_id);
    const units = new Map<string, string>();
    for (const row of here) if (row.unit_id && row.position_id === null) units.set(row.unit_id, row.unit_name ?? '');
    return {
      site: { id: site.site_id, name: site.name },
      hub: site.hub_id ? { id: site.hub_id, name: site.hub_name ?? '', districtNumber: Number(site.district_number) } : null,
      units: sortByNorwegian(
        [...units].map(([id, name]) => ({ id, name })),
        (u) => u.name,
      ),
      positions: sortByNorwegian(
        here
          .filter((row) => row.position_id)
          .map((row) => ({ id: row.position_id!, title: row.title ?? '', unitName: row.unit_name ?? '' })),
        (p) => p.title,
      ),
    };
  });

  const hubSites = new Map<string, Set<string>>();
  for (const site of sites.rows) if (site.hub_id) hubSites.set(site.hub_id, (hubSites.get(site.hub_id) ?? new Set()).add(site.site_id));
  const districtList = districts.rows.map((district) => {
    const atHub = new Set(
      located.rows.filter((l) => district.hub_id && hubSites.get(district.hub_id)?.has(l.site_id)).map((l) => l.unit_id),
    );
    const missing = serving.rows.filter((u) => Number(u.district) === district.number && !atHub.has(u.unit_id));
    return {
      number: district.number,
      name: district.name,
      hub: district.hub_id ? { id: district.hub_id, name: district.hub_name ?? '' } : null,
      unitsNotAtHub: sortByNorwegian(
        missing.map((u) => ({ id: u.unit_id, name: u.name })),
        (u) => u.name,
      ),
    };
  });
  return { sites: siteList, districts: districtList };
}

// ---------------------------------------------------------------------------------------------
// What the proximity report reads

export interface ReportInput {
  districts: { id: string; number: number; name: string }[];
  hubs: { id: string; name: string; districtId: string; functions: string[]; pilotUnitId: string | null }[];
  services: { id: string; name: string; proximityClass: ProximityClass; universalRole: UniversalRole | null }[];
  coverage: { serviceId: string; districtId: string }[];
  pilotUnits: { id: string; name: string }[];
}

/** Everything the proximity rules look at on `date`, in five queries. */
export async function selectReportInput(db: PlacesDb, date: string): Promise<ReportInput> {
  const [districts, hubs, services, coverage, pilotUnits] = await Promise.all([
    db
      .selectFrom('places_district_versions as dv')
      .innerJoin('places_districts as d', 'd.id', 'dv.district_id')
      .select(['d.id', 'd.number', 'dv.name'])
      .where(validOn('dv', date))
      .orderBy('d.number')
      .execute(),
    db
      .selectFrom('places_hub_versions as hv')
      .select(['hv.hub_id as id', 'hv.name', 'hv.district_id as districtId', 'hv.functions', 'hv.pilot_unit_id as pilotUnitId'])
      .where(validOn('hv', date))
      .execute(),
    db
      .selectFrom('places_service_versions as sv')
      .select(['sv.service_id as id', 'sv.name', 'sv.proximity_class as proximityClass', 'sv.universal_role as universalRole'])
      .where(validOn('sv', date))
      .execute(),
    db
      .selectFrom('places_coverage as c')
      .select(['c.service_id as serviceId', 'c.district_id as districtId'])
      .where(validOn('c', date))
      .execute(),
    db
      .selectFrom('org_unit_versions as uv')
      .select(['uv.unit_id as id', 'uv.name'])
      .where('uv.kind', '=', 'hub')
      .where(validOn('uv', date))
      .execute(),
  ]);
  return {
    districts,
    hubs,
    services: services.map((s) => ({
      ...s,
      proximityClass: s.proximityClass as ProximityClass,
      universalRole: s.universalRole as UniversalRole | null,
    })),
    coverage,
    pilotUnits,
  };
}
