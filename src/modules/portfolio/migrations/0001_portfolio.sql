-- Portfolio management (porteføljestyring): development initiatives from the units and the digital
-- agents, decided and prioritised together by the portfolio board, a shared resource pool, and
-- benefits followed up until they are realised. Seed 002 s. 21, 67–70; seed 003. The phases follow
-- Digdir's project model (Prosjektveiviseren) and the benefits DFØ's guidance.
-- Goals are the steering module's (st_goals); decisions it follows are steering's register.

-- Phases in order: idea → concept → planning → execution → closing → realisation. The decision
-- points between them: BP1 (idea→concept), BP2 (concept→planning), BP3 (planning→execution),
-- BP4 (execution→closing), BP5 (closing→realisation).
CREATE TABLE pf_initiatives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  title text NOT NULL CHECK (length(trim(title)) > 0),
  problem text NOT NULL DEFAULT '',
  need text NOT NULL DEFAULT '',
  beneficiaries text NOT NULL DEFAULT '',
  owner_unit_id uuid NOT NULL REFERENCES org_units (id),
  -- The digital agent involved (a signed-in user), if any.
  digital_agent_id uuid REFERENCES users (id),
  category text NOT NULL CHECK (category IN ('mandated', 'strategy', 'efficiency', 'quality', 'innovation')),
  size text NOT NULL CHECK (size IN ('small', 'medium', 'large')),
  estimated_cost numeric NOT NULL DEFAULT 0 CHECK (estimated_cost >= 0),
  estimated_months integer CHECK (estimated_months BETWEEN 1 AND 120),
  personal_data boolean NOT NULL DEFAULT false,
  dpia_needed boolean,
  architecture_notes text NOT NULL DEFAULT '',
  privacy_notes text NOT NULL DEFAULT '',
  phase text NOT NULL DEFAULT 'idea' CHECK (phase IN ('idea', 'concept', 'planning', 'execution', 'closing', 'realisation')),
  -- active; paused and stopped by the board; merged into another; done when benefits are closed.
  state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused', 'stopped', 'merged', 'done')),
  merged_into_id uuid REFERENCES pf_initiatives (id),
  -- Planned start and end (first day of a month), for the roadmap.
  planned_start date,
  planned_end date,
  proposed_by uuid NOT NULL REFERENCES users (id),
  proposed_at timestamptz NOT NULL DEFAULT now(),
  synthetic boolean NOT NULL DEFAULT false,
  revision integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (merged_into_id IS NULL OR merged_into_id <> id),
  CHECK ((state = 'merged') = (merged_into_id IS NOT NULL)),
  CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start)
);
CREATE INDEX pf_initiatives_owner_idx ON pf_initiatives (owner_unit_id);
CREATE INDEX pf_initiatives_phase_idx ON pf_initiatives (phase, state);

