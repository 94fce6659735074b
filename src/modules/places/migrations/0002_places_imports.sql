-- Imports of places from a file (CSV, XLSX, JSON). An upload is only ever a dry run: what was read
-- and what the dry run found are kept here, and an editor applies that dry run by its id. The apply
-- is refused when places changed since (the fingerprint of every district, hub, site, service and
-- coverage row with its revision) or when the rows would now do something else than the dry run showed.
CREATE TABLE places_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  file_name text NOT NULL,
  -- SHA-256 of the uploaded bytes, hex.
  file_hash text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'json')),
  -- The entity a CSV file holds; null for XLSX and JSON.
  entity text CHECK (entity IN ('districts', 'hubs', 'sites', 'services', 'coverage')),
  -- The import date.
  valid_from date NOT NULL,
  -- The file as read: rows per entity, the columns each row gives, the problems found reading it.
  content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  -- The dry run's report (counts, changes old → new, problems); once applied, what was done.
  report jsonb NOT NULL CHECK (jsonb_typeof(report) = 'object'),
  base_fingerprint text NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'applied')),
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz,
  applied_by uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX places_imports_created_idx ON places_imports (created_at DESC);
