-- Leader support (lederstøtte): one door in for leaders' requests, a first line, second-line groups in
-- their own units (possibly per sector), a rare third line (internal or external). Seed 002 s. 59–64.
-- Requests keep the requester's unit, level and sector as they were on the day of submission; routing
-- reads the organisation as it is when a request is escalated.

-- Groups of agents. Line 1 is the first line (1.linje til ledere), line 2 specialists in their own units,
-- line 3 experts, internal or external.
CREATE TABLE ls_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  line smallint NOT NULL CHECK (line BETWEEN 1 AND 3),
  -- The unit the group's people belong to (organisation model); none for an external party.
  unit_id uuid REFERENCES org_units (id),
  -- A group may be specialised towards one sector (for example payroll for schools): informative;
  -- routing rules decide who gets what.
  specialisation text,
  external boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  source text,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT external OR line = 3)
);

CREATE TABLE ls_group_members (
  group_id uuid NOT NULL REFERENCES ls_groups (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX ls_group_members_user_idx ON ls_group_members (user_id);

-- The catalogue of request categories, each with its own form fields (jsonb: a list of
-- {key, label {nb,en}, type, required, options?}). kind 'leader_change' is the master-data category
-- whose approval changes the organisation model.
CREATE TABLE ls_categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  name_nb text NOT NULL CHECK (length(trim(name_nb)) > 0),
  name_en text NOT NULL CHECK (length(trim(name_en)) > 0),
  description_nb text,
  description_en text,
  -- The area of support (IKT, personal, lønn, regnskap …), for figures per area.
  area text NOT NULL,
  kind text NOT NULL DEFAULT 'general' CHECK (kind IN ('general', 'leader_change')),
  fields jsonb NOT NULL DEFAULT '[]',
  default_priority text NOT NULL DEFAULT 'normal' CHECK (default_priority IN ('low', 'normal', 'high', 'urgent')),
  sort_order integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  source text,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Routing rules defined in advance: category × area (a sector, service area or unit in the organisation;
-- it matches the requester's unit and everything under it) → second-line group. NULL means "any".
-- The most specific rule wins: a named category before any category, then the nearest area.
CREATE TABLE ls_routing_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category_id uuid REFERENCES ls_categories (id),
  area_unit_id uuid REFERENCES org_units (id),
  group_id uuid NOT NULL REFERENCES ls_groups (id),
  note text,
  source text,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One rule per category × area (NULLs counted as equal, the same on PostgreSQL 15 and PGlite).
CREATE UNIQUE INDEX ls_routing_rules_unique_idx ON ls_routing_rules (
  coalesce(category_id, '00000000-0000-0000-0000-000000000000'::uuid),
  coalesce(area_unit_id, '00000000-0000-0000-0000-000000000000'::uuid)
);

-- Service levels per category and priority, in business minutes. category_id NULL: every category
-- without its own row for that priority.
CREATE TABLE ls_sla_policies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category_id uuid REFERENCES ls_categories (id),
  priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  response_minutes integer NOT NULL CHECK (response_minutes > 0),
  resolution_minutes integer NOT NULL CHECK (resolution_minutes > 0),
  revision integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ls_sla_policies_unique_idx ON ls_sla_policies (
  coalesce(category_id, '00000000-0000-0000-0000-000000000000'::uuid),
  priority
);

-- The desk's settings: one row. opening_hours: {"1": ["08:00","15:30"], … "7": null} per ISO weekday;
-- closed_days: extra closed dates ("2020-12-24"); Norwegian public holidays are computed, not listed.
-- rates: kroner per logged hour per line {"1": …, "2": …, "3": …}; warn_percent: warn when this
-- share of an SLA's time is used.
CREATE TABLE ls_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  time_zone text NOT NULL DEFAULT 'Europe/Oslo',
  opening_hours jsonb NOT NULL,
  closed_days jsonb NOT NULL DEFAULT '[]',
  rates jsonb NOT NULL,
  warn_percent smallint NOT NULL DEFAULT 80 CHECK (warn_percent BETWEEN 1 AND 99),
  first_line_target_percent smallint NOT NULL DEFAULT 70 CHECK (first_line_target_percent BETWEEN 1 AND 100),
  revision integer NOT NULL DEFAULT 1
);

-- Requests (henvendelser/saker).
CREATE TABLE ls_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  category_id uuid NOT NULL REFERENCES ls_categories (id),
  subject text NOT NULL CHECK (length(trim(subject)) > 0),
  description text NOT NULL DEFAULT '',
  fields jsonb NOT NULL DEFAULT '{}',
  requester_user_id uuid REFERENCES users (id),
  requester_person_id uuid REFERENCES org_people (id),
  requester_name text NOT NULL,
  -- Taken from the organisation model on the day of submission, never typed.
  unit_id uuid REFERENCES org_units (id),
  unit_name text,
  unit_level smallint,
  sector_unit_id uuid REFERENCES org_units (id),
  sector_name text,
  -- Who registered it (an agent on the phone), when not the requester.
  registered_by_user_id uuid REFERENCES users (id),
  channel text NOT NULL DEFAULT 'portal' CHECK (channel IN ('portal', 'phone', 'email')),
  priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'in_progress', 'waiting', 'resolved', 'closed', 'deleted')),
  line smallint NOT NULL DEFAULT 1 CHECK (line BETWEEN 1 AND 3),
  group_id uuid NOT NULL REFERENCES ls_groups (id),
  assignee_user_id uuid REFERENCES users (id),
  -- Third line: internal or external, and who.
  third_line_kind text CHECK (third_line_kind IN ('internal', 'external')),
  third_line_party text,
  parent_id uuid REFERENCES ls_requests (id),
  -- Closed by the requester because a knowledge-base article solved it.
  self_service boolean NOT NULL DEFAULT false,
  solved_by_article_id uuid,
  -- The highest line that worked on it (for the first-line resolution rate).
  highest_line smallint NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  -- SLA: due times computed in business time; the clock pauses while waiting for the requester.
  response_due_at timestamptz,
  resolution_due_at timestamptz,
  -- When the warning share of the resolution time is used (settings.warn_percent).
  resolution_warn_at timestamptz,
  paused_at timestamptz,
  warned_at timestamptz,
  response_breached boolean NOT NULL DEFAULT false,
  resolution_breached boolean NOT NULL DEFAULT false,
  synthetic boolean NOT NULL DEFAULT false,
  revision integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ls_requests_queue_idx ON ls_requests (line, status, priority, created_at);
