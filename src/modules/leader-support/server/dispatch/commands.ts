import type { Kysely } from 'kysely';
import {
  AppError,
  checkOutboundUrl,
  OutboundRefusedError,
  recordAudit,
  type AuditEntry,
  type KernelTables,
  type OutboundOptions,
  type WriteContext,
} from '../../../../kernel/index.js';
import type {
  ChangeWebhookBody,
  CreateWebhookBody,
  MarkReadBody,
  PreferencesBody,
  ResumeWebhookResult,
  WebhookWriteResult,
} from '../../dispatch.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';

// The writes of the notifications, preferences and webhook pages. Each runs inside the caller's
// transaction and is audited there. Webhook secrets never reach the audit log.

const audit = (trx: LeaderSupportDb, context: WriteContext, entry: AuditEntry) =>
  recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);

function userOf(context: WriteContext): string {
  if (!context.actor) throw new AppError('unauthenticated');
  return context.actor.userId;
}

/** Marks the user's own notifications read: the given ones, or all. Others' ids are ignored. */
export async function markNotificationsRead(trx: LeaderSupportDb, context: WriteContext, body: MarkReadBody, now: Date): Promise<number> {
  const userId = userOf(context);
  let query = trx.updateTable('ls_notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
  if ('ids' in body) query = query.where('id', 'in', body.ids);
  const rows = await query.returning('id').execute();
  if (rows.length > 0) {
    await audit(trx, context, {
      action: 'mark_read',
      entityType: 'ls_notification',
      entityId: rows.length === 1 ? rows[0]!.id : null,
      after: { count: rows.length, all: 'all' in body },
    });
  }
  return rows.length;
}

/** Saves the user's own e-mail address and whether they want e-mail; stale when changed meanwhile. */
export async function savePreferences(trx: LeaderSupportDb, context: WriteContext, body: PreferencesBody): Promise<number> {
  const userId = userOf(context);
  const email = body.email?.trim() || null;
  if (body.emailNotifications && !email) {
    throw new AppError('invalid', {
      message: {
        nb: 'Skriv inn e-postadressen varslene skal sendes til, eller slå av e-postvarsler.',
        en: 'Enter the address to send notifications to, or turn e-mail off.',
      },
      details: [{ in: 'body', path: 'email', problem: 'required when emailNotifications is on' }],
    });
  }
  const before = await trx.selectFrom('ls_user_preferences').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst();
  if ((before?.revision ?? 0) !== body.revision) throw new AppError('stale', { details: { revision: before?.revision ?? 0 } });
  const after = before
    ? await trx
        .updateTable('ls_user_preferences')
        .set({ email, email_notifications: body.emailNotifications, revision: before.revision + 1 })
        .where('user_id', '=', userId)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('ls_user_preferences')
        .values({ user_id: userId, email, email_notifications: body.emailNotifications })
        .returningAll()
        .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: before ? 'update' : 'create',
    entityType: 'ls_user_preferences',
    entityId: userId,
    before,
    after,
  });
  return after.revision;
}

function checkUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url.trim());
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) {
    throw new AppError('invalid', {
      message: {
        nb: 'Adressen må være en fullstendig http- eller https-adresse.',
        en: 'The address must be a complete http or https URL.',
      },
      details: [{ in: 'body', path: 'url', problem: 'not an http(s) URL' }],
    });
  }
  return parsed.toString();
}

/**
 * Refuses a webhook URL that points inside: a literal internal address, or a name that resolves to
 * one (unless OUTBOUND_ALLOWED_HOSTS allows it). Run before the transaction: it may wait for DNS.
 */
export async function refuseInternalWebhookUrl(url: string, outbound: OutboundOptions): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return; // checkUrl explains a malformed URL
  }
  try {
    await checkOutboundUrl(parsed, outbound.policy, outbound.lookup);
  } catch (error) {
    if (!(error instanceof OutboundRefusedError)) throw error;
    const where = error.address && error.address !== error.host ? `${error.host} (${error.address})` : error.host;
    throw new AppError('invalid', {
      message: {
        nb: `Adressen ${where} er en intern adresse. Webhooker kan bare sendes til offentlige adresser, med mindre driften har tillatt adressen (OUTBOUND_ALLOWED_HOSTS).`,
        en: `The address ${where} is internal. Webhooks can only be sent to public addresses unless the operators allowed it (OUTBOUND_ALLOWED_HOSTS).`,
      },
      details: [{ in: 'body', path: 'url', problem: `internal address (${error.addressClass})` }],
    });
  }
}

