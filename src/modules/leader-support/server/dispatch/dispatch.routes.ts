import { Type } from 'typebox';
import { AppError, writeContext, type App, type ModuleContext } from '../../../../kernel/index.js';
import {
  ChangeWebhookBody,
  CreateWebhookBody,
  DeleteWebhookQuery,
  IdParams,
  MarkReadBody,
  MarkReadResult,
  NotificationList,
  NotificationsQuery,
  Outbox,
  OutboxQuery,
  Preferences,
  PreferencesBody,
  ResumeWebhookBody,
  ResumeWebhookResult,
  WebhookDeliveries,
  WebhookList,
  WebhookWriteResult,
} from '../../dispatch.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import {
  changeWebhook,
  createWebhook,
  deleteWebhook,
  markNotificationsRead,
  refuseInternalWebhookUrl,
  resumeWebhook,
  savePreferences,
} from './commands.js';
import { countUnread, selectDeliveries, selectNotifications, selectOutbox, selectPreferences, selectWebhooks } from './dispatch.queries.js';
import { mailerFor } from './mailer.js';
import { startDispatcher, type DispatcherHandle } from './worker.js';

const tags = ['leader-support'];
const base = '/api/leader-support';
/** How often the background dispatcher looks for work. */
export const dispatchIntervalMs = 10_000;

export interface DispatchRoutesOptions {
  /**
   * Run the background dispatcher while the app is up (started on ready, stopped on close).
   * Default: on, except under Vitest, where tests call runDispatcher themselves.
   */
  dispatcher?: boolean;
}

/** Notifications and e-mail preference (every signed-in user), the outbox and webhooks (administrators), and the dispatcher. */
export function registerDispatchRoutes(app: App, context: ModuleContext, options: DispatchRoutesOptions = {}): void {
  const db = context.database.db as unknown as LeaderSupportDb;
  // Each write is one transaction: the command checks, writes and audits, or nothing changes.
  const inTransaction = <T>(run: (trx: LeaderSupportDb) => Promise<T>) => db.transaction().execute(run);
  const userId = (actor: { userId: string } | null) => {
    if (!actor) throw new AppError('unauthenticated');
    return actor.userId;
  };

  // --- Notifications ------------------------------------------------------------------------------

  app.get(
    `${base}/notifications`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: NotificationsQuery,
        response: { 200: NotificationList },
      },
    },
    async (request) => {
      const user = userId(request.actor);
      const notifications = await selectNotifications(db, user, {
        unreadOnly: request.query.unreadOnly ?? false,
        limit: request.query.limit ?? 50,
      });
      return { notifications, unread: await countUnread(db, user) };
    },
  );

  app.post(
    `${base}/notifications/read`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark my notifications read: some ({ids}) or all ({all: true})',
        body: MarkReadBody,
        response: { 200: MarkReadResult },
      },
    },
    async (request) => {
      const write = writeContext(request);
      const marked = await inTransaction((trx) => markNotificationsRead(trx, write, request.body, new Date()));
      return { marked, unread: await countUnread(db, userId(request.actor)) };
    },
  );

  // --- Preferences --------------------------------------------------------------------------------

  app.get(
    `${base}/preferences`,
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'My e-mail address for notifications, and whether e-mail is on', response: { 200: Preferences } },
    },
    async (request) => selectPreferences(db, userId(request.actor)),
  );

  app.put(
    `${base}/preferences`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Change my e-mail address for notifications and turn e-mail on or off',
        body: PreferencesBody,
        response: { 200: Preferences },
      },
    },
    async (request) => {
      const write = writeContext(request);
      await inTransaction((trx) => savePreferences(trx, write, request.body));
      return selectPreferences(db, userId(request.actor));
    },
  );

  // --- Outbox -------------------------------------------------------------------------------------

  app.get(
    `${base}/outbox`,
    {
      config: { access: 'leader_support:configure' },
      schema: {
        tags,
        summary: 'The e-mail outbox, newest first (unsent when no SMTP server is configured)',
        querystring: OutboxQuery,
        response: { 200: Outbox },
      },
    },
    async (request) => ({ smtpConfigured: Boolean(context.config.smtp), ...(await selectOutbox(db, request.query.limit ?? 100)) }),
  );

  // --- Webhooks -----------------------------------------------------------------------------------

  const configure = { access: 'leader_support:configure' as const };
  const outbound = { policy: context.config.outbound };

  app.get(
    `${base}/webhooks`,
    { config: configure, schema: { tags, summary: 'The webhooks (secrets never shown)', response: { 200: WebhookList } } },
    async () => ({
      webhooks: await selectWebhooks(db),
    }),
  );

  app.post(
    `${base}/webhooks`,
    { config: configure, schema: { tags, summary: 'Add a webhook', body: CreateWebhookBody, response: { 201: WebhookWriteResult } } },
    async (request, reply) => {
      const write = writeContext(request);
      await refuseInternalWebhookUrl(request.body.url, outbound);
      const result = await inTransaction((trx) => createWebhook(trx, write, request.body));
      return reply.code(201).send(result);
    },
  );

  app.put(
    `${base}/webhooks/:id`,
    {
      config: configure,
      schema: {
        tags,
        summary: 'Change a webhook (without secret: the secret stays)',
        params: IdParams,
        body: ChangeWebhookBody,
        response: { 200: WebhookWriteResult },
      },
    },
    async (request) => {
      const write = writeContext(request);
      await refuseInternalWebhookUrl(request.body.url, outbound);
      return inTransaction((trx) => changeWebhook(trx, write, request.params.id, request.body));
    },
  );

  app.post(
    `${base}/webhooks/:id/resume`,
    {
      config: configure,
      schema: {
        tags,
        summary: 'Resume a paused webhook; its waiting deliveries are sent in the next round',
        params: IdParams,
        body: ResumeWebhookBody,
        response: { 200: ResumeWebhookResult },
      },
    },
    async (request) => {
      const write = writeContext(request);
      return inTransaction((trx) => resumeWebhook(trx, write, request.params.id, request.body.revision, new Date()));
    },
  );

  app.delete(
    `${base}/webhooks/:id`,
    {
      config: configure,
      schema: {
        tags,
        summary: 'Delete a webhook and its deliveries',
        params: IdParams,
        querystring: DeleteWebhookQuery,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const write = writeContext(request);
      await inTransaction((trx) => deleteWebhook(trx, write, request.params.id, request.query.revision));
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${base}/webhooks/:id/deliveries`,
    {
      config: configure,
      schema: { tags, summary: "A webhook's recent deliveries and their status", params: IdParams, response: { 200: WebhookDeliveries } },
    },
    async (request) => {
      const [webhook] = await selectWebhooks(db, request.params.id);
      if (!webhook) throw new AppError('not_found', { message: { nb: 'Fant ikke webhooken.', en: 'The webhook was not found.' } });
      return { webhookId: webhook.id, deliveries: await selectDeliveries(db, webhook.id) };
    },
  );

  // --- The background dispatcher -------------------------------------------------------------------

  const runInBackground = options.dispatcher ?? !process.env.VITEST;
  if (runInBackground) {
    const mailer = mailerFor(context.config.smtp);
    let handle: DispatcherHandle | undefined;
    app.addHook('onReady', async () => {
      handle = startDispatcher(db, { intervalMs: dispatchIntervalMs, mailer, outbound, log: (message) => app.log.info(message) });
    });
    app.addHook('onClose', async () => {
      await handle?.stop();
      mailer.close?.();
    });
  }
}
