-- Imports of the organisation from a file (CSV, XLSX, JSON). An upload is read and compared with
-- the organisation straight away (the dry run); what was read and the plan are kept here until an
-- editor applies it. Applying checks that the organisation is still as the dry run found it: the
-- change counter (0004) has the value it had then.
CREATE TABLE org_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'json')),
  -- The entity a CSV file holds; null for XLSX and JSON, which hold several.
  entity text CHECK (entity IN ('units', 'positions', 'people', 'assignments', 'lines')),
  -- The import date: units and positions in the file describe them from this day.
  valid_from date NOT NULL,
  -- The file as read: rows per entity with their row numbers, and the problems found reading it.
  content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  -- The dry run: counts, changes and problems.
  plan jsonb NOT NULL CHECK (jsonb_typeof(plan) = 'object'),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'applied')),
  -- org_change_counter.revision when the dry run ran.
  base_revision bigint NOT NULL,
  revision integer NOT NULL DEFAULT 1,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz,
  applied_by uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX org_imports_created_idx ON org_imports (created_at DESC);
