-- The indicators part: the dashboard reads each indicator's municipality values (no unit, district
-- or region) up to a period; this partial index serves that read without touching unit rows.
CREATE INDEX st_indicator_values_municipality_idx ON st_indicator_values (indicator_id, period)
  WHERE unit_id IS NULL AND district IS NULL AND region IS NULL;
CREATE INDEX st_indicator_targets_period_idx ON st_indicator_targets (period);
CREATE INDEX st_indicator_goals_goal_idx ON st_indicator_goals (goal_id);
CREATE INDEX st_goal_owners_unit_idx ON st_goal_owners (unit_id);
