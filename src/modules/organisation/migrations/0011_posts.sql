-- Posts and FTE (issue 15): a position's cost centre (ansvar), and the budgeted FTE of a unit,
-- dated and with its source, so roll-ups can set the posts and the people against the budget.

ALTER TABLE org_position_versions ADD COLUMN cost_centre text CHECK (cost_centre IS NULL OR length(trim(cost_centre)) > 0);

CREATE TABLE org_unit_budgets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES org_units (id),
  valid_from date NOT NULL,
  valid_to date,
  budgeted_fte numeric(10, 2) NOT NULL CHECK (budgeted_fte >= 0),
  -- A budget figure without a source is not a budget: the page says where each figure comes from.
  source text NOT NULL CHECK (length(trim(source)) > 0),
  note text,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX org_unit_budgets_unit_idx ON org_unit_budgets (unit_id, valid_from);