CREATE TABLE pf_initiative_goals (
  initiative_id uuid NOT NULL REFERENCES pf_initiatives (id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES st_goals (id),
  PRIMARY KEY (initiative_id, goal_id)
);
CREATE INDEX pf_initiative_goals_goal_idx ON pf_initiative_goals (goal_id);

-- Political decisions an initiative follows up (steering's register).
CREATE TABLE pf_initiative_decisions (
  initiative_id uuid NOT NULL REFERENCES pf_initiatives (id) ON DELETE CASCADE,
  decision_id uuid NOT NULL REFERENCES st_political_decisions (id),
  PRIMARY KEY (initiative_id, decision_id)
);

-- The initiative's history: proposed, edited, merged, decided, reported. A merge copies the merged
-- initiative's events over (with data.fromInitiative), so both histories stay readable.
CREATE TABLE pf_initiative_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  initiative_id uuid NOT NULL REFERENCES pf_initiatives (id) ON DELETE CASCADE,
  type text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  actor_id uuid REFERENCES users (id),
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pf_initiative_events_initiative_idx ON pf_initiative_events (initiative_id, id);

-- The board's checklist per decision point (configurable).
CREATE TABLE pf_checklist_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_point text NOT NULL CHECK (decision_point IN ('BP1', 'BP2', 'BP3', 'BP4', 'BP5')),
  key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  label_nb text NOT NULL CHECK (length(trim(label_nb)) > 0),
  label_en text NOT NULL CHECK (length(trim(label_en)) > 0),
  sort_order integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  source text,
  UNIQUE (decision_point, key)
);

-- Board meetings: agenda (the initiatives up for decision) and minutes.
CREATE TABLE pf_board_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_date date NOT NULL,
  title text NOT NULL CHECK (length(trim(title)) > 0),
  minutes text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held')),
  revision integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE pf_agenda_items (
  meeting_id uuid NOT NULL REFERENCES pf_board_meetings (id) ON DELETE CASCADE,
  initiative_id uuid NOT NULL REFERENCES pf_initiatives (id),
  position integer NOT NULL,
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (meeting_id, initiative_id)
);

-- A recorded board decision at a decision point.
CREATE TABLE pf_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES pf_initiatives (id) ON DELETE CASCADE,
  decision_point text NOT NULL CHECK (decision_point IN ('BP1', 'BP2', 'BP3', 'BP4', 'BP5')),
  outcome text NOT NULL CHECK (outcome IN ('approve', 'return', 'pause', 'stop')),
  rationale text NOT NULL CHECK (length(trim(rationale)) > 0),
  decided_on date NOT NULL,
  decided_by uuid NOT NULL REFERENCES users (id),
  meeting_id uuid REFERENCES pf_board_meetings (id),
  -- { itemKey: true/false } for the checklist at the time of the decision.
  checklist jsonb NOT NULL DEFAULT '{}',
  phase_before text NOT NULL,
  phase_after text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pf_decisions_initiative_idx ON pf_decisions (initiative_id, created_at);

-- Status reports per period (month, 'YYYY-MM'): progress and traffic lights.
CREATE TABLE pf_status_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES pf_initiatives (id) ON DELETE CASCADE,
  period text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  progress text NOT NULL DEFAULT '',
  scope_light text NOT NULL CHECK (scope_light IN ('green', 'yellow', 'red')),
  time_light text NOT NULL CHECK (time_light IN ('green', 'yellow', 'red')),
  cost_light text NOT NULL CHECK (cost_light IN ('green', 'yellow', 'red')),
  benefits_light text NOT NULL CHECK (benefits_light IN ('green', 'yellow', 'red')),
  risks text NOT NULL DEFAULT '',
  issues text NOT NULL DEFAULT '',
  next_steps text NOT NULL DEFAULT '',
  percent_complete smallint CHECK (percent_complete BETWEEN 0 AND 100),
  reported_by uuid NOT NULL REFERENCES users (id),
  reported_at timestamptz NOT NULL DEFAULT now(),
  synthetic boolean NOT NULL DEFAULT false,
  revision integer NOT NULL DEFAULT 1,
  UNIQUE (initiative_id, period)
);

-- Prioritisation: weighted criteria (configurable) and each initiative's score per criterion (1–5).
CREATE TABLE pf_criteria (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  label_nb text NOT NULL CHECK (length(trim(label_nb)) > 0),
  label_en text NOT NULL CHECK (length(trim(label_en)) > 0),
  weight numeric NOT NULL CHECK (weight >= 0 AND weight <= 100),
  -- Higher score is better (benefit) or worse (risk, cost): worse criteria count as 6 - score.
  higher_is_better boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  revision integer NOT NULL DEFAULT 1
);

CREATE TABLE pf_scores (
  initiative_id uuid NOT NULL REFERENCES pf_initiatives (id) ON DELETE CASCADE,
  criterion_id uuid NOT NULL REFERENCES pf_criteria (id) ON DELETE CASCADE,
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  scored_by uuid REFERENCES users (id),
  scored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (initiative_id, criterion_id)
);

