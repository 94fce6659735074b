import type { ColumnType, Generated, Kysely } from 'kysely';
import type { KernelTables } from '../../../kernel/index.js';
import type { OrganisationTables } from '../../organisation/index.js';

type DateColumn = ColumnType<string, string, string>;
type Numeric = ColumnType<string | null, number | string | null, number | string | null>;
// jsonb goes in as JSON text (always JSON.stringify) and comes out parsed.
type Json = ColumnType<unknown, string | null, string | null>;
type Identity = { id: Generated<string>; key: string; revision: Generated<number>; created_at: Generated<Date> };

/** Kysely types of the places tables (migrations/0001_places.sql). */
export interface PlacesTables {
  places_districts: { id: Generated<string>; number: number; revision: Generated<number>; created_at: Generated<Date> };
  places_district_versions: {
    id: Generated<string>;
    district_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    name: string;
    short_name: string | null;
    population: number | null;
    population_year: number | null;
    population_source: string | null;
    local_committee_name: string | null;
    local_coordinator_position_id: string | null;
    source: string | null;
    note: string | null;
  };
  places_hubs: Identity;
  places_hub_versions: {
    id: Generated<string>;
    hub_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    district_id: string;
    name: string;
    functions: Generated<string[]>;
    pilot_unit_id: string | null;
    success_criteria: string | null;
    evaluation_notes: string | null;
    source: string | null;
    note: string | null;
  };
  places_sites: Identity;
  places_site_versions: {
    id: Generated<string>;
    site_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    name: string;
    address: string | null;
    latitude: Numeric;
    longitude: Numeric;
    owner: string | null;
    accessibility_notes: string | null;
    opening_hours_text: string | null;
    opening_hours: Json;
    hub_id: string | null;
    source: string | null;
    note: string | null;
  };
  places_locations: {
    id: Generated<string>;
    site_id: string;
    unit_id: string | null;
    position_id: string | null;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    source: string | null;
    note: string | null;
    revision: Generated<number>;
  };
  places_services: Identity;
  places_service_versions: {
    id: Generated<string>;
    service_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    name: string;
    description: string | null;
    target_groups: Generated<string[]>;
    delivering_unit_id: string;
    legal_basis: string | null;
    proximity_class: string;
    channels: Generated<string[]>;
    contact: string | null;
    entry_points: Generated<string[]>;
    universal_role: string | null;
    source: string | null;
    note: string | null;
    search_vector: ColumnType<string, never, never>;
    search_text: ColumnType<string, never, never>;
  };
  places_coverage: {
    id: Generated<string>;
    service_id: string;
    district_id: string;
    site_id: string | null;
    mode: string | null;
    weekly_times: Json;
    schedule_note: string | null;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    source: string | null;
    note: string | null;
    revision: Generated<number>;
  };
}

export type PlacesDb = Kysely<KernelTables & OrganisationTables & PlacesTables>;