CREATE INDEX ls_requests_group_idx ON ls_requests (group_id, status, created_at);
CREATE INDEX ls_requests_assignee_idx ON ls_requests (assignee_user_id, status);
CREATE INDEX ls_requests_requester_idx ON ls_requests (requester_user_id, created_at DESC);
CREATE INDEX ls_requests_unit_idx ON ls_requests (unit_id, created_at);
CREATE INDEX ls_requests_created_idx ON ls_requests (created_at);
CREATE INDEX ls_requests_open_due_idx ON ls_requests (resolution_due_at) WHERE status IN ('new', 'in_progress');
CREATE INDEX ls_requests_parent_idx ON ls_requests (parent_id) WHERE parent_id IS NOT NULL;

-- Related requests (both ways); parent/child is parent_id above.
CREATE TABLE ls_request_links (
  request_id uuid NOT NULL REFERENCES ls_requests (id),
  linked_id uuid NOT NULL REFERENCES ls_requests (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, linked_id),
  CHECK (request_id <> linked_id)
);

-- The conversation: public replies (the requester sees them) and internal notes (agents only).
CREATE TABLE ls_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES ls_requests (id),
  author_user_id uuid REFERENCES users (id),
  author_name text NOT NULL,
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
  body text NOT NULL CHECK (length(trim(body)) > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ls_messages_request_idx ON ls_messages (request_id, created_at);

-- Attachments: stored, never executed or served inline (always as a download with nosniff).
CREATE TABLE ls_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES ls_requests (id),
  message_id uuid REFERENCES ls_messages (id),
  file_name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal')),
  uploaded_by_user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ls_attachments_request_idx ON ls_attachments (request_id);

-- What happened to a request, in order: the history, and the source of notifications and webhooks.
-- type: created, taken, assigned, status, priority, escalated, third_line, replied, noted, resolved,
-- closed, reopened, deleted, rated, linked, time_logged, master_data_applied, sla_warning, sla_breach …
CREATE TABLE ls_request_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES ls_requests (id),
  type text NOT NULL,
  actor_user_id uuid REFERENCES users (id),
  actor_name text,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Set when notifications and webhook deliveries have been made from it.
  dispatched_at timestamptz
);
CREATE INDEX ls_request_events_request_idx ON ls_request_events (request_id, id);
CREATE INDEX ls_request_events_undispatched_idx ON ls_request_events (id) WHERE dispatched_at IS NULL;