-- The portfolio's settings: one row. The capacity line is the development budget in kroner of estimated
-- cost: ranked initiatives fit while their cumulative cost stays within it.
CREATE TABLE pf_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  capacity_line numeric NOT NULL DEFAULT 0,
  report_due_day smallint NOT NULL DEFAULT 10 CHECK (report_due_day BETWEEN 1 AND 28),
  revision integer NOT NULL DEFAULT 1
);
INSERT INTO pf_settings (id) VALUES (true);

-- The resource pool: service designers, concept developers, enterprise architects, and line staff
-- lent to initiatives. A member may be a person in the organisation model.
CREATE TABLE pf_pool_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  person_id uuid REFERENCES org_people (id),
  role text NOT NULL CHECK (role IN ('service_designer', 'concept_developer', 'enterprise_architect', 'project_manager', 'line_staff')),
  home_unit_id uuid REFERENCES org_units (id),
  -- Default share of a month available to the pool (1.0 = full time).
  default_capacity numeric NOT NULL DEFAULT 1 CHECK (default_capacity >= 0 AND default_capacity <= 1),
  active boolean NOT NULL DEFAULT true,
  synthetic boolean NOT NULL DEFAULT false,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Capacity per month when it differs from the default (holidays, part time).
CREATE TABLE pf_capacity (
  member_id uuid NOT NULL REFERENCES pf_pool_members (id) ON DELETE CASCADE,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  capacity numeric NOT NULL CHECK (capacity >= 0 AND capacity <= 1),
  PRIMARY KEY (member_id, month)
);

CREATE TABLE pf_allocations (
  member_id uuid NOT NULL REFERENCES pf_pool_members (id) ON DELETE CASCADE,
  initiative_id uuid NOT NULL REFERENCES pf_initiatives (id) ON DELETE CASCADE,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  share numeric NOT NULL CHECK (share > 0 AND share <= 1),
  -- Set when an allocation beyond the member's capacity was saved on purpose.
  override_reason text,
  allocated_by uuid REFERENCES users (id),
  allocated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, initiative_id, month)
);
CREATE INDEX pf_allocations_initiative_idx ON pf_allocations (initiative_id);
CREATE INDEX pf_allocations_month_idx ON pf_allocations (month);

-- The benefits register (gevinstrealiseringsplan).
CREATE TABLE pf_benefits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  initiative_id uuid NOT NULL REFERENCES pf_initiatives (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(trim(title)) > 0),
  type text NOT NULL CHECK (type IN ('money', 'time', 'quality', 'others')),
  indicator text NOT NULL CHECK (length(trim(indicator)) > 0),
  unit_of_measure text NOT NULL DEFAULT '',
  baseline_value numeric NOT NULL,
  baseline_date date NOT NULL,
  target_value numeric NOT NULL,
  -- Money per year in kroner, for the portfolio-wide planned-versus-realised view.
  annual_value numeric,
  owner_person_id uuid NOT NULL REFERENCES org_people (id),
  owner_unit_id uuid NOT NULL REFERENCES org_units (id),
  expected_date date NOT NULL,
  actions text NOT NULL DEFAULT '',
  assumptions text NOT NULL DEFAULT '',
  planned boolean NOT NULL DEFAULT true,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_realisation', 'realised', 'closed')),
  closed_reason text,
  synthetic boolean NOT NULL DEFAULT false,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pf_benefits_initiative_idx ON pf_benefits (initiative_id);

CREATE TABLE pf_benefit_measurements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  benefit_id uuid NOT NULL REFERENCES pf_benefits (id) ON DELETE CASCADE,
  measured_on date NOT NULL,
  value numeric NOT NULL,
  -- Required by the code when the value deviates from the plan.
  comment text,
  measured_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (benefit_id, measured_on)
);
