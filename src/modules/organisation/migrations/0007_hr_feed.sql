-- The HR feed (server/hr-feed/): each file the HR system drops in HR_FEED_DIR or pushes to the API
-- is one run, compared with the organisation as a delta and applied all or nothing. A run is kept
-- with what it changed and, when it was refused, every problem by row: the status page and the
-- alert for organisation editors read this table.
CREATE TABLE org_hr_feed_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  -- How the file came: dropped in the folder, or pushed to the API with the token.
  source text NOT NULL CHECK (source IN ('folder', 'api')),
  file_name text NOT NULL,
  -- 'visma-csv' or 'organisation-json'; null when the file could not be read at all.
  format text,
  -- Who pressed «Les inn nå» on the status page; null for the timer and the API.
  started_by uuid REFERENCES users (id) ON DELETE SET NULL,
  dry_run boolean NOT NULL DEFAULT false,
  -- Null while running. 'checked': a dry run that found nothing wrong (nothing applied).
  outcome text CHECK (outcome IN ('applied', 'checked', 'refused', 'failed')),
  -- The date the feed was compared on (Oslo).
  feed_date date NOT NULL,
  -- Counts of what changed (or would have): people new, renamed, gone; assignments new, changed, ended.
  counts jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(counts) = 'object'),
  -- What changed, as the import's dry run lists it (capped).
  changes jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(changes) = 'array'),
  -- Problems by row (file, row, column, message in bokmål and English).
  problems jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(problems) = 'array'),
  -- One line for the page and the alert, in both languages.
  summary jsonb CHECK (summary IS NULL OR jsonb_typeof(summary) = 'object')
);
CREATE INDEX org_hr_feed_runs_started_idx ON org_hr_feed_runs (started_at DESC);