-- Logged time: cost to the ordering unit = minutes / 60 × the rate of the line that worked.
CREATE TABLE ls_time_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES ls_requests (id),
  user_id uuid REFERENCES users (id),
  line smallint NOT NULL CHECK (line BETWEEN 1 AND 3),
  minutes integer NOT NULL CHECK (minutes > 0 AND minutes <= 24 * 60),
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ls_time_entries_request_idx ON ls_time_entries (request_id);

-- Satisfaction: a short survey after resolution, 1–5 with a comment.
CREATE TABLE ls_surveys (
  request_id uuid PRIMARY KEY REFERENCES ls_requests (id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  score smallint CHECK (score BETWEEN 1 AND 5),
  comment text,
  answered_at timestamptz
);

-- Knowledge base: Markdown articles for leaders or agents, Norwegian full-text search.
CREATE TABLE ls_articles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE,
  title text NOT NULL CHECK (length(trim(title)) > 0),
  summary text,
  body text NOT NULL DEFAULT '',
  category_id uuid REFERENCES ls_categories (id),
  audience text NOT NULL DEFAULT 'leaders' CHECK (audience IN ('leaders', 'agents')),
  published boolean NOT NULL DEFAULT true,
  -- Fictitious demo content is marked as such.
  demo boolean NOT NULL DEFAULT false,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('norwegian', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('norwegian', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('norwegian', coalesce(body, '')), 'C')
  ) STORED,
  helpful_count integer NOT NULL DEFAULT 0,
  not_helpful_count integer NOT NULL DEFAULT 0,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ls_articles_search_idx ON ls_articles USING gin (search);
CREATE INDEX ls_articles_title_trgm_idx ON ls_articles USING gin (title gin_trgm_ops);

CREATE TABLE ls_article_votes (
  article_id uuid NOT NULL REFERENCES ls_articles (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  helpful boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, user_id)
);

CREATE TABLE ls_request_articles (
  request_id uuid NOT NULL REFERENCES ls_requests (id),
  article_id uuid NOT NULL REFERENCES ls_articles (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, article_id)
);

-- In-app notifications.
CREATE TABLE ls_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  request_id uuid REFERENCES ls_requests (id),
  event_id bigint REFERENCES ls_request_events (id),
  text_nb text NOT NULL,
  text_en text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX ls_notifications_user_idx ON ls_notifications (user_id, created_at DESC);

-- Where and whether a user gets e-mail about their requests (the sign-in itself has no address).
CREATE TABLE ls_user_preferences (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  email text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$'),
  email_notifications boolean NOT NULL DEFAULT true,
  revision integer NOT NULL DEFAULT 1
);

-- E-mail: sent through SMTP when configured; in the embedded demo only written here (the outbox).
CREATE TABLE ls_email_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  request_id uuid REFERENCES ls_requests (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX ls_email_outbox_unsent_idx ON ls_email_outbox (created_at) WHERE sent_at IS NULL;

-- Webhooks on request events, signed with a shared secret (HMAC-SHA256), retried with backoff.
CREATE TABLE ls_webhooks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL,
  secret text NOT NULL,
  events text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  description text,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ls_webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  webhook_id uuid NOT NULL REFERENCES ls_webhooks (id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES ls_request_events (id),
  payload jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ls_webhook_deliveries_due_idx ON ls_webhook_deliveries (next_attempt_at)
  WHERE delivered_at IS NULL AND failed_at IS NULL;

-- Knutepunkt's starting values, not from the sources: the desk administrator changes them.
-- Opening hours Monday–Friday 08:00–15:30 (Norwegian public holidays closed), no rates set yet.
INSERT INTO ls_settings (opening_hours, rates) VALUES (
  '{"1": ["08:00", "15:30"], "2": ["08:00", "15:30"], "3": ["08:00", "15:30"], "4": ["08:00", "15:30"], "5": ["08:00", "15:30"], "6": null, "7": null}',
  '{}'
);
-- Service levels for every category, by priority (business minutes): response, resolution.
INSERT INTO ls_sla_policies (category_id, priority, response_minutes, resolution_minutes) VALUES
  (NULL, 'urgent', 30, 240),
  (NULL, 'high', 120, 450),
  (NULL, 'normal', 240, 1350),
  (NULL, 'low', 450, 2250);