const cleanDescription = (value: string | null | undefined) => value?.trim() || null;

/** A webhook as the audit log keeps it: never the secret. */
export const webhookAuditView = (row: {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  description: string | null;
  revision: number;
  paused_at?: Date | string | null;
}) => ({
  id: row.id,
  url: row.url,
  events: row.events,
  active: row.active,
  description: row.description,
  revision: row.revision,
  pausedAt: row.paused_at ? new Date(row.paused_at).toISOString() : null,
  secret: 'satt',
});
const shown = webhookAuditView;

export async function createWebhook(trx: LeaderSupportDb, context: WriteContext, body: CreateWebhookBody): Promise<WebhookWriteResult> {
  const row = await trx
    .insertInto('ls_webhooks')
    .values({
      url: checkUrl(body.url),
      secret: body.secret,
      events: body.events,
      active: body.active ?? true,
      description: cleanDescription(body.description),
      created_by_user_id: context.actor?.userId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, { action: 'create', entityType: 'ls_webhook', entityId: row.id, after: shown(row) });
  return { id: row.id, revision: row.revision };
}

async function lockWebhook(trx: LeaderSupportDb, id: string, revision: number) {
  const before = await trx.selectFrom('ls_webhooks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!before) throw new AppError('not_found', { message: { nb: 'Fant ikke webhooken.', en: 'The webhook was not found.' } });
  if (before.revision !== revision) throw new AppError('stale', { details: { revision: before.revision } });
  return before;
}

export async function changeWebhook(
  trx: LeaderSupportDb,
  context: WriteContext,
  id: string,
  body: ChangeWebhookBody,
): Promise<WebhookWriteResult> {
  const before = await lockWebhook(trx, id, body.revision);
  const after = await trx
    .updateTable('ls_webhooks')
    .set({
      url: checkUrl(body.url),
      ...(body.secret ? { secret: body.secret } : {}),
      events: body.events,
      active: body.active,
      description: body.description === undefined ? before.description : cleanDescription(body.description),
      revision: before.revision + 1,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: 'update',
    entityType: 'ls_webhook',
    entityId: id,
    before: shown(before),
    after: { ...shown(after), secretChanged: Boolean(body.secret) },
  });
  return { id, revision: after.revision };
}

/** Deletes a webhook and its delivery history. */
export async function deleteWebhook(trx: LeaderSupportDb, context: WriteContext, id: string, revision: number): Promise<void> {
  const before = await lockWebhook(trx, id, revision);
  await trx.deleteFrom('ls_webhooks').where('id', '=', id).execute();
  await audit(trx, context, { action: 'delete', entityType: 'ls_webhook', entityId: id, before: shown(before) });
}

/** Resumes a paused webhook: its failure run starts over and what waits is due again now. */
export async function resumeWebhook(
  trx: LeaderSupportDb,
  context: WriteContext,
  id: string,
  revision: number,
  now: Date,
): Promise<ResumeWebhookResult> {
  const before = await lockWebhook(trx, id, revision);
  if (!before.paused_at) {
    throw new AppError('conflict', { message: { nb: 'Webhooken er ikke satt på pause.', en: 'The webhook is not paused.' } });
  }
  const after = await trx
    .updateTable('ls_webhooks')
    .set({ paused_at: null, paused_error: null, consecutive_failures: 0, failing_since: null, revision: before.revision + 1 })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const requeued = await trx
    .updateTable('ls_webhook_deliveries')
    .set({ next_attempt_at: now })
    .where('webhook_id', '=', id)
    .where('delivered_at', 'is', null)
    .where('failed_at', 'is', null)
    .returning('id')
    .execute();
  await audit(trx, context, {
    action: 'resume',
    entityType: 'ls_webhook',
    entityId: id,
    before: { ...shown(before), failures: before.consecutive_failures, lastError: before.paused_error },
    after: { ...shown(after), requeued: requeued.length },
  });
  return { id, revision: after.revision, requeued: requeued.length };
}
