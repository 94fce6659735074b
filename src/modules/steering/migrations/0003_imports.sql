-- Imports part: the regions (municipalities, KOSTRA groups, counties) learned from imported SSB
-- files, with the label SSB gives each; and what an import did (indicator, summary) for its page.
CREATE TABLE st_regions (
  code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_.-]{1,40}$'),
  label text NOT NULL CHECK (length(trim(label)) > 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE st_imports ADD COLUMN indicator_id uuid REFERENCES st_indicators (id) ON DELETE SET NULL;
-- What was written: { regions: [...], periods: [...], nullValues, ... } (set when done).
ALTER TABLE st_imports ADD COLUMN summary jsonb;
CREATE INDEX st_imports_created_idx ON st_imports (created_at);

-- The comparison view reads one indicator's values per region over periods.
CREATE INDEX st_indicator_values_region_idx ON st_indicator_values (indicator_id, region, period);
