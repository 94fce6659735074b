-- Approval before apply: a scenario goes draft → submitted → approved → applied (or back to draft
-- with a comment, or rejected), each step by whom and when. The comparison is frozen at submission,
-- so the approver sees what was submitted.

ALTER TABLE org_scenarios DROP CONSTRAINT org_scenarios_status_check;
ALTER TABLE org_scenarios ADD CONSTRAINT org_scenarios_status_check
  CHECK (status IN ('draft', 'submitted', 'approved', 'applied', 'rejected', 'discarded'));

ALTER TABLE org_scenarios ADD COLUMN submitted_by uuid REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE org_scenarios ADD COLUMN submitted_at timestamptz;
-- The comparison (GET …/compare) as it was when submitted.
ALTER TABLE org_scenarios ADD COLUMN submitted_comparison jsonb;
ALTER TABLE org_scenarios ADD COLUMN approved_by uuid REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE org_scenarios ADD COLUMN approved_at timestamptz;

-- Comments on a scenario; a transition's comment («send tilbake» needs one) names its action.
CREATE TABLE org_scenario_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scenario_id uuid NOT NULL REFERENCES org_scenarios (id) ON DELETE CASCADE,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  author_name text NOT NULL,
  body text NOT NULL CHECK (length(trim(body)) > 0),
  action text CHECK (action IN ('submit', 'withdraw', 'return', 'approve', 'reject', 'apply')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_scenario_comments_scenario_idx ON org_scenario_comments (scenario_id, created_at);
