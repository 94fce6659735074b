-- The dispatcher (notifications, e-mail, webhooks, SLA sweep) runs every few seconds: each of its
-- questions must be answered from an index, so a round with nothing due costs next to nothing.

-- SLA sweep: open requests not yet warned, not yet past the response or the resolution deadline.
CREATE INDEX ls_requests_warn_due_idx ON ls_requests (resolution_warn_at)
  WHERE warned_at IS NULL AND status IN ('new', 'in_progress');
CREATE INDEX ls_requests_response_due_idx ON ls_requests (response_due_at)
  WHERE first_response_at IS NULL AND NOT response_breached AND status IN ('new', 'in_progress');
CREATE INDEX ls_requests_resolution_breach_idx ON ls_requests (resolution_due_at)
  WHERE NOT resolution_breached AND status IN ('new', 'in_progress');

-- A user's unread count (the badge in the menu, on every page).
CREATE INDEX ls_notifications_unread_idx ON ls_notifications (user_id) WHERE read_at IS NULL;

-- A webhook's recent deliveries, and the outbox newest first (the administrator's pages).
CREATE INDEX ls_webhook_deliveries_webhook_idx ON ls_webhook_deliveries (webhook_id, created_at DESC);
CREATE INDEX ls_email_outbox_created_idx ON ls_email_outbox (created_at DESC);
