import { sql, type Kysely } from 'kysely';
import {
  recordAudit,
  rolePermissions,
  roles,
  sendOutbound,
  strictOutboundPolicy,
  systemContext,
  type KernelTables,
  type OutboundOptions,
} from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { webhookAuditView } from './commands.js';
import type { Localised } from './notification-texts.js';
import { afterFailedAttempt, signWebhookBody } from './webhook-signing.js';

// Sending the due webhook deliveries, fairly: one receiver that is down or slow must not hold up
// the others. Each round takes the next few due deliveries of every webhook, sends to several
// webhooks at once (one lane each, in order within a webhook), and stops a webhook's lane at its
// first failure. A receiver that keeps failing is paused: its deliveries wait, its owner is told,
// and an administrator resumes it (commands.ts).

/** At most this many deliveries per webhook in one round. */
export const deliveriesPerWebhook = 25;
/** Webhooks sent to at the same time. */
const webhookLanes = 4;
/** The default time a receiver has to answer (resolving its name included). */
export const webhookTimeoutMs = 5_000;
/** A claimed delivery is hidden from other workers this long (far longer than a lane can take). */
const deliveryLeaseMs = 5 * 60_000;
/** Paused after this many failed attempts in a row, spread over at least `pauseAfterMs`. */
export const pauseAfterFailures = 6;
export const pauseAfterMs = 30 * 60_000;

export interface DeliveryOptions {
  /** Where deliveries may go (OUTBOUND_ALLOWED_HOSTS); tests give their own lookup and transport. */
  outbound?: OutboundOptions;
  timeoutMs?: number;
}

/** The JSON a webhook receives. Keys in a fixed order: the signature covers the exact text. */
export interface WebhookPayload {
  id: number;
  type: string;
  createdAt: string;
  request: { id: string; number: number; subject: string; status: string; priority: string; line: number };
  data: Record<string, unknown>;
}

/** The body as sent (jsonb does not keep key order, so the order is set here). */
export function webhookBody(payload: WebhookPayload): string {
  const { id, type, createdAt, request, data } = payload;
  return JSON.stringify({
    id,
    type,
    createdAt,
    request: {
      id: request.id,
      number: request.number,
      subject: request.subject,
      status: request.status,
      priority: request.priority,
      line: request.line,
    },
    data,
  });
}

interface ClaimedDelivery {
  id: string;
  webhook_id: string;
  payload: WebhookPayload;
  attempts: number;
  /** When it was due before the claim: given back when the lane stops before sending it. */
  due_at: Date | string;
  url: string;
  secret: string;
}

/** Sends what is due; returns the number of attempts made. */
export async function sendDueDeliveries(db: LeaderSupportDb, now: Date, options: DeliveryOptions): Promise<number> {
  const lease = new Date(now.getTime() + deliveryLeaseMs);
  // Claim: move the due deliveries' next attempt past the lease, so another worker leaves them
  // alone while this one sends (and picks them up again if this process dies mid-way).
  const claimed = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<ClaimedDelivery>`
      WITH due AS (
        SELECT next.id, next.next_attempt_at AS due_at
        FROM ls_webhooks w
        CROSS JOIN LATERAL (
          SELECT d.id, d.next_attempt_at
          FROM ls_webhook_deliveries d
          WHERE d.webhook_id = w.id AND d.delivered_at IS NULL AND d.failed_at IS NULL AND d.next_attempt_at <= ${now}
          ORDER BY d.next_attempt_at, d.created_at
          LIMIT ${deliveriesPerWebhook}
          FOR UPDATE OF d SKIP LOCKED
        ) next
        WHERE w.active AND w.paused_at IS NULL
      )
      UPDATE ls_webhook_deliveries d
      SET next_attempt_at = ${lease}
      FROM due, ls_webhooks w
      WHERE d.id = due.id AND w.id = d.webhook_id
      RETURNING d.id, d.webhook_id, d.payload, d.attempts, due.due_at, d.created_at, w.url, w.secret`.execute(trx);
    return rows as (ClaimedDelivery & { created_at: Date | string })[];
  });

  // One lane per webhook, its deliveries in the order they fell due; the longest-waiting webhook first.
  const byWebhook = new Map<string, (ClaimedDelivery & { created_at: Date | string })[]>();
  for (const delivery of claimed) {
    const lane = byWebhook.get(delivery.webhook_id);
    if (lane) lane.push(delivery);
    else byWebhook.set(delivery.webhook_id, [delivery]);
  }
  const order = (d: { due_at: Date | string; created_at: Date | string }) => [
    new Date(d.due_at).getTime(),
    new Date(d.created_at).getTime(),
  ];
  const compare = (a: (typeof claimed)[number], b: (typeof claimed)[number]) => {
    const [x, y] = [order(a), order(b)];
    return x[0]! - y[0]! || x[1]! - y[1]!;
  };
  const lanes = [...byWebhook.values()].map((list) => list.sort(compare)).sort((a, b) => compare(a[0]!, b[0]!));

  let attempts = 0;
  const queue = [...lanes];
  const runLane = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) {
      // Not `attempts += await …`: that would read `attempts` before the other lanes add theirs.
      const made = await sendToWebhook(db, now, lane, options);
      attempts += made;
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(webhookLanes, lanes.length) }, runLane));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  return attempts;
}

