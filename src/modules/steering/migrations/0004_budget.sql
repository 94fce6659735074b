-- The economic status of a programme area at a tertial, as a report states it (seed 004:
-- «Økonomisk status» with Fakta, Vurdering, Konklusjon). Needed where the source gives the
-- deviation but not the budget or the forecast it comes from (seed 004: «per 1. tertial et
-- merforbruk på 1 millioner kroner»), so the deviation cannot be computed. Deviation sign as
-- everywhere: an overspend is positive.
CREATE TABLE st_budget_assessments (
  area_id uuid NOT NULL REFERENCES st_programme_areas (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  as_of_month smallint NOT NULL CHECK (as_of_month BETWEEN 1 AND 12),
  stated_deviation numeric,
  status_text text NOT NULL DEFAULT '',
  assessment text NOT NULL DEFAULT '',
  conclusion text NOT NULL DEFAULT '',
  -- The strengthening (positive) or reduction the conclusion proposes, in kroner.
  proposed_change numeric,
  source text,
  synthetic boolean NOT NULL DEFAULT false,
  PRIMARY KEY (area_id, year, as_of_month)
);
