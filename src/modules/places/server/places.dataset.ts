import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpeningHours, ProximityClass } from '../places.schemas.js';
import type { PlacesDb } from './places.tables.js';

const datasetFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dataset', 'nye-drammen-2020.json');

interface Dataset {
  asOf: string;
  notes: string[];
  districts: {
    number: number;
    names: { from: string; to: string | null; name: string; source: string; note: string | null }[];
    population: number | null;
    populationYear: number | null;
    populationSource: string | null;
    localCoordinatorPositionKey: string | null;
    source: string;
  }[];
  hubs: {
    key: string;
    districtNumber: number;
    name: string;
    functions: string[];
    pilotUnitKey: string | null;
    successCriteria: string | null;
    source: string;
    note: string | null;
  }[];
  sites: {
    key: string;
    name: string;
    address: string | null;
    openingHoursText: string | null;
    openingHours: OpeningHours[] | null;
    hubKey: string | null;
    source: string;
    note: string | null;
  }[];
  locations: { siteKey: string; unitKey: string; source: string; note: string | null }[];
  services: {
    key: string;
    name: string;
    description: string | null;
    targetGroups: string[];
    unitKey: string;
    proximityClass: ProximityClass;
    channels: string[];
    entryPoints: string[];
    universalRole: string | null;
    source: string;
    note: string | null;
  }[];
  coverage: {
    serviceKey: string;
    districtNumber: number;
    siteKey: string | null;
    mode: string | null;
    from: string;
    source: string;
    note: string | null;
  }[];
}

/** Reads the dataset file (also used by its test). */
export function readPlacesDataset(): Dataset {
  return JSON.parse(fs.readFileSync(datasetFile, 'utf8')) as Dataset;
}

/**
 * Loads the ten districts of Nye Drammen, their hubs and sites, and the services the planning
 * documents name, from dataset/nye-drammen-2020.json. Units and positions are found by their
 * key in the organisation's dataset, which loads first.
 */
export async function loadPlacesDataset(trx: PlacesDb): Promise<void> {
  const data = readPlacesDataset();
  const from = data.asOf;
  const unitKeys = [
    ...new Set([
      ...data.services.map((s) => s.unitKey),
      ...data.locations.map((l) => l.unitKey),
      ...data.hubs.flatMap((h) => (h.pilotUnitKey ? [h.pilotUnitKey] : [])),
    ]),
  ];
  const positionKeys = data.districts.flatMap((d) => (d.localCoordinatorPositionKey ? [d.localCoordinatorPositionKey] : []));
  const unitIds = await idsByKey(trx, 'org_units', unitKeys);
  const positionIds = await idsByKey(trx, 'org_positions', positionKeys);

  const districts = await trx
    .insertInto('places_districts')
    .values(data.districts.map((d) => ({ number: d.number })))
    .returning(['id', 'number'])
    .execute();
  const districtIds = new Map(districts.map((d) => [d.number, d.id]));
  await trx
    .insertInto('places_district_versions')
    .values(
      data.districts.flatMap((d) =>
        d.names.map((name) => ({
          district_id: districtIds.get(d.number)!,
          valid_from: name.from,
          valid_to: name.to,
          name: name.name,
          short_name: null,
          population: d.population,
          population_year: d.populationYear,
          population_source: d.populationSource,
          local_committee_name: null,
          local_coordinator_position_id: d.localCoordinatorPositionKey ? positionIds.get(d.localCoordinatorPositionKey)! : null,
          source: `${name.source}${name.source === d.source ? '' : `; ${d.source}`}`,
          note: name.note,
        })),
      ),
    )
    .execute();

  const hubIds = await insertKeys(
    trx,
    'places_hubs',
    data.hubs.map((h) => h.key),
  );
  await trx
    .insertInto('places_hub_versions')
    .values(
      data.hubs.map((h) => ({
        hub_id: hubIds.get(h.key)!,
        valid_from: from,
        valid_to: null,
        district_id: districtIds.get(h.districtNumber)!,
        name: h.name,
        functions: h.functions,
        pilot_unit_id: h.pilotUnitKey ? unitIds.get(h.pilotUnitKey)! : null,
        success_criteria: h.successCriteria,
        evaluation_notes: null,
        source: h.source,
        note: h.note,
      })),
    )
    .execute();

  const siteIds = await insertKeys(
    trx,
    'places_sites',
    data.sites.map((s) => s.key),
  );
  await trx
    .insertInto('places_site_versions')
    .values(
      data.sites.map((s) => ({
        site_id: siteIds.get(s.key)!,
        valid_from: from,
        valid_to: null,
        name: s.name,
        address: s.address,
        latitude: null,
        longitude: null,
        owner: null,
        accessibility_notes: null,
        opening_hours_text: s.openingHoursText,
        opening_hours: s.openingHours ? JSON.stringify(s.openingHours) : null,
        hub_id: s.hubKey ? hubIds.get(s.hubKey)! : null,
        source: s.source,
        note: s.note,
      })),
    )
    .execute();

  await trx
    .insertInto('places_locations')
    .values(
      data.locations.map((l) => ({
        site_id: siteIds.get(l.siteKey)!,
        unit_id: unitIds.get(l.unitKey)!,
        position_id: null,
        valid_from: from,
        valid_to: null,
        source: l.source,
        note: l.note,
      })),
    )
    .execute();

  const serviceIds = await insertKeys(
    trx,
    'places_services',
    data.services.map((s) => s.key),
  );
  await trx
    .insertInto('places_service_versions')
    .values(
      data.services.map((s) => ({
        service_id: serviceIds.get(s.key)!,
        valid_from: from,
        valid_to: null,
        name: s.name,
        description: s.description,
        target_groups: s.targetGroups,
        delivering_unit_id: unitIds.get(s.unitKey)!,
        legal_basis: null,
        proximity_class: s.proximityClass,
        channels: s.channels,
        contact: null,
        entry_points: s.entryPoints,
        universal_role: s.universalRole,
        source: s.source,
        note: s.note,
      })),
    )
    .execute();

  await trx
    .insertInto('places_coverage')
    .values(
      data.coverage.map((c) => ({
        service_id: serviceIds.get(c.serviceKey)!,
        district_id: districtIds.get(c.districtNumber)!,
        site_id: c.siteKey ? siteIds.get(c.siteKey)! : null,
        mode: c.mode,
        weekly_times: null,
        schedule_note: null,
        valid_from: c.from,
        valid_to: null,
        source: c.source,
        note: c.note,
      })),
    )
    .execute();
}

async function insertKeys(
  trx: PlacesDb,
  table: 'places_hubs' | 'places_sites' | 'places_services',
  keys: string[],
): Promise<Map<string, string>> {
  const rows = await trx
    .insertInto(table)
    .values(keys.map((key) => ({ key })))
    .returning(['id', 'key'])
    .execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** Ids of organisation rows by key; a key the organisation lacks stops the load with its name. */
async function idsByKey(trx: PlacesDb, table: 'org_units' | 'org_positions', keys: string[]): Promise<Map<string, string>> {
  const rows = keys.length === 0 ? [] : await trx.selectFrom(table).select(['id', 'key']).where('key', 'in', keys).execute();
  const ids = new Map(rows.map((r) => [r.key, r.id]));
  const missing = keys.filter((key) => !ids.has(key));
  if (missing.length > 0)
    throw new Error(`The places dataset refers to ${table} keys the organisation does not have: ${missing.join(', ')}.`);
  return ids;
}