/** One webhook's deliveries in order; at the first failure the rest go back to wait for the next round. */
async function sendToWebhook(db: LeaderSupportDb, now: Date, deliveries: ClaimedDelivery[], options: DeliveryOptions): Promise<number> {
  let attempts = 0;
  let succeeded = false;
  for (const [index, delivery] of deliveries.entries()) {
    const outcome = await deliver(delivery, options);
    attempts += 1;
    if (outcome.ok) {
      succeeded = true;
      await db
        .updateTable('ls_webhook_deliveries')
        .set({ delivered_at: now, attempts: delivery.attempts + 1, last_status: outcome.status, last_error: null })
        .where('id', '=', delivery.id)
        .execute();
      continue;
    }
    await recordFailure(db, now, delivery, outcome);
    // The receiver is down or slow: the rest wait for the next round, as due as they were.
    const rest = deliveries.slice(index + 1).map(({ id, due_at }) => ({ id, due_at }));
    if (rest.length > 0) {
      await sql`
        UPDATE ls_webhook_deliveries d SET next_attempt_at = back.due_at
        FROM jsonb_to_recordset(${JSON.stringify(rest)}::jsonb) AS back(id uuid, due_at timestamptz)
        WHERE d.id = back.id AND d.delivered_at IS NULL`.execute(db);
    }
    return attempts;
  }
  if (succeeded) {
    await db
      .updateTable('ls_webhooks')
      .set({ consecutive_failures: 0, failing_since: null })
      .where('id', '=', deliveries[0]!.webhook_id)
      .where('consecutive_failures', '>', 0)
      .execute();
  }
  return attempts;
}

type DeliveryOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function deliver(delivery: ClaimedDelivery, options: DeliveryOptions): Promise<DeliveryOutcome> {
  const body = webhookBody(delivery.payload);
  const timeoutMs = options.timeoutMs ?? webhookTimeoutMs;
  try {
    const response = await sendOutbound(
      {
        url: delivery.url,
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Knutepunkt-Webhook/1',
          'x-knutepunkt-event': delivery.payload.type,
          'x-knutepunkt-delivery': delivery.id,
          'x-knutepunkt-signature': signWebhookBody(delivery.secret, body),
        },
        timeoutMs,
      },
      options.outbound ?? { policy: strictOutboundPolicy },
    );
    // A redirect is an answer we do not follow: the receiver must answer 2xx itself.
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const message = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs / 1000} s` : describeError(error);
    return { ok: false, status: null, error: message };
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/** Records a failed attempt; pauses the webhook when its receiver has kept failing long enough. */
async function recordFailure(
  db: LeaderSupportDb,
  now: Date,
  delivery: ClaimedDelivery,
  outcome: Extract<DeliveryOutcome, { ok: false }>,
): Promise<void> {
  const error = outcome.error.slice(0, 500);
  await db.transaction().execute(async (trx) => {
    const hook = await trx
      .updateTable('ls_webhooks')
      .set((eb) => ({
        consecutive_failures: eb('consecutive_failures', '+', 1),
        failing_since: sql<Date>`coalesce(failing_since, ${now})`,
      }))
      .where('id', '=', delivery.webhook_id)
      .where('paused_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    const pause =
      hook !== undefined &&
      hook.consecutive_failures >= pauseAfterFailures &&
      now.getTime() - new Date(hook.failing_since!).getTime() >= pauseAfterMs;
    if (pause) {
      const after = await trx
        .updateTable('ls_webhooks')
        .set({ paused_at: now, paused_error: error, revision: hook.revision + 1 })
        .where('id', '=', hook.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx as unknown as Kysely<KernelTables>, systemContext, {
        action: 'pause',
        entityType: 'ls_webhook',
        entityId: hook.id,
        before: webhookAuditView(hook),
        after: webhookAuditView(after),
      });
      await tellOwner(trx, now, after);
    }
    const next = afterFailedAttempt(delivery.attempts, now);
    await trx
      .updateTable('ls_webhook_deliveries')
      // A paused webhook's deliveries are never given up on: they wait for the resume.
      .set({
        attempts: next.attempts,
        next_attempt_at: next.nextAttemptAt,
        failed_at: next.failed && !pause ? now : null,
        last_status: outcome.status,
        last_error: error,
      })
      .where('id', '=', delivery.id)
      .execute();
  });
}

/** The webhook's creator, or (gone or disabled) everyone who may configure leader support: in-app and by e-mail. */
async function tellOwner(
  trx: LeaderSupportDb,
  now: Date,
  hook: { url: string; consecutive_failures: number; created_by_user_id: string | null },
): Promise<void> {
  const active = trx.selectFrom('users').select('id').where('disabled_at', 'is', null);
  const owner = hook.created_by_user_id ? await active.where('id', '=', hook.created_by_user_id).executeTakeFirst() : undefined;
  const configurers = roles.filter((role) => rolePermissions[role].includes('leader_support:configure'));
  const userIds = owner
    ? [owner.id]
    : (
        await active
          .where(sql<boolean>`roles && ARRAY[${sql.join(configurers)}]::text[]`)
          .orderBy('id')
          .execute()
      ).map((u) => u.id);
  if (userIds.length === 0) return;

  const host = new URL(hook.url).host;
  const text: Localised = {
    nb: `Webhooken til ${host} er satt på pause etter ${hook.consecutive_failures} mislykkede forsøk på rad`,
    en: `The webhook to ${host} was paused after ${hook.consecutive_failures} failed attempts in a row`,
  };
  await trx
    .insertInto('ls_notifications')
    .values(
      userIds.map((userId) => ({ user_id: userId, request_id: null, event_id: null, text_nb: text.nb, text_en: text.en, created_at: now })),
    )
    .execute();
  const wantEmail = await trx
    .selectFrom('ls_user_preferences')
    .select('email')
    .where('user_id', 'in', userIds)
    .where('email_notifications', '=', true)
    .where('email', 'is not', null)
    .execute();
  const path = '/lederstotte/webhooker';
  const body = [
    `${text.nb}.`,
    'Leveransene venter til en administrator gjenopptar webhooken.',
    `Se webhooken i Knutepunkt: ${path}`,
    '',
    '—',
    `${text.en}.`,
    'Its deliveries wait until an administrator resumes the webhook.',
    `See the webhook in Knutepunkt: ${path}`,
  ].join('\n');
  if (wantEmail.length > 0) {
    await trx
      .insertInto('ls_email_outbox')
      .values(wantEmail.map((p) => ({ to_address: p.email!, subject: text.nb.slice(0, 250), body, request_id: null, created_at: now })))
      .execute();
  }
}
