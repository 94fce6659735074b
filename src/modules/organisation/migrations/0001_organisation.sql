-- The organisation model, effective-dated. Each entity has an identity row (stable id, external
-- key, a revision counter for optimistic concurrency) and dated versions: valid_from is the first
-- day, valid_to the first day it no longer holds (NULL: still holds). "As of D" means
-- valid_from <= D AND (valid_to IS NULL OR valid_to > D).

CREATE TABLE org_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org_unit_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id uuid NOT NULL REFERENCES org_units (id),
  valid_from date NOT NULL,
  valid_to date,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  kind text NOT NULL CHECK (kind IN ('leadership_team', 'director_area', 'service_area', 'staff_area', 'unit', 'department', 'staff_function', 'hub')),
  -- Declared, not derived from depth: the pilot hub is level 3 directly under a director.
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  parent_id uuid REFERENCES org_units (id),
  classification text NOT NULL CHECK (classification IN ('service', 'staff_support', 'administration')),
  name_known boolean NOT NULL DEFAULT true,
  hr_unit_id text,
  ansvar_number text,
  organisation_number text,
  kostra_function text,
  districts smallint[] NOT NULL DEFAULT '{}',
  source text,
  note text,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (parent_id IS NULL OR parent_id <> unit_id)
);
CREATE INDEX org_unit_versions_unit_idx ON org_unit_versions (unit_id, valid_from);
CREATE INDEX org_unit_versions_parent_idx ON org_unit_versions (parent_id);

CREATE TABLE org_positions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org_position_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  position_id uuid NOT NULL REFERENCES org_positions (id),
  valid_from date NOT NULL,
  valid_to date,
  title text NOT NULL CHECK (length(trim(title)) > 0),
  unit_id uuid NOT NULL REFERENCES org_units (id),
  role_type text NOT NULL CHECK (role_type IN ('chief_executive', 'director', 'service_area_head', 'staff_area_head', 'unit_leader', 'department_leader', 'professional_lead', 'digital_agent', 'case_handler', 'coordinator', 'adviser', 'employee')),
  personnel_responsibility boolean NOT NULL DEFAULT false,
  professionally_independent boolean NOT NULL DEFAULT false,
  fte numeric(6, 2) CHECK (fte IS NULL OR (fte > 0 AND fte <= 1000)),
  source text,
  note text,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX org_position_versions_position_idx ON org_position_versions (position_id, valid_from);
CREATE INDEX org_position_versions_unit_idx ON org_position_versions (unit_id);

CREATE TABLE org_people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  -- Fictitious people from the demo generator are marked, never mixed up with real ones.
  synthetic boolean NOT NULL DEFAULT false,
  source text,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES org_people (id),
  position_id uuid NOT NULL REFERENCES org_positions (id),
  fte numeric(5, 2) NOT NULL DEFAULT 1 CHECK (fte > 0 AND fte <= 1),
  valid_from date NOT NULL,
  valid_to date,
  source text,
  revision integer NOT NULL DEFAULT 1,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX org_assignments_position_idx ON org_assignments (position_id, valid_from);
CREATE INDEX org_assignments_person_idx ON org_assignments (person_id, valid_from);

-- from_position reports to to_position. Personnel: exactly one per position except the chief
-- executive (checked by the rules, since it depends on the date); professional and coordination: any.
CREATE TABLE org_reporting_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  line_type text NOT NULL CHECK (line_type IN ('personnel', 'professional', 'coordination')),
  from_position_id uuid NOT NULL REFERENCES org_positions (id),
  to_position_id uuid NOT NULL REFERENCES org_positions (id),
  valid_from date NOT NULL,
  valid_to date,
  source text,
  note text,
  revision integer NOT NULL DEFAULT 1,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (from_position_id <> to_position_id)
);
CREATE INDEX org_reporting_lines_from_idx ON org_reporting_lines (from_position_id, valid_from);
CREATE INDEX org_reporting_lines_to_idx ON org_reporting_lines (to_position_id, valid_from);

-- A unit whose declared level does not follow from its chain of leaders, on purpose.
CREATE TABLE org_level_exceptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES org_units (id),
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  source text,
  valid_from date NOT NULL,
  valid_to date,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX org_level_exceptions_unit_idx ON org_level_exceptions (unit_id);

-- Rule thresholds are data that administrators edit: span of control per leader type.
CREATE TABLE org_rule_settings (
  role_type text PRIMARY KEY,
  max_span integer NOT NULL CHECK (max_span > 0),
  revision integer NOT NULL DEFAULT 1
);

-- A signed-in user is a person in the organisation, so permissions can follow positions.
CREATE TABLE org_user_people (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  person_id uuid NOT NULL UNIQUE REFERENCES org_people (id)
);
