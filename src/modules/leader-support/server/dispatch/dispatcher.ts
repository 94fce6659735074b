import { sql } from 'kysely';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import type { Mailer } from './mailer.js';
import { recipientsOf, type DispatchEvent, type DispatchRequest, type Localised } from './notification-texts.js';
import { sendDueDeliveries, type DeliveryOptions, type WebhookPayload } from './webhook-delivery.js';

export { webhookBody, type WebhookPayload } from './webhook-delivery.js';

// What happens after a request changes. One round: turn undispatched request events into in-app
// notifications, outbox e-mails and webhook deliveries; send the due webhook deliveries; send the
// outbox through the mailer; sweep the service levels (whose events the next round dispatches).
// Rows several processes could race for are claimed with FOR UPDATE SKIP LOCKED (PostgreSQL);
// PGlite has one connection, so there it simply runs in turn.

export interface DispatchResult {
  /** Request events dispatched (turned into notifications, e-mails and deliveries). */
  events: number;
  /** In-app notifications created. */
  notifications: number;
  /** E-mails handed to the mailer successfully. */
  emails: number;
  /** Webhook delivery attempts made (successful or not). */
  deliveries: number;
  /** Service-level events written by the sweep (warnings, breaches, raised priorities). */
  sweeps: number;
}

export interface DispatchOptions extends DeliveryOptions {
  mailer: Mailer;
}

const eventBatch = 100;
const maxEventBatches = 20;
const emailBatch = 25;
const sweepBatch = 100;
/** An e-mail the mail server refused this often stays in the outbox with its last error. */
export const maxEmailAttempts = 5;
/** The actor name on events the dispatcher writes itself. */
const systemActor = 'Knutepunkt';

/** One round of the dispatcher. `now` is the round's clock (tests pass their own). */
export async function runDispatcher(db: LeaderSupportDb, now: Date, options: DispatchOptions): Promise<DispatchResult> {
  const result: DispatchResult = { events: 0, notifications: 0, emails: 0, deliveries: 0, sweeps: 0 };
  for (let batch = 0; batch < maxEventBatches; batch += 1) {
    const handled = await dispatchEventBatch(db, now, result);
    if (handled < eventBatch) break;
  }
  result.deliveries += await sendDueDeliveries(db, now, options);
  if (options.mailer.configured !== false) await sendOutbox(db, now, options.mailer, result);
  await sweepServiceLevels(db, now, result);
  return result;
}

// --- Events → notifications, e-mails, webhook deliveries -------------------------------------------

interface EventRow {
  id: string | number;
  request_id: string;
  type: string;
  actor_user_id: string | null;
  data: Record<string, unknown> | null;
  created_at: Date | string;
  number: string | number;
  subject: string;
  status: string;
  priority: string;
  line: number;
  requester_user_id: string | null;
  assignee_user_id: string | null;
  group_id: string;
}

