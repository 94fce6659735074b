import { sql } from 'kysely';
import type { Notification, OutboxEmail, Preferences, Webhook, WebhookDelivery } from '../../dispatch.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';

// Reads for the notifications, preferences, outbox and webhook pages.

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** A user's own notifications, newest first. */
export async function selectNotifications(
  db: LeaderSupportDb,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<Notification[]> {
  let query = db
    .selectFrom('ls_notifications as n')
    .leftJoin('ls_requests as r', 'r.id', 'n.request_id')
    .select(['n.id', 'n.text_nb', 'n.text_en', 'n.request_id', 'r.number', 'n.created_at', 'n.read_at'])
    .where('n.user_id', '=', userId);
  if (options.unreadOnly) query = query.where('n.read_at', 'is', null);
  const rows = await query.orderBy('n.created_at', 'desc').orderBy('n.event_id', 'desc').limit(options.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    text: { nb: row.text_nb, en: row.text_en },
    requestId: row.request_id,
    requestNumber: row.number === null ? null : Number(row.number),
    createdAt: iso(row.created_at),
    readAt: isoOrNull(row.read_at),
  }));
}

export async function countUnread(db: LeaderSupportDb, userId: string): Promise<number> {
  const row = await db
    .selectFrom('ls_notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A user's e-mail preference; revision 0 when never saved (no address, so no e-mail). */
export async function selectPreferences(db: LeaderSupportDb, userId: string): Promise<Preferences> {
  const row = await db
    .selectFrom('ls_user_preferences')
    .select(['email', 'email_notifications', 'revision'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row
    ? { email: row.email, emailNotifications: row.email_notifications, revision: row.revision }
    : { email: null, emailNotifications: false, revision: 0 };
}

export async function selectOutbox(db: LeaderSupportDb, limit: number): Promise<{ emails: OutboxEmail[]; unsent: number }> {
  const rows = await db
    .selectFrom('ls_email_outbox as o')
    .leftJoin('ls_requests as r', 'r.id', 'o.request_id')
    .select(['o.id', 'o.to_address', 'o.subject', 'o.body', 'r.number', 'o.created_at', 'o.sent_at', 'o.attempts', 'o.last_error'])
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id')
    .limit(limit)
    .execute();
  const unsent = await db
    .selectFrom('ls_email_outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    unsent: Number(unsent.n),
    emails: rows.map((row) => ({
      id: row.id,
      to: row.to_address,
      subject: row.subject,
      body: row.body,
      requestNumber: row.number === null ? null : Number(row.number),
      createdAt: iso(row.created_at),
      sentAt: isoOrNull(row.sent_at),
      attempts: row.attempts,
      lastError: row.last_error,
    })),
  };
}

/** The webhooks (never their secrets), with how many deliveries wait and how many were given up. */
export async function selectWebhooks(db: LeaderSupportDb, id?: string): Promise<Webhook[]> {
  let query = db
    .selectFrom('ls_webhooks as w')
    .select([
      'w.id',
      'w.url',
      'w.events',
      'w.active',
      'w.description',
      'w.revision',
      'w.created_at',
      'w.paused_at',
      'w.paused_error',
      'w.consecutive_failures',
      'w.failing_since',
      sql<string>`(SELECT count(*) FROM ls_webhook_deliveries d WHERE d.webhook_id = w.id AND d.delivered_at IS NULL AND d.failed_at IS NULL)`.as(
        'pending',
      ),
      sql<string>`(SELECT count(*) FROM ls_webhook_deliveries d WHERE d.webhook_id = w.id AND d.failed_at IS NOT NULL)`.as('failed'),
    ]);
  if (id) query = query.where('w.id', '=', id);
  const rows = await query.orderBy('w.created_at').orderBy('w.id').execute();
  return rows.map((row) => ({
    id: row.id,
    url: row.url,
    events: row.events,
    active: row.active,
    description: row.description,
    secretSet: true,
    revision: row.revision,
    createdAt: iso(row.created_at),
    pending: Number(row.pending),
    failed: Number(row.failed),
    paused: row.paused_at
      ? {
          at: iso(row.paused_at),
          failures: row.consecutive_failures,
          failingSince: isoOrNull(row.failing_since),
          lastError: row.paused_error,
        }
      : null,
  }));
}

/** A webhook's most recent deliveries, newest first. */
export async function selectDeliveries(db: LeaderSupportDb, webhookId: string, limit = 50): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('ls_webhook_deliveries as d')
    .innerJoin('ls_request_events as e', 'e.id', 'd.event_id')
    .leftJoin('ls_requests as r', 'r.id', 'e.request_id')
    .select([
      'd.id',
      'd.event_id',
      'e.type',
      'r.number',
      'd.attempts',
      'd.last_status',
      'd.last_error',
      'd.next_attempt_at',
      'd.delivered_at',
      'd.failed_at',
      'd.created_at',
    ])
    .where('d.webhook_id', '=', webhookId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.event_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const state = row.delivered_at ? 'delivered' : row.failed_at ? 'failed' : 'pending';
    return {
      id: row.id,
      eventId: Number(row.event_id),
      eventType: row.type,
      requestNumber: row.number === null ? null : Number(row.number),
      state,
      attempts: row.attempts,
      lastStatus: row.last_status,
      lastError: row.last_error,
      nextAttemptAt: state === 'pending' ? iso(row.next_attempt_at) : null,
      deliveredAt: isoOrNull(row.delivered_at),
      failedAt: isoOrNull(row.failed_at),
      createdAt: iso(row.created_at),
    };
  });
}
