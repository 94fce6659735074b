-- Leader support: indexes for the figures (docs/support-metrics.md). The dashboard filters requests
-- created in a period on ls_requests_created_idx (0001); these serve the other two slices it reads:
-- requests resolved in the period (first-line rate, times, SLA, satisfaction) and the open backlog.
CREATE INDEX ls_requests_resolved_idx ON ls_requests (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX ls_requests_open_idx ON ls_requests (created_at) WHERE status IN ('new', 'in_progress', 'waiting');
-- The synthetic history (npm run demo:support) is removed by this flag.
CREATE INDEX ls_requests_synthetic_idx ON ls_requests (number) WHERE synthetic;
CREATE INDEX ls_surveys_sent_idx ON ls_surveys (sent_at);
