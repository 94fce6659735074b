-- Places and services, effective-dated like the organisation (0001_organisation.sql): identity rows
-- with a revision for optimistic concurrency, dated versions with valid_from (first day) and
-- valid_to (first day it no longer holds; NULL: still holds). Every dated row carries its source.

-- Trigram similarity for search with typos. PostgreSQL ships it in contrib; PGlite needs the
-- extension passed when the engine is created (src/kernel/db/database.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Kommunedeler. The number is the identity (the documents name shared services by it).
CREATE TABLE places_districts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number smallint NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 99),
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE places_district_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  district_id uuid NOT NULL REFERENCES places_districts (id),
  valid_from date NOT NULL,
  valid_to date,
  -- Official names have changed over time, hence dated.
  name text NOT NULL CHECK (length(trim(name)) > 0),
  short_name text,
  population integer CHECK (population IS NULL OR population >= 0),
  population_year smallint CHECK (population_year IS NULL OR population_year BETWEEN 1800 AND 2200),
  population_source text,
  local_committee_name text,
  local_coordinator_position_id uuid REFERENCES org_positions (id),
  source text,
  note text,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX places_district_versions_district_idx ON places_district_versions (district_id, valid_from);

-- Local hubs (lokale knutepunkter): one per district at a time, checked by the commands since it depends on dates.
CREATE TABLE places_hubs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE places_hub_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hub_id uuid NOT NULL REFERENCES places_hubs (id),
  valid_from date NOT NULL,
  valid_to date,
  district_id uuid NOT NULL REFERENCES places_districts (id),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  -- Meeting-place functions: meeting_place (møteplass), service_desk (servicetorg/kundesenter/innbyggertorg).
  functions text[] NOT NULL DEFAULT '{}' CHECK (functions <@ ARRAY['meeting_place', 'service_desk']::text[]),
  -- The pilot hub is organised as its own level-3 unit.
  pilot_unit_id uuid REFERENCES org_units (id),
  success_criteria text,
  evaluation_notes text,
  source text,
  note text,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX places_hub_versions_hub_idx ON places_hub_versions (hub_id, valid_from);
CREATE INDEX places_hub_versions_district_idx ON places_hub_versions (district_id);

-- Buildings. A site may belong to a hub's cluster.
CREATE TABLE places_sites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE places_site_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES places_sites (id),
  valid_from date NOT NULL,
  valid_to date,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  -- NULL: not given in the sources, shown as unknown.
  address text,
  latitude numeric(9, 6) CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude numeric(9, 6) CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  owner text,
  accessibility_notes text,
  opening_hours_text text,
  -- [{ "weekday": 1-7, "opens": "HH:MM", "closes": "HH:MM" }]
  opening_hours jsonb,
  hub_id uuid REFERENCES places_hubs (id),
  source text,
  note text,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX places_site_versions_site_idx ON places_site_versions (site_id, valid_from);
CREATE INDEX places_site_versions_hub_idx ON places_site_versions (hub_id);

-- Lokalisering: a unit or a position works at a site for a period. Co-location is derived from it.
CREATE TABLE places_locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id uuid NOT NULL REFERENCES places_sites (id),
  unit_id uuid REFERENCES org_units (id),
  position_id uuid REFERENCES org_positions (id),
  valid_from date NOT NULL,
  valid_to date,
  source text,
  note text,
  revision integer NOT NULL DEFAULT 1,
  CHECK ((unit_id IS NULL) <> (position_id IS NULL)),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX places_locations_site_idx ON places_locations (site_id, valid_from);
CREATE INDEX places_locations_unit_idx ON places_locations (unit_id);

-- The service catalogue.
CREATE TABLE places_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE places_service_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES places_services (id),
  valid_from date NOT NULL,
  valid_to date,
  -- The base name; "… for kommunedel 1 og 2" is generated from coverage, never stored.
  name text NOT NULL CHECK (length(trim(name)) > 0),
  description text,
  target_groups text[] NOT NULL DEFAULT '{}',
  delivering_unit_id uuid NOT NULL REFERENCES org_units (id),
  legal_basis text,
  proximity_class text NOT NULL CHECK (proximity_class IN ('every_district', 'shared_districts', 'central', 'where_citizen_is', 'digital')),
  channels text[] NOT NULL DEFAULT '{}' CHECK (channels <@ ARRAY['in_person', 'phone', 'digital', 'home_visit', 'outreach']::text[]),
  contact text,
  -- "One door in": where a citizen can get to the service.
  entry_points text[] NOT NULL DEFAULT '{}' CHECK (entry_points <@ ARRAY['apent_hus', 'service_desk', 'hub']::text[]),
  -- Which of the universal hub offers this service is, if any (the proximity report checks them per hub).
  universal_role text CHECK (universal_role IN ('meeting_place', 'library', 'service_desk', 'apent_hus')),
  source text,
  note text,
  -- Full-text search with the Norwegian configuration (finds "barnehage" from "barnehagene").
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('norwegian', name), 'A') || setweight(to_tsvector('norwegian', coalesce(description, '')), 'B')
  ) STORED,
  -- What trigram similarity compares the query with (tolerates typos).
  search_text text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(description, ''))) STORED,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX places_service_versions_service_idx ON places_service_versions (service_id, valid_from);
CREATE INDEX places_service_versions_unit_idx ON places_service_versions (delivering_unit_id);
CREATE INDEX places_service_versions_search_idx ON places_service_versions USING gin (search_vector);
CREATE INDEX places_service_versions_trigram_idx ON places_service_versions USING gin (search_text gin_trgm_ops);

-- Coverage: for a service and a district, where (site; NULL: not given) and how, for a period.
CREATE TABLE places_coverage (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES places_services (id),
  district_id uuid NOT NULL REFERENCES places_districts (id),
  site_id uuid REFERENCES places_sites (id),
  -- always; weekly (fixed weekly times); rotating (between hubs on a schedule); extended_period
  -- (a period of extended offer, the row's own dates). NULL: not given in the sources.
  mode text CHECK (mode IN ('always', 'weekly', 'rotating', 'extended_period')),
  -- [{ "weekday": 1-7, "from": "HH:MM", "to": "HH:MM" }] for weekly and rotating.
  weekly_times jsonb,
  schedule_note text,
  valid_from date NOT NULL,
  valid_to date,
  source text,
  note text,
  revision integer NOT NULL DEFAULT 1,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (mode <> 'extended_period' OR valid_to IS NOT NULL)
);
CREATE INDEX places_coverage_service_idx ON places_coverage (service_id, valid_from);
CREATE INDEX places_coverage_district_idx ON places_coverage (district_id);
CREATE INDEX places_coverage_site_idx ON places_coverage (site_id);
