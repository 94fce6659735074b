-- A receiver that keeps failing is paused (its deliveries wait, not given up) until an
-- administrator resumes it; its owner is told. The failure run is counted on the webhook.
ALTER TABLE ls_webhooks ADD COLUMN created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE ls_webhooks ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0;
ALTER TABLE ls_webhooks ADD COLUMN failing_since timestamptz;
ALTER TABLE ls_webhooks ADD COLUMN paused_at timestamptz;
ALTER TABLE ls_webhooks ADD COLUMN paused_error text;

-- Each round takes the next few due deliveries of every webhook (fair per receiver).
CREATE INDEX ls_webhook_deliveries_due_per_webhook_idx ON ls_webhook_deliveries (webhook_id, next_attempt_at, created_at)
  WHERE delivered_at IS NULL AND failed_at IS NULL;