async function dispatchEventBatch(db: LeaderSupportDb, now: Date, result: DispatchResult): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const events = await trx
      .selectFrom('ls_request_events as e')
      .innerJoin('ls_requests as r', 'r.id', 'e.request_id')
      .select([
        'e.id',
        'e.request_id',
        'e.type',
        'e.actor_user_id',
        'e.data',
        'e.created_at',
        'r.number',
        'r.subject',
        'r.status',
        'r.priority',
        'r.line',
        'r.requester_user_id',
        'r.assignee_user_id',
        'r.group_id',
      ])
      .where('e.dispatched_at', 'is', null)
      .orderBy('e.id')
      .limit(eventBatch)
      .forUpdate('e')
      .skipLocked()
      .execute();
    if (events.length === 0) return 0;
    const rows = events as unknown as EventRow[];

    // The groups whose members may be told: an escalation's new group, a breached request's group.
    const groupIds = new Set<string>();
    for (const event of rows) {
      if (event.type === 'escalated' && typeof event.data?.groupId === 'string') groupIds.add(event.data.groupId);
      if (event.type === 'sla_breach' || event.type === 'sla_warning') groupIds.add(event.group_id);
    }
    const members = new Map<string, string[]>();
    if (groupIds.size > 0) {
      const memberRows = await trx
        .selectFrom('ls_group_members')
        .innerJoin('users', 'users.id', 'ls_group_members.user_id')
        .select(['ls_group_members.group_id', 'ls_group_members.user_id'])
        .where('ls_group_members.group_id', 'in', [...groupIds])
        .where('users.disabled_at', 'is', null)
        .orderBy('ls_group_members.user_id')
        .execute();
      for (const row of memberRows) members.set(row.group_id, [...(members.get(row.group_id) ?? []), row.user_id]);
    }

    const planned = rows.map((event) => {
      const dispatchEvent: DispatchEvent = { type: event.type, actorUserId: event.actor_user_id, data: event.data ?? {} };
      const request: DispatchRequest = {
        number: Number(event.number),
        requesterUserId: event.requester_user_id,
        assigneeUserId: event.assignee_user_id,
        groupId: event.group_id,
      };
      return { event, recipients: recipientsOf(dispatchEvent, request, (groupId) => members.get(groupId) ?? []) };
    });

    const notifications = planned.flatMap(({ event, recipients }) =>
      recipients.map((recipient) => ({
        user_id: recipient.userId,
        request_id: event.request_id,
        event_id: String(event.id),
        text_nb: recipient.text.nb,
        text_en: recipient.text.en,
        created_at: now,
      })),
    );
    if (notifications.length > 0) {
      await trx.insertInto('ls_notifications').values(notifications).execute();
      result.notifications += notifications.length;
    }

    // E-mail for those who gave an address and want e-mail.
    const userIds = [...new Set(notifications.map((n) => n.user_id))];
    if (userIds.length > 0) {
      const preferences = await trx
        .selectFrom('ls_user_preferences')
        .select(['user_id', 'email'])
        .where('user_id', 'in', userIds)
        .where('email_notifications', '=', true)
        .where('email', 'is not', null)
        .execute();
      const emailOf = new Map(preferences.map((p) => [p.user_id, p.email!]));
      const emails = planned.flatMap(({ event, recipients }) =>
        recipients.flatMap((recipient) => {
          const to = emailOf.get(recipient.userId);
          if (!to) return [];
          return [{ to_address: to, request_id: event.request_id, created_at: now, ...emailContent(recipient.text, event) }];
        }),
      );
      if (emails.length > 0) await trx.insertInto('ls_email_outbox').values(emails).execute();
    }

    // Webhook deliveries: every active webhook subscribed to the type (no types: all).
    const webhooks = await trx.selectFrom('ls_webhooks').select(['id', 'events']).where('active', '=', true).execute();
    const deliveries = rows.flatMap((event) =>
      webhooks
        .filter((webhook) => webhook.events.length === 0 || webhook.events.includes(event.type))
        .map((webhook) => ({
          webhook_id: webhook.id,
          event_id: String(event.id),
          payload: JSON.stringify(webhookPayload(event)),
          next_attempt_at: now,
          created_at: now,
        })),
    );
    if (deliveries.length > 0) await trx.insertInto('ls_webhook_deliveries').values(deliveries).execute();

    await trx
      .updateTable('ls_request_events')
      .set({ dispatched_at: now })
      .where(
        'id',
        'in',
        rows.map((event) => String(event.id)),
      )
      .execute();
    result.events += rows.length;
    return rows.length;
  });
}

function emailContent(text: Localised, event: EventRow): { subject: string; body: string } {
  const path = `/lederstotte/henvendelser/${Number(event.number)}`;
  return {
    subject: `${text.nb} – ${event.subject}`.slice(0, 250),
    body: [
      text.nb,
      `«${event.subject}»`,
      `Se henvendelsen i Knutepunkt: ${path}`,
      '',
      '—',
      text.en,
      `See the request in Knutepunkt: ${path}`,
      '',
      'Du får denne e-posten fordi du har slått på e-postvarsler i Knutepunkt (Lederstøtte → Varsler).',
      'You get this e-mail because you turned on e-mail notifications in Knutepunkt (Leader support → Notifications).',
    ].join('\n'),
  };
}

