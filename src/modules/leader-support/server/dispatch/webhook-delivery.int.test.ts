import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../../../test/helpers/test-app.js';
import { parseOutboundAllowList } from '../../../../kernel/index.js';
import type { WebhookList } from '../../dispatch.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { insertTestCategory, insertTestRequest } from './dispatch-test-data.js';
import { runDispatcher } from './dispatcher.js';
import type { Mailer } from './mailer.js';
import { deliveriesPerWebhook, pauseAfterFailures } from './webhook-delivery.js';

// Receivers on this machine: the on-premise path, so the operator allows 127.0.0.1 explicitly.
const t = useTestApp({ env: { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' } });
const db = () => t.database.db as unknown as LeaderSupportDb;
const outbound = { policy: parseOutboundAllowList('127.0.0.1', 'OUTBOUND_ALLOWED_HOSTS').policy };
const noMail: Mailer = { configured: false, send: async () => {} };
const round = (now: Date, timeoutMs = 1_000) => runDispatcher(db(), now, { mailer: noMail, outbound, timeoutMs });

/** A local receiver: answers `status()` at once, or never (null) — it keeps the connection open until the test ends. */
async function startReceiver(status: () => number | null) {
  const deliveries: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    deliveries.push(String(request.headers['x-knutepunkt-delivery']));
    const answer = status();
    if (answer !== null) response.writeHead(answer).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

let admin: SignedIn;
let owner: SignedIn;
let requestId: string;
let healthy: Awaited<ReturnType<typeof startReceiver>>;
let silent: Awaited<ReturnType<typeof startReceiver>>;
let failingStatus = 500;
let failing: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  admin = await t.signInAs(['administrator'], 'Admin Annen');
  owner = await t.signInAs(['administrator'], 'Eier Webhook');
  healthy = await startReceiver(() => 204);
  silent = await startReceiver(() => null);
  failing = await startReceiver(() => failingStatus);
  const group = await db()
    .insertInto('ls_groups')
    .values({ key: 'fair-test', name: 'Test', line: 1, unit_id: null, specialisation: null, source: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const category = await insertTestCategory(db(), 'fair-test', 'T');
  const request = await insertTestRequest(db(), {
    category_id: category,
    subject: 'Webhook-test',
    requester_user_id: null,
    requester_name: 'Test',
    group_id: group.id,
  });
  requestId = request.id;
  await db()
    .insertInto('ls_user_preferences')
    .values({ user_id: owner.userId, email: 'eier@kommune.example.no', email_notifications: true })
    .execute();
  // Whatever the dataset brought is not this file's business.
  await db().updateTable('ls_request_events').set({ dispatched_at: new Date() }).where('dispatched_at', 'is', null).execute();
});
afterAll(async () => {
  await Promise.all([healthy?.close(), silent?.close(), failing?.close()]);
});

async function addWebhook(user: SignedIn, url: string): Promise<string> {
  const response = await t.knutepunkt.app.inject({
    method: 'POST',
    url: '/api/leader-support/webhooks',
    headers: user.headers,
    payload: { url, secret: 'sixteen-chars-at-least', events: ['noted'] },
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

async function addEvents(count: number): Promise<void> {
  await db()
    .insertInto('ls_request_events')
    .values(
      Array.from({ length: count }, () => ({ request_id: requestId, type: 'noted', actor_user_id: null, actor_name: null, data: '{}' })),
    )
    .execute();
}

const webhookOf = async (id: string) =>
  (
    (
      await t.knutepunkt.app.inject({ method: 'GET', url: '/api/leader-support/webhooks', headers: { cookie: admin.cookie } })
    ).json() as WebhookList
  ).webhooks.find((w) => w.id === id)!;

describe('[DISPATCHER][WEBHOOK_FAIRNESS]', () => {
  it('a receiver that never answers costs one attempt a round; the healthy one gets all its deliveries in the first round', async () => {
    // The silent receiver's webhook is older, so its deliveries come first in time.
    const silentId = await addWebhook(admin, silent.url);
    const healthyId = await addWebhook(admin, healthy.url);
    const count = deliveriesPerWebhook - 1;
    await addEvents(count);
    const now = new Date('2033-01-10T09:00:00Z');

    const result = await round(now);
    expect(new Set(healthy.deliveries).size).toBe(count);
    expect(silent.deliveries).toHaveLength(1);
    expect(result.deliveries).toBe(count + 1);
    expect((await webhookOf(healthyId)).pending).toBe(0);
    // The silent one's other deliveries were not tried: due again next round, no attempt counted.
    const waiting = await db()
      .selectFrom('ls_webhook_deliveries')
      .select(['attempts', 'next_attempt_at', 'last_error'])
      .where('webhook_id', '=', silentId)
      .execute();
    expect(waiting.filter((d) => d.attempts === 1).map((d) => d.last_error)).toEqual(['no answer within 1 s']);
    expect(waiting.filter((d) => d.attempts === 0 && new Date(d.next_attempt_at) <= now)).toHaveLength(count - 1);

    await t.knutepunkt.app.inject({
      method: 'DELETE',
      url: `/api/leader-support/webhooks/${silentId}?revision=1`,
      headers: admin.headers,
    });
  });

  it('pauses a receiver that keeps failing, tells its owner, and an administrator resumes it', async () => {
    const failingId = await addWebhook(owner, failing.url);
    await addEvents(3);
    const start = new Date('2033-02-01T09:00:00Z');
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    const healthyBefore = healthy.deliveries.length;

    // One attempt a round while it fails; paused at the sixth failure, half an hour after the first.
    for (let n = 0; n < pauseAfterFailures; n += 1) {
      expect((await webhookOf(failingId)).paused).toBeNull();
      await round(minutes(10 * n));
    }
    expect(failing.deliveries).toHaveLength(pauseAfterFailures);
    expect(healthy.deliveries.length - healthyBefore).toBe(3); // the healthy webhook is not held up
    const paused = await webhookOf(failingId);
    expect(paused.paused).toEqual({
      at: minutes(50).toISOString(),
      failures: pauseAfterFailures,
      failingSince: start.toISOString(),
      lastError: 'HTTP 500',
    });
    expect(paused.pending).toBe(3);
    expect(paused.failed).toBe(0);

    // Its owner is told in the app and by e-mail; the other administrator is not.
    const told = await db()
      .selectFrom('ls_notifications')
      .select(['user_id', 'text_nb', 'text_en'])
      .where('request_id', 'is', null)
      .execute();
    expect(told).toEqual([
      {
        user_id: owner.userId,
        text_nb: expect.stringMatching(/^Webhooken til 127\.0\.0\.1:\d+ er satt på pause etter 6 mislykkede forsøk på rad$/),
        text_en: expect.stringMatching(/was paused after 6 failed attempts in a row$/),
      },
    ]);
    const mail = await db()
      .selectFrom('ls_email_outbox')
      .select(['to_address', 'body'])
      .where('subject', 'like', 'Webhooken til%')
      .execute();
    expect(mail).toEqual([{ to_address: 'eier@kommune.example.no', body: expect.stringContaining('/lederstotte/webhooker') }]);
    const pauseAudit = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', failingId)
      .where('action', '=', 'pause')
      .execute();
    expect(pauseAudit).toEqual([{ action: 'pause', actor_user_id: null }]);

    // Paused: nothing is tried, however long it waits.
    await round(minutes(24 * 60));
    expect(failing.deliveries).toHaveLength(pauseAfterFailures);

    // Resume: administrators only, at the current revision, only when paused; audited.
    const resume = (user: SignedIn, revision: number) =>
      t.knutepunkt.app.inject({
        method: 'POST',
        url: `/api/leader-support/webhooks/${failingId}/resume`,
        headers: user.headers,
        payload: { revision },
      });
    const handler = await t.signInAs(['first_line_agent']);
    expect((await resume(handler, paused.revision)).statusCode).toBe(403);
    expect((await resume(owner, paused.revision - 1)).statusCode).toBe(409);
    const audits = await t.auditCount();
    failingStatus = 200;
    const resumed = await resume(owner, paused.revision);
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toEqual({ id: failingId, revision: paused.revision + 1, requeued: 3 });
    expect(await t.auditCount()).toBe(audits + 1);
    const again = await resume(owner, paused.revision + 1);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');

    // What waited goes out in the next round.
    await round(minutes(24 * 60 + 1));
    expect(new Set(failing.deliveries.slice(pauseAfterFailures)).size).toBe(3);
    const after = await webhookOf(failingId);
    expect(after).toMatchObject({ paused: null, pending: 0, failed: 0 });
    const row = await db()
      .selectFrom('ls_webhooks')
      .select(['consecutive_failures', 'failing_since'])
      .where('id', '=', failingId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ consecutive_failures: 0, failing_since: null });
  });
});
