-- What Drammen, Nedre Eiker and Svelvik spent on administration before the merger, as users record
-- it from their own sources. The planning documents' goal (003) is a smaller share of all resources
-- on administration than the three had together; analytics compares today's share with these.
CREATE TABLE org_admin_baselines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  admin_fte numeric(12, 2) NOT NULL CHECK (admin_fte >= 0),
  total_fte numeric(12, 2) NOT NULL CHECK (total_fte > 0),
  source text,
  comment text,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (admin_fte <= total_fte)
);
-- One figure per municipality and year, whatever the capitals.
CREATE UNIQUE INDEX org_admin_baselines_name_year_idx ON org_admin_baselines (lower(name), year);