function webhookPayload(event: EventRow): WebhookPayload {
  return {
    id: Number(event.id),
    type: event.type,
    createdAt: new Date(event.created_at).toISOString(),
    request: {
      id: event.request_id,
      number: Number(event.number),
      subject: event.subject,
      status: event.status,
      priority: event.priority,
      line: event.line,
    },
    data: event.data ?? {},
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

// --- E-mail -----------------------------------------------------------------------------------------

async function sendOutbox(db: LeaderSupportDb, now: Date, mailer: Mailer, result: DispatchResult): Promise<void> {
  // Each e-mail is tried at most once a round: a refusing mail server waits for the next round.
  const candidates = await db
    .selectFrom('ls_email_outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('attempts', '<', maxEmailAttempts)
    .orderBy('created_at')
    .limit(emailBatch)
    .execute();
  for (const { id } of candidates) {
    // One e-mail per transaction: the row stays locked while the mail server answers, so two
    // workers never send the same e-mail, and a failure is recorded with the attempt.
    await db.transaction().execute(async (trx) => {
      const email = await trx
        .selectFrom('ls_email_outbox')
        .select(['id', 'to_address', 'subject', 'body', 'attempts'])
        .where('id', '=', id)
        .where('sent_at', 'is', null)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!email) return;
      try {
        await mailer.send({ to: email.to_address, subject: email.subject, text: email.body });
        await trx
          .updateTable('ls_email_outbox')
          .set({ sent_at: now, attempts: email.attempts + 1, last_error: null })
          .where('id', '=', email.id)
          .execute();
        result.emails += 1;
      } catch (error) {
        await trx
          .updateTable('ls_email_outbox')
          .set({ attempts: email.attempts + 1, last_error: describe(error).slice(0, 500) })
          .where('id', '=', email.id)
          .execute();
      }
    });
  }
}

// --- Service levels ------------------------------------------------------------------------------

const openStatuses = sql`('new', 'in_progress')`;

async function sweepServiceLevels(db: LeaderSupportDb, now: Date, result: DispatchResult): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The warning share of the resolution time is used. Not worth a warning when the deadline
    // itself has already passed: the breach below tells that.
    const warned = await sql<{ id: string; resolution_due_at: Date | null }>`
      WITH due AS (
        SELECT id FROM ls_requests
        WHERE warned_at IS NULL AND status IN ${openStatuses} AND paused_at IS NULL AND resolution_warn_at <= ${now}
        ORDER BY resolution_warn_at
        LIMIT ${sweepBatch}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE ls_requests r SET warned_at = ${now} FROM due WHERE r.id = due.id
      RETURNING r.id, r.resolution_due_at`.execute(trx);
    const warnings = warned.rows
      .filter((row) => !row.resolution_due_at || new Date(row.resolution_due_at) >= now)
      .map((row) => systemEvent(row.id, 'sla_warning', { clock: 'resolution', dueAt: isoOrNull(row.resolution_due_at) }, now));

    // No first response in time.
    const responseBreached = await sql<{ id: string; response_due_at: Date }>`
      WITH due AS (
        SELECT id FROM ls_requests
        WHERE first_response_at IS NULL AND NOT response_breached AND status IN ${openStatuses} AND paused_at IS NULL
          AND response_due_at < ${now}
        ORDER BY response_due_at
        LIMIT ${sweepBatch}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE ls_requests r SET response_breached = true FROM due WHERE r.id = due.id
      RETURNING r.id, r.response_due_at`.execute(trx);
    const responseEvents = responseBreached.rows.map((row) =>
      systemEvent(row.id, 'sla_breach', { clock: 'response', dueAt: isoOrNull(row.response_due_at) }, now),
    );

    // Not resolved in time: escalate by raising the priority one step (an urgent one stays urgent);
    // the breach event tells the request's group.
    const resolutionBreached = await sql<{ id: string; resolution_due_at: Date; from_priority: string; to_priority: string }>`
      WITH due AS (
        SELECT id, priority FROM ls_requests
        WHERE NOT resolution_breached AND status IN ${openStatuses} AND paused_at IS NULL AND resolution_due_at < ${now}
        ORDER BY resolution_due_at
        LIMIT ${sweepBatch}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE ls_requests r
      SET resolution_breached = true,
          priority = CASE due.priority WHEN 'low' THEN 'normal' WHEN 'normal' THEN 'high' ELSE 'urgent' END,
          revision = CASE WHEN due.priority = 'urgent' THEN r.revision ELSE r.revision + 1 END,
          updated_at = CASE WHEN due.priority = 'urgent' THEN r.updated_at ELSE ${now} END
      FROM due
      WHERE r.id = due.id
      RETURNING r.id, r.resolution_due_at, due.priority AS from_priority, r.priority AS to_priority`.execute(trx);
    const resolutionEvents = resolutionBreached.rows.flatMap((row) => [
      systemEvent(row.id, 'sla_breach', { clock: 'resolution', dueAt: isoOrNull(row.resolution_due_at) }, now),
      ...(row.from_priority !== row.to_priority
        ? [systemEvent(row.id, 'priority', { from: row.from_priority, to: row.to_priority, reason: 'sla_breach' }, now)]
        : []),
    ]);

    const events = [...warnings, ...responseEvents, ...resolutionEvents];
    if (events.length > 0) await trx.insertInto('ls_request_events').values(events).execute();
    result.sweeps += events.length;
  });
}

function systemEvent(requestId: string, type: string, data: Record<string, unknown>, now: Date) {
  return { request_id: requestId, type, actor_user_id: null, actor_name: systemActor, data: JSON.stringify(data), created_at: now };
}

const isoOrNull = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
