-- The indicators part: the dashboard and the status views read each indicator's municipality values
-- (no unit, district or region), newest first, up to a period's end month, and want only the last few.
-- This partial index is in that order, so each indicator's read is a short walk that stops after N
-- rows, whatever the volume of unit values. The end-month expression is the one in
-- server/indicators/indicators.queries.ts (periodEndMonth): the planner uses the index only while they match.
CREATE INDEX st_indicator_values_municipality_idx ON st_indicator_values (
  indicator_id,
  (CASE
    WHEN length(period) = 4 THEN period || '-12'
    WHEN substr(period, 6, 1) = 'T' THEN substr(period, 1, 4) || '-' || (CASE substr(period, 7, 1) WHEN '1' THEN '04' WHEN '2' THEN '08' ELSE '12' END)
    ELSE period
  END) DESC,
  length(period)
) WHERE unit_id IS NULL AND district IS NULL AND region IS NULL;
CREATE INDEX st_indicator_targets_period_idx ON st_indicator_targets (period);
CREATE INDEX st_indicator_goals_goal_idx ON st_indicator_goals (goal_id);
CREATE INDEX st_goal_owners_unit_idx ON st_goal_owners (unit_id);
