-- Steering and follow-up (styring og oppfølging): goals and shared indicators, political decisions,
-- budget programme areas and the monthly, tertial and annual reports. Seed 002 s. 13, 18, 65–66;
-- seed 003; seed 004 (programme area 07's tertial report). Amounts are whole kroner (numeric).
--
-- Periods are text, one form per frequency: '2024' (year), '2024-T1'..'2024-T3' (tertial),
-- '2024-01'..'2024-12' (month). The code checks the form; the database checks the shape.

-- Budget programme areas (programområder): the 2020 set P01–P18, editable.
CREATE TABLE st_programme_areas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{0,15}$'),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  -- The political committee the area reports to, e.g. «Oppvekst og utdanning».
  committee text,
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  source text,
  synthetic boolean NOT NULL DEFAULT false,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Which units' budgets belong to an area (organisation model).
CREATE TABLE st_area_units (
  area_id uuid NOT NULL REFERENCES st_programme_areas (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (area_id, unit_id)
);
CREATE INDEX st_area_units_unit_idx ON st_area_units (unit_id);

-- The goal hierarchy with a red thread: community plan → area → unit goals.
CREATE TABLE st_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text UNIQUE,
  parent_id uuid REFERENCES st_goals (id),
  level text NOT NULL CHECK (level IN ('community', 'area', 'unit')),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  description text,
  -- Strategies and measures, as short texts.
  strategies text[] NOT NULL DEFAULT '{}',
  area_id uuid REFERENCES st_programme_areas (id),
  sort_order integer NOT NULL DEFAULT 0,
  source text,
  synthetic boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX st_goals_parent_idx ON st_goals (parent_id);

-- One or more owning units per goal.
CREATE TABLE st_goal_owners (
  goal_id uuid NOT NULL REFERENCES st_goals (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (goal_id, unit_id)
);

-- Indicators. Status against the target: for 'higher' is better, green when value >= green_at,
-- red when value < red_at, yellow between (green_at >= red_at); for 'lower' mirrored
-- (green when value <= green_at, red when value > red_at, green_at <= red_at). Thresholds are in
-- the indicator's own unit of measure; a period's target (st_indicator_targets) is shown beside.
CREATE TABLE st_indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  definition text,
  unit_of_measure text NOT NULL DEFAULT '',
  direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
  frequency text NOT NULL CHECK (frequency IN ('month', 'tertial', 'year')),
  data_source text NOT NULL CHECK (data_source IN ('manual', 'import', 'kostra', 'leader_support')),
  -- For KOSTRA/SSB imports: the SSB table and the content code (ContentsCode) the values come from.
  ssb_table text,
  ssb_contents_code text,
  green_at numeric,
  red_at numeric,
  area_id uuid REFERENCES st_programme_areas (id),
  -- A success criterion for a local hub (places module), when it is one.
  hub_id uuid REFERENCES places_hubs (id),
  source text,
  synthetic boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((green_at IS NULL) = (red_at IS NULL)),
  CHECK (green_at IS NULL OR (direction = 'higher' AND green_at >= red_at) OR (direction = 'lower' AND green_at <= red_at))
);
CREATE INDEX st_indicators_area_idx ON st_indicators (area_id);

-- Shared ownership: several units own one indicator, and each may comment.
CREATE TABLE st_indicator_owners (
  indicator_id uuid NOT NULL REFERENCES st_indicators (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (indicator_id, unit_id)
);
CREATE INDEX st_indicator_owners_unit_idx ON st_indicator_owners (unit_id);

CREATE TABLE st_indicator_goals (
  indicator_id uuid NOT NULL REFERENCES st_indicators (id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES st_goals (id) ON DELETE CASCADE,
  PRIMARY KEY (indicator_id, goal_id)
);

CREATE TABLE st_indicator_targets (
  indicator_id uuid NOT NULL REFERENCES st_indicators (id) ON DELETE CASCADE,
  period text NOT NULL CHECK (period ~ '^\d{4}(-T[1-3]|-(0[1-9]|1[0-2]))?$'),
  target numeric NOT NULL,
  PRIMARY KEY (indicator_id, period)
);

-- Values per period, for the whole municipality (all NULL), a unit, a district (kommunedel 1–10),
-- or another municipality / KOSTRA group for comparison (region: SSB's code, e.g. '3005', 'EKG13').
CREATE TABLE st_indicator_values (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id uuid NOT NULL REFERENCES st_indicators (id) ON DELETE CASCADE,
  period text NOT NULL CHECK (period ~ '^\d{4}(-T[1-3]|-(0[1-9]|1[0-2]))?$'),
  unit_id uuid REFERENCES org_units (id),
  district smallint CHECK (district BETWEEN 1 AND 10),
  region text,
  value numeric NOT NULL,
  origin text NOT NULL CHECK (origin IN ('manual', 'csv', 'jsonstat', 'leader_support', 'synthetic')),
  import_id uuid,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(unit_id, district, region) <= 1)
);
CREATE UNIQUE INDEX st_indicator_values_key ON st_indicator_values (
  indicator_id, period, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(district, 0), coalesce(region, '')
);
CREATE INDEX st_indicator_values_unit_idx ON st_indicator_values (unit_id, indicator_id);

-- Comments and measures when an indicator is off target, by one of its owning units.
CREATE TABLE st_indicator_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES st_indicators (id) ON DELETE CASCADE,
  unit_id uuid REFERENCES org_units (id),
  period text CHECK (period ~ '^\d{4}(-T[1-3]|-(0[1-9]|1[0-2]))?$'),
  body text NOT NULL CHECK (length(trim(body)) > 0),
  measure text,
  author_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX st_indicator_comments_indicator_idx ON st_indicator_comments (indicator_id, created_at);

-- Imports (CSV, JSON-stat 2, accounting actuals): progress for the page, the result or the problems.
CREATE TABLE st_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('indicator_csv', 'jsonstat', 'actuals_csv')),
  file_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  bytes_total bigint NOT NULL DEFAULT 0,
  bytes_done bigint NOT NULL DEFAULT 0,
  rows_written integer NOT NULL DEFAULT 0,
  problems jsonb NOT NULL DEFAULT '[]',
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- Political decisions followed to the end. The archive (Noark 5) stays the record: we keep its references.
CREATE TABLE st_political_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  body text NOT NULL CHECK (body IN ('city_council', 'executive_committee', 'committee', 'joint_committee')),
  committee_name text,
  meeting_date date NOT NULL,
  -- As in the archive: «53/17».
  case_number text NOT NULL CHECK (case_number ~ '^\d{1,4}/\d{2,4}$'),
  archive_reference text,
  title text NOT NULL CHECK (length(trim(title)) > 0),
  decision_text text NOT NULL DEFAULT '',
  responsible_unit_id uuid NOT NULL REFERENCES org_units (id),
  responsible_person_id uuid REFERENCES org_people (id),
  deadline date,
  status text NOT NULL DEFAULT 'not_started'
    CHECK (status IN ('not_started', 'in_progress', 'completed', 'delayed', 'cannot_be_done')),
  completed_on date,
  source text,
  synthetic boolean NOT NULL DEFAULT false,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (body, committee_name, case_number, meeting_date)
);
CREATE INDEX st_political_decisions_unit_idx ON st_political_decisions (responsible_unit_id);

CREATE TABLE st_decision_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL REFERENCES st_political_decisions (id) ON DELETE CASCADE,
  body text NOT NULL CHECK (length(trim(body)) > 0),
  status_from text,
  status_to text,
  author_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Budget per area and year: the annual budget (kind 'budget', the year itself) and the four-year
-- financial plan (kind 'plan', for the following years as decided in budget year plan_year).
CREATE TABLE st_budgets (
  area_id uuid NOT NULL REFERENCES st_programme_areas (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind text NOT NULL CHECK (kind IN ('budget', 'plan')),
  plan_year integer NOT NULL CHECK (plan_year BETWEEN 2000 AND 2100),
  amount numeric NOT NULL,
  source text,
  synthetic boolean NOT NULL DEFAULT false,
  PRIMARY KEY (area_id, year, kind, plan_year)
);

-- Actuals per month (imported from the accounting system as CSV).
CREATE TABLE st_actuals (
  area_id uuid NOT NULL REFERENCES st_programme_areas (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  amount numeric NOT NULL,
  import_id uuid REFERENCES st_imports (id),
  synthetic boolean NOT NULL DEFAULT false,
  PRIMARY KEY (area_id, year, month)
);

-- Forecast to year end, as of a month, with the area's status text.
CREATE TABLE st_forecasts (
  area_id uuid NOT NULL REFERENCES st_programme_areas (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  as_of_month smallint NOT NULL CHECK (as_of_month BETWEEN 1 AND 12),
  amount numeric NOT NULL,
  comment text,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  source text,
  synthetic boolean NOT NULL DEFAULT false,
  PRIMARY KEY (area_id, year, as_of_month)
);

-- Proposed adjustments (tiltak) with reasons, amounts and the decisions they follow (seed 004).
CREATE TABLE st_adjustments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id uuid NOT NULL REFERENCES st_programme_areas (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title text NOT NULL CHECK (length(trim(title)) > 0),
  reason text NOT NULL DEFAULT '',
  amount numeric NOT NULL,
  decision_id uuid REFERENCES st_political_decisions (id),
  -- When the decision is not in the register: the case reference as text («sak 53/17, 30.5.17»).
  decision_reference text,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'adopted', 'rejected')),
  source text,
  synthetic boolean NOT NULL DEFAULT false,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX st_adjustments_area_idx ON st_adjustments (area_id, year);

-- Reports assembled from the data. Units fill in their parts (sections), the analysis staff
-- review, and publishing locks the report and freezes its content (snapshot).
CREATE TABLE st_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('month', 'tertial', 'year')),
  period text NOT NULL CHECK (period ~ '^\d{4}(-T[1-3]|-(0[1-9]|1[0-2]))?$'),
  as_of date NOT NULL,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'published')),
  snapshot jsonb,
  published_at timestamptz,
  published_by uuid REFERENCES users (id),
  created_by uuid REFERENCES users (id),
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, period)
);

CREATE TABLE st_report_sections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES st_reports (id) ON DELETE CASCADE,
  area_id uuid NOT NULL REFERENCES st_programme_areas (id),
  status_text text NOT NULL DEFAULT '',
  assessment text NOT NULL DEFAULT '',
  conclusion text NOT NULL DEFAULT '',
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'submitted', 'approved', 'returned')),
  review_comment text,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  revision integer NOT NULL DEFAULT 1,
  UNIQUE (report_id, area_id)
);
