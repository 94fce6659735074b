-- Rule exceptions (issue 15): the level exceptions become exceptions for any rule a person judges.
-- The table keeps its name, so every reader of the level exceptions keeps working; existing rows
-- are level exceptions (the default). A span-of-control or leader-line exception names the unit
-- whose leader it excuses. An exception that no longer excuses anything is reported as stale.
ALTER TABLE org_level_exceptions
  ADD COLUMN rule text NOT NULL DEFAULT 'level_inconsistent'
    CHECK (rule IN ('level_inconsistent', 'span_of_control', 'leader_line_off_unit_chain'));
DROP INDEX org_level_exceptions_unit_idx;
CREATE INDEX org_level_exceptions_unit_idx ON org_level_exceptions (unit_id, rule, valid_from);

-- A person above 100 % FTE on a day is refused unless someone accepts it with a reason (stored on
-- the assignment that took them over, shown as accepted in the rules report).
ALTER TABLE org_assignments
  ADD COLUMN fte_override_reason text CHECK (fte_override_reason IS NULL OR length(trim(fte_override_reason)) > 0);
