import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../../../test/helpers/test-app.js';
import {
  parseOutboundAllowList,
  strictOutboundPolicy,
  systemContext,
  type HostLookup,
  type OutboundTransport,
} from '../../../../kernel/index.js';
import type { NotificationList, Outbox, Preferences, WebhookDeliveries, WebhookList } from '../../dispatch.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { resumeWebhook } from './commands.js';
import { insertTestCategory, insertTestRequest } from './dispatch-test-data.js';
import { runDispatcher, type WebhookPayload } from './dispatcher.js';
import type { Mailer, MailMessage } from './mailer.js';
import { verifyWebhookSignature } from './webhook-signing.js';

const t = useTestApp();
const db = () => t.database.db as unknown as LeaderSupportDb;

// The cast of one request: a requester (a leader), the first-line agent who has it, the members of a
// second-line group it is escalated to, and two bystanders who must hear nothing.
let requester: { id: string };
let agent: { id: string };
let secondLine: { id: string }[];
let firstLineMember: { id: string };
let firstGroup: string;
let secondGroup: string;
let category: string;

beforeAll(async () => {
  requester = await t.createUser(['leader'], 'Rektor Rask');
  agent = await t.createUser(['first_line_agent'], 'Agent Først');
  firstLineMember = await t.createUser(['first_line_agent'], 'Agent Kollega');
  secondLine = [await t.createUser(['second_line_agent'], 'Lønn En'), await t.createUser(['second_line_agent'], 'Lønn To')];
  const groups = await db()
    .insertInto('ls_groups')
    .values([
      { key: 'dispatch-test-first', name: 'Testlinje 1', line: 1, unit_id: null, specialisation: null, source: null },
      { key: 'dispatch-test-second', name: 'Lønn og personal (test)', line: 2, unit_id: null, specialisation: null, source: null },
    ])
    .returning(['id', 'key'])
    .execute();
  firstGroup = groups.find((g) => g.key === 'dispatch-test-first')!.id;
  secondGroup = groups.find((g) => g.key === 'dispatch-test-second')!.id;
  await db()
    .insertInto('ls_group_members')
    .values([
      { group_id: firstGroup, user_id: agent.id },
      { group_id: firstGroup, user_id: firstLineMember.id },
      ...secondLine.map((u) => ({ group_id: secondGroup, user_id: u.id })),
    ])
    .execute();
  category = await insertTestCategory(db(), 'dispatch-test', 'Test');
  // Whatever the dataset brought is not this file's business.
  await db().updateTable('ls_request_events').set({ dispatched_at: new Date() }).where('dispatched_at', 'is', null).execute();
});

async function newRequest(values: Partial<Record<string, unknown>> = {}): Promise<{ id: string; number: number }> {
  return insertTestRequest(db(), {
    category_id: category,
    subject: 'Lønn til vikar mangler',
    requester_user_id: requester.id,
    requester_name: 'Rektor Rask',
    group_id: firstGroup,
    assignee_user_id: agent.id,
    ...values,
  });
}

async function addEvent(requestId: string, type: string, actorUserId: string | null, data: Record<string, unknown> = {}): Promise<number> {
  const row = await db()
    .insertInto('ls_request_events')
    .values({ request_id: requestId, type, actor_user_id: actorUserId, actor_name: null, data: JSON.stringify(data) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function notificationsOf(eventId: number) {
  const rows = await db()
    .selectFrom('ls_notifications')
    .select(['user_id', 'text_nb', 'text_en'])
    .where('event_id', '=', String(eventId))
    .execute();
  return new Map(rows.map((r) => [r.user_id, r]));
}

class FakeMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  failWith: Error | null = null;
  async send(message: MailMessage) {
    if (this.failWith) throw this.failWith;
    this.sent.push(message);
  }
}

interface Received {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** A webhook receiver at a public address (a fake DNS answer) that answers with the next status in line (then the last one, forever). */
function fakeReceiver(statuses: (number | 'network')[]) {
  const received: Received[] = [];
  const transport: OutboundTransport = async (request) => {
    received.push({ url: request.url.toString(), body: request.body, headers: { ...request.headers } });
    const status = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
    if (status === 'network') throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    return { status };
  };
  const lookup: HostLookup = async () => [{ address: '192.0.43.10', family: 4 }];
  return { outbound: { policy: strictOutboundPolicy, lookup, transport }, received };
}

const at = (iso: string) => new Date(iso);

describe('[DISPATCHER][NOTIFY]', () => {
  it('tells the requester about public changes, the assignee about all, never the actor, and never the requester about an internal note', async () => {
    const request = await newRequest();
    const ref = `LS-${request.number}`;
    const resolved = await addEvent(request.id, 'resolved', agent.id, { from: 'in_progress', to: 'resolved' });
    const noted = await addEvent(request.id, 'noted', firstLineMember.id, { messageId: '00000000-0000-4000-8000-000000000001' });
    const replied = await addEvent(request.id, 'replied', requester.id, {
      messageId: '00000000-0000-4000-8000-000000000002',
      fromRequester: true,
    });
    const priority = await addEvent(request.id, 'priority', firstLineMember.id, { from: 'normal', to: 'high' });
    const logged = await addEvent(request.id, 'time_logged', agent.id, { minutes: 30, line: 1 });

    const result = await runDispatcher(db(), new Date(), { mailer: new FakeMailer(), outbound: fakeReceiver([200]).outbound });
    expect(result.events).toBe(5);

    const onResolved = await notificationsOf(resolved);
    expect([...onResolved.keys()]).toEqual([requester.id]); // the agent resolved it: not told of their own act
    expect(onResolved.get(requester.id)).toMatchObject({
      text_nb: `Henvendelse ${ref} er løst`,
      text_en: `Request ${ref} has been resolved`,
    });

    const onNote = await notificationsOf(noted);
    expect([...onNote.keys()]).toEqual([agent.id]);
    expect(onNote.get(agent.id)!.text_nb).toMatch(/internt notat/);

    const onReply = await notificationsOf(replied);
    expect([...onReply.keys()]).toEqual([agent.id]); // the requester wrote it

    expect([...(await notificationsOf(priority)).keys()]).toEqual([agent.id]); // priority is internal
    expect((await notificationsOf(logged)).size).toBe(0);

    const undispatched = await db().selectFrom('ls_request_events').select('id').where('dispatched_at', 'is', null).execute();
    expect(undispatched).toEqual([]);
    // A second round finds nothing to do.
    expect(await runDispatcher(db(), new Date(), { mailer: new FakeMailer(), outbound: fakeReceiver([200]).outbound })).toEqual({
      events: 0,
      notifications: 0,
      emails: 0,
      deliveries: 0,
      sweeps: 0,
    });
  });

  it('an internal note is never told to the requester, even when they are the assignee', async () => {
    const request = await newRequest({ assignee_user_id: requester.id });
    const noted = await addEvent(request.id, 'noted', agent.id, { messageId: '00000000-0000-4000-8000-000000000003' });
    await runDispatcher(db(), new Date(), { mailer: new FakeMailer() });
    expect((await notificationsOf(noted)).size).toBe(0);
  });

  it('tells the members of the new group about an escalation, and the requester in plain words', async () => {
    const request = await newRequest();
    const escalated = await addEvent(request.id, 'escalated', agent.id, {
      fromLine: 1,
      toLine: 2,
      groupId: secondGroup,
      groupName: 'Lønn og personal (test)',
      reason: 'Trenger lønn',
    });
    await runDispatcher(db(), new Date(), { mailer: new FakeMailer() });
    const told = await notificationsOf(escalated);
    expect(new Set(told.keys())).toEqual(new Set([requester.id, ...secondLine.map((u) => u.id)]));
    expect(told.get(secondLine[0]!.id)!.text_nb).toBe(`Henvendelse LS-${request.number} er eskalert til Lønn og personal (test)`);
    expect(told.get(requester.id)!.text_nb).toBe(`Henvendelse LS-${request.number} er sendt videre til 2. linje`);
    expect(told.has(firstLineMember.id)).toBe(false);
  });
});

describe('[DISPATCHER][TWO_WORKERS]', () => {
  it('two rounds at once dispatch each event and send each delivery exactly once', async () => {
    const [hook] = await db()
      .insertInto('ls_webhooks')
      .values({ url: 'https://twice.example.no', secret: 'a-secret-for-two-workers', events: ['replied'], description: null })
      .returning('id')
      .execute();
    const request = await newRequest();
    const ids: number[] = [];
    for (let i = 0; i < 30; i += 1)
      ids.push(await addEvent(request.id, 'replied', firstLineMember.id, { messageId: '00000000-0000-4000-8000-000000000010' }));
    const receiver = fakeReceiver([200]);
    const now = new Date();
    const [a, b] = await Promise.all([
      runDispatcher(db(), now, { mailer: new FakeMailer(), outbound: receiver.outbound }),
      runDispatcher(db(), now, { mailer: new FakeMailer(), outbound: receiver.outbound }),
    ]);
    expect(a.events + b.events).toBe(30);
    // A round takes at most 25 deliveries per webhook, and a round that found the events still being
    // dispatched by the other may have found no deliveries yet: a later round sends the rest, once.
    await runDispatcher(db(), now, { mailer: new FakeMailer(), outbound: receiver.outbound });
    const notifications = await db()
      .selectFrom('ls_notifications')
      .select(['event_id', 'user_id'])
      .where('event_id', 'in', ids.map(String))
      .execute();
    // The requester and the assignee, once per event.
    expect(notifications).toHaveLength(60);
    expect(new Set(notifications.map((n) => `${n.event_id}/${n.user_id}`)).size).toBe(60);
    expect(receiver.received).toHaveLength(30);
    expect(new Set(receiver.received.map((r) => r.headers['x-knutepunkt-delivery'])).size).toBe(30);
    await db().deleteFrom('ls_webhooks').where('id', '=', hook!.id).execute();
  });
});

describe('[DISPATCHER][EMAIL]', () => {
  it('writes an e-mail for each notified user with an address and e-mail on, and sends it through the mailer', async () => {
    await db()
      .insertInto('ls_user_preferences')
      .values({ user_id: requester.id, email: 'rektor@skole.example.no', email_notifications: true })
      .execute();
    await db()
      .insertInto('ls_user_preferences')
      .values({ user_id: agent.id, email: 'agent@example.no', email_notifications: false })
      .execute();
    const request = await newRequest();
    await addEvent(request.id, 'replied', firstLineMember.id, { messageId: '00000000-0000-4000-8000-000000000004' });
    await addEvent(request.id, 'noted', firstLineMember.id, { messageId: '00000000-0000-4000-8000-000000000005' });

    const mailer = new FakeMailer();
    const result = await runDispatcher(db(), new Date(), { mailer });
    // The requester (address, on) gets the reply; the agent has e-mail off; nobody gets the note by e-mail but the agent, who is off.
    expect(mailer.sent).toHaveLength(1);
    expect(result.emails).toBe(1);
    expect(mailer.sent[0]).toMatchObject({ to: 'rektor@skole.example.no', subject: expect.stringContaining(`LS-${request.number}`) });
    expect(mailer.sent[0]!.text).toContain(`/lederstotte/henvendelser/${request.number}`);
    const outbox = await db().selectFrom('ls_email_outbox').selectAll().where('request_id', '=', request.id).execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.sent_at).not.toBeNull();
  });

  it('without SMTP the e-mails stay in the outbox, unsent; a refusing mail server is recorded and retried', async () => {
    const request = await newRequest();
    await addEvent(request.id, 'resolved', agent.id, { from: 'in_progress', to: 'resolved' });
    await runDispatcher(db(), new Date(), { mailer: { configured: false, send: async () => expect.unreachable() } });
    const waiting = await db().selectFrom('ls_email_outbox').selectAll().where('request_id', '=', request.id).executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({ sent_at: null, attempts: 0, to_address: 'rektor@skole.example.no' });

    const failing = new FakeMailer();
    failing.failWith = new Error('550 mailbox unavailable');
    await runDispatcher(db(), new Date(), { mailer: failing });
    expect(await db().selectFrom('ls_email_outbox').selectAll().where('id', '=', waiting.id).executeTakeFirstOrThrow()).toMatchObject({
      sent_at: null,
      attempts: 1,
      last_error: '550 mailbox unavailable',
    });
    const working = new FakeMailer();
    await runDispatcher(db(), new Date(), { mailer: working });
    expect(working.sent.map((m) => m.to)).toEqual(['rektor@skole.example.no']);
  });
});

describe('[DISPATCHER][WEBHOOK]', () => {
  const secret = 'a-very-secret-shared-key';

  it('posts a signed JSON payload to each active webhook subscribed to the type', async () => {
    const [all, resolvedOnly, inactive] = await db()
      .insertInto('ls_webhooks')
      .values([
        { url: 'https://hooks.example.no/all', secret, events: [], description: null },
        { url: 'https://hooks.example.no/resolved', secret: 'another-secret-1234567', events: ['resolved'], description: null },
        { url: 'https://hooks.example.no/off', secret, events: [], active: false, description: null },
      ])
      .returning('id')
      .execute();
    const request = await newRequest();
    const noted = await addEvent(request.id, 'noted', agent.id, { messageId: '00000000-0000-4000-8000-000000000006' });
    const resolved = await addEvent(request.id, 'resolved', agent.id, { from: 'in_progress', to: 'resolved' });
    const receiver = fakeReceiver([200]);
    const now = new Date();
    const result = await runDispatcher(db(), now, { mailer: new FakeMailer(), outbound: receiver.outbound });

    expect(result.deliveries).toBe(3);
    expect(receiver.received.map((r) => r.url).sort()).toEqual([
      'https://hooks.example.no/all',
      'https://hooks.example.no/all',
      'https://hooks.example.no/resolved',
    ]);
    for (const call of receiver.received) {
      const usedSecret = call.url.endsWith('/resolved') ? 'another-secret-1234567' : secret;
      expect(verifyWebhookSignature(usedSecret, call.body, call.headers['x-knutepunkt-signature'])).toBe(true);
      expect(verifyWebhookSignature('not-the-secret-at-all', call.body, call.headers['x-knutepunkt-signature'])).toBe(false);
      expect(call.headers['content-type']).toBe('application/json');
      const payload = JSON.parse(call.body) as WebhookPayload;
      expect(call.headers['x-knutepunkt-event']).toBe(payload.type);
      expect(call.headers['x-knutepunkt-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      expect(payload.request).toEqual({
        id: request.id,
        number: request.number,
        subject: 'Lønn til vikar mangler',
        status: 'new',
        priority: 'normal',
        line: 1,
      });
      expect(Object.keys(payload)).toEqual(['id', 'type', 'createdAt', 'request', 'data']);
    }
    const resolvedCall = receiver.received.find((r) => r.url.endsWith('/resolved'))!;
    expect(JSON.parse(resolvedCall.body)).toMatchObject({ id: resolved, type: 'resolved', data: { from: 'in_progress', to: 'resolved' } });
    expect(receiver.received.some((r) => (JSON.parse(r.body) as WebhookPayload).id === noted)).toBe(true);

    const deliveries = await db()
      .selectFrom('ls_webhook_deliveries')
      .selectAll()
      .where('event_id', 'in', [String(noted), String(resolved)])
      .execute();
    expect(deliveries.filter((d) => d.webhook_id === inactive!.id)).toEqual([]);
    expect(deliveries.filter((d) => d.webhook_id === all!.id)).toHaveLength(2);
    expect(deliveries.filter((d) => d.webhook_id === resolvedOnly!.id)).toHaveLength(1);
    for (const delivery of deliveries) expect(delivery).toMatchObject({ attempts: 1, last_status: 200, failed_at: null });
    await db().deleteFrom('ls_webhooks').execute();
  });

  it('retries a failing receiver with growing pauses, pauses it after six failures in half an hour, and gives up after eight attempts', async () => {
    const [hook] = await db()
      .insertInto('ls_webhooks')
      .values({ url: 'http://down.example.no/hook', secret, events: ['closed'], description: null })
      .returning('id')
      .execute();
    const request = await newRequest();
    await addEvent(request.id, 'closed', agent.id, {});
    const receiver = fakeReceiver([500, 'network', 503]);
    let now = at('2031-03-03T08:00:00Z');
    const deliveryRow = () =>
      db().selectFrom('ls_webhook_deliveries').selectAll().where('webhook_id', '=', hook!.id).executeTakeFirstOrThrow();
    const webhookRow = () => db().selectFrom('ls_webhooks').selectAll().where('id', '=', hook!.id).executeTakeFirstOrThrow();

    await runDispatcher(db(), now, { mailer: new FakeMailer(), outbound: receiver.outbound });
    let delivery = await deliveryRow();
    expect(delivery).toMatchObject({ attempts: 1, last_status: 500, last_error: 'HTTP 500', failed_at: null });
    expect(new Date(delivery.next_attempt_at).getTime() - now.getTime()).toBe(60_000);

    // Not due yet: nothing is sent.
    await runDispatcher(db(), new Date(now.getTime() + 59_000), { mailer: new FakeMailer(), outbound: receiver.outbound });
    expect(receiver.received).toHaveLength(1);

    const waits: number[] = [];
    const attemptWhenDue = async (attempt: number) => {
      now = new Date(delivery.next_attempt_at);
      await runDispatcher(db(), now, { mailer: new FakeMailer(), outbound: receiver.outbound });
      delivery = await deliveryRow();
      expect(delivery.attempts).toBe(attempt);
      waits.push((new Date(delivery.next_attempt_at).getTime() - now.getTime()) / 60_000);
    };
    for (let attempt = 2; attempt <= 6; attempt += 1) await attemptWhenDue(attempt);
    expect(waits).toEqual([2, 4, 8, 16, 32]);
    // Six failures in a row over 31 minutes: paused, and the delivery waits instead of being given up.
    expect(await webhookRow()).toMatchObject({ consecutive_failures: 6, paused_error: 'HTTP 503' });
    expect((await webhookRow()).paused_at).not.toBeNull();
    await runDispatcher(db(), new Date(now.getTime() + 24 * 3600_000), { mailer: new FakeMailer(), outbound: receiver.outbound });
    expect(receiver.received).toHaveLength(6);
    expect(await deliveryRow()).toMatchObject({ attempts: 6, failed_at: null, delivered_at: null });

    // Resumed: the delivery is due at once; after its eighth attempt it is given up on, never tried again.
    const webhook = await webhookRow();
    await db()
      .transaction()
      .execute((trx) => resumeWebhook(trx, systemContext, hook!.id, webhook.revision, now));
    delivery = await deliveryRow();
    await attemptWhenDue(7);
    await attemptWhenDue(8);
    expect(delivery.failed_at).not.toBeNull();
    expect(delivery.delivered_at).toBeNull();
    expect(receiver.received).toHaveLength(8);
    await runDispatcher(db(), new Date(now.getTime() + 24 * 3600_000), { mailer: new FakeMailer(), outbound: receiver.outbound });
    expect(receiver.received).toHaveLength(8);
    await db().deleteFrom('ls_webhooks').execute();
  });
});

describe('[DISPATCHER][SLA]', () => {
  it('warns once, marks breaches, raises the priority one step and tells the group', async () => {
    const now = at('2032-05-05T10:00:00Z');
    const before = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const after = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    const warn = await newRequest({
      resolution_warn_at: before(5),
      resolution_due_at: after(60),
      response_due_at: after(30),
      first_response_at: null,
    });
    const late = await newRequest({
      priority: 'low',
      status: 'in_progress',
      assignee_user_id: null,
      resolution_warn_at: before(120),
      warned_at: before(100),
      resolution_due_at: before(1),
      response_due_at: before(200),
      first_response_at: null,
    });
    const paused = await newRequest({
      status: 'waiting',
      paused_at: before(500),
      resolution_warn_at: before(5),
      resolution_due_at: before(1),
    });
    const urgent = await newRequest({
      priority: 'urgent',
      resolution_warn_at: before(90),
      warned_at: before(90),
      resolution_due_at: before(30),
      first_response_at: before(100),
    });

    const sweep = await runDispatcher(db(), now, { mailer: new FakeMailer() });
    // warning (1) + late: response breach, resolution breach, priority (3) + urgent: resolution breach (1)
    expect(sweep.sweeps).toBe(5);

    const eventsOf = async (id: string) =>
      (await db().selectFrom('ls_request_events').select(['type', 'data']).where('request_id', '=', id).orderBy('id').execute()).map(
        (e) => ({
          type: e.type,
          data: e.data,
        }),
      );
    expect(await eventsOf(warn.id)).toEqual([{ type: 'sla_warning', data: expect.objectContaining({ clock: 'resolution' }) }]);
    expect(await eventsOf(late.id)).toEqual([
      { type: 'sla_breach', data: expect.objectContaining({ clock: 'response' }) },
      { type: 'sla_breach', data: expect.objectContaining({ clock: 'resolution' }) },
      { type: 'priority', data: { from: 'low', to: 'normal', reason: 'sla_breach' } },
    ]);
    expect(await eventsOf(paused.id)).toEqual([]);
    expect(await eventsOf(urgent.id)).toEqual([{ type: 'sla_breach', data: expect.objectContaining({ clock: 'resolution' }) }]);

    const rows = await db()
      .selectFrom('ls_requests')
      .select(['id', 'priority', 'warned_at', 'response_breached', 'resolution_breached', 'revision'])
      .where('id', 'in', [warn.id, late.id, urgent.id])
      .execute();
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row(warn.id)).toMatchObject({ priority: 'normal', response_breached: false, resolution_breached: false, revision: 1 });
    expect(row(warn.id).warned_at).not.toBeNull();
    expect(row(late.id)).toMatchObject({ priority: 'normal', response_breached: true, resolution_breached: true, revision: 2 });
    expect(row(urgent.id)).toMatchObject({ priority: 'urgent', resolution_breached: true, revision: 1 });

    // The next round dispatches them: the group hears of the breach; nothing is swept twice.
    const next = await runDispatcher(db(), after(1), { mailer: new FakeMailer() });
    expect(next.sweeps).toBe(0);
    const breach = await db()
      .selectFrom('ls_request_events')
      .select('id')
      .where('request_id', '=', late.id)
      .where('type', '=', 'sla_breach')
      .where(sql<boolean>`data @> ${JSON.stringify({ clock: 'resolution' })}::jsonb`)
      .executeTakeFirstOrThrow();
    const told = await notificationsOf(Number(breach.id));
    expect(new Set(told.keys())).toEqual(new Set([agent.id, firstLineMember.id]));
    expect(told.get(agent.id)!.text_nb).toBe(`Henvendelse LS-${late.number} har passert løsningsfristen`);
    expect(told.has(requester.id)).toBe(false);
    const warning = await db().selectFrom('ls_request_events').select('id').where('request_id', '=', warn.id).executeTakeFirstOrThrow();
    expect([...(await notificationsOf(Number(warning.id))).keys()]).toEqual([agent.id]);
  });
});

describe('[USER][NOTIFICATIONS]', () => {
  let leader: SignedIn;
  let other: SignedIn;
  const get = (url: string, user: SignedIn | null) =>
    t.knutepunkt.app.inject({ method: 'GET', url, headers: user ? { cookie: user.cookie } : {} });
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, user: SignedIn, payload?: unknown) =>
    t.knutepunkt.app.inject({ method, url, headers: user.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    leader = await t.signInAs(['leader'], 'Leder Varsel');
    other = await t.signInAs(['leader'], 'Leder Annen');
    const request = await newRequest({ requester_user_id: leader.userId });
    await addEvent(request.id, 'resolved', agent.id, { from: 'in_progress', to: 'resolved' });
    await addEvent(request.id, 'replied', agent.id, { messageId: '00000000-0000-4000-8000-000000000007' });
    await runDispatcher(db(), new Date(), { mailer: new FakeMailer() });
  });

  it('lists only my own notifications, newest first, and marks them read', async () => {
    expect((await get('/api/leader-support/notifications', null)).statusCode).toBe(401);
    const mine = (await get('/api/leader-support/notifications', leader)).json() as NotificationList;
    expect(mine.unread).toBe(2);
    expect(mine.notifications.map((n) => n.text.nb)).toEqual([expect.stringMatching(/Nytt svar/), expect.stringMatching(/er løst/)]);
    expect(mine.notifications[0]!.requestNumber).toBeGreaterThan(0);
    expect(((await get('/api/leader-support/notifications', other)).json() as NotificationList).notifications).toEqual([]);

    // Someone else's ids change nothing.
    const foreign = await send('POST', '/api/leader-support/notifications/read', other, { ids: [mine.notifications[0]!.id] });
    expect(foreign.json()).toEqual({ marked: 0, unread: 0 });

    const audits = await t.auditCount();
    const one = await send('POST', '/api/leader-support/notifications/read', leader, { ids: [mine.notifications[0]!.id] });
    expect(one.json()).toEqual({ marked: 1, unread: 1 });
    expect(await t.auditCount()).toBe(audits + 1);
    const all = await send('POST', '/api/leader-support/notifications/read', leader, { all: true });
    expect(all.json()).toEqual({ marked: 1, unread: 0 });

    expect((await send('POST', '/api/leader-support/notifications/read', leader, { all: false })).statusCode).toBe(400);
    expect((await send('POST', '/api/leader-support/notifications/read', leader, { ids: ['not-a-uuid'] })).statusCode).toBe(400);
    expect((await send('POST', '/api/leader-support/notifications/read', leader, { ids: [] })).statusCode).toBe(400);
  });

  it('saves my e-mail preference with revision checks, and refuses bad addresses', async () => {
    const initial = (await get('/api/leader-support/preferences', leader)).json() as Preferences;
    expect(initial).toEqual({ email: null, emailNotifications: false, revision: 0 });
    for (const payload of [
      { email: 'not an address', emailNotifications: true, revision: 0 },
      { email: null, emailNotifications: true, revision: 0 },
      { email: 'a@b.no', emailNotifications: true, revision: 0, extra: 1 },
      { email: 'a@b.no', emailNotifications: 'yes', revision: 0 },
    ]) {
      const response = await send('PUT', '/api/leader-support/preferences', leader, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const saved = await send('PUT', '/api/leader-support/preferences', leader, {
      email: 'leder@skole.example.no',
      emailNotifications: true,
      revision: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ email: 'leder@skole.example.no', emailNotifications: true, revision: 1 });
    const stale = await send('PUT', '/api/leader-support/preferences', leader, {
      email: 'x@example.no',
      emailNotifications: true,
      revision: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');
    const off = await send('PUT', '/api/leader-support/preferences', leader, {
      email: 'leder@skole.example.no',
      emailNotifications: false,
      revision: 1,
    });
    expect(off.json()).toMatchObject({ emailNotifications: false, revision: 2 });
    expect(((await get('/api/leader-support/preferences', other)).json() as Preferences).revision).toBe(0);
  });
});

describe('[ADMIN][WEBHOOKS_AND_OUTBOX]', () => {
  let admin: SignedIn;
  let handler: SignedIn;
  const get = (url: string, user: SignedIn) => t.knutepunkt.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, user: SignedIn, payload?: unknown) =>
    t.knutepunkt.app.inject({ method, url, headers: user.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    admin = await t.signInAs(['administrator']);
    handler = await t.signInAs(['first_line_agent']);
  });

  it('only administrators reach the outbox and webhooks', async () => {
    expect((await get('/api/leader-support/outbox', handler)).statusCode).toBe(403);
    expect((await get('/api/leader-support/webhooks', handler)).statusCode).toBe(403);
    const refused = await send('POST', '/api/leader-support/webhooks', handler, {
      url: 'https://x.example.no',
      secret: 'sixteen-chars-at-least',
      events: [],
    });
    expect(refused.statusCode).toBe(403);
    const outbox = (await get('/api/leader-support/outbox', admin)).json() as Outbox;
    expect(outbox.smtpConfigured).toBe(false);
    expect(outbox.emails.length).toBeGreaterThan(0);
    expect(outbox.emails.some((e) => e.to === 'rektor@skole.example.no')).toBe(true);
  });

  it('adds, changes and deletes a webhook; the secret is never shown; bad input is refused', async () => {
    const audits = await t.auditCount();
    for (const payload of [
      { url: 'ftp://hooks.example.no', secret: 'sixteen-chars-at-least', events: [] },
      { url: 'https://hooks.example.no', secret: 'too-short', events: [] },
      { url: 'https://hooks.example.no', secret: 'sixteen-chars-at-least', events: ['no_such_event'] },
      { url: 'javascript:alert(1)', secret: 'sixteen-chars-at-least', events: [] },
    ]) {
      const response = await send('POST', '/api/leader-support/webhooks', admin, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await t.auditCount()).toBe(audits);

    const created = await send('POST', '/api/leader-support/webhooks', admin, {
      url: 'https://hooks.example.no/ls',
      secret: 'sixteen-chars-at-least',
      events: ['resolved', 'sla_breach'],
      description: 'Saksarkiv',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, revision } = created.json() as { id: string; revision: number };
    expect(created.body).not.toContain('sixteen-chars');
    const list = (await get('/api/leader-support/webhooks', admin)).json() as WebhookList;
    expect(list.webhooks).toEqual([
      expect.objectContaining({
        id,
        url: 'https://hooks.example.no/ls',
        events: ['resolved', 'sla_breach'],
        secretSet: true,
        active: true,
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain('sixteen-chars');

    const changed = await send('PUT', `/api/leader-support/webhooks/${id}`, admin, {
      revision,
      url: 'https://hooks.example.no/v2',
      events: [],
      active: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(
      (
        await send('PUT', `/api/leader-support/webhooks/${id}`, admin, {
          revision,
          url: 'https://hooks.example.no/v3',
          events: [],
          active: true,
        })
      ).statusCode,
    ).toBe(409);
    const secret = await db().selectFrom('ls_webhooks').select('secret').where('id', '=', id).executeTakeFirstOrThrow();
    expect(secret.secret).toBe('sixteen-chars-at-least'); // kept when not sent

    const deliveries = await get(`/api/leader-support/webhooks/${id}/deliveries`, admin);
    expect((deliveries.json() as WebhookDeliveries).deliveries).toEqual([]);
    expect((await get('/api/leader-support/webhooks/00000000-0000-4000-8000-000000000000/deliveries', admin)).statusCode).toBe(404);

    expect((await send('DELETE', `/api/leader-support/webhooks/${id}?revision=1`, admin)).statusCode).toBe(409);
    expect((await send('DELETE', `/api/leader-support/webhooks/${id}?revision=2`, admin)).statusCode).toBe(204);
    expect(((await get('/api/leader-support/webhooks', admin)).json() as WebhookList).webhooks).toEqual([]);
    const entries = await db()
      .selectFrom('audit_log' as never)
      .select(['action' as never, 'after' as never, 'before' as never])
      .where('entity_id' as never, '=', id as never)
      .execute();
    expect(entries).toHaveLength(3);
    expect(JSON.stringify(entries)).not.toContain('sixteen-chars');
  });
});

describe('[ADMIN][WEBHOOK_TARGETS]', () => {
  // Without OUTBOUND_ALLOWED_HOSTS nothing internal is reachable: not when saved, not when sent.
  const internal = (port: number) => [
    `http://127.0.0.1:${port}/hook`,
    `http://[::1]:${port}/hook`,
    'http://10.1.2.3/hook',
    'http://169.254.169.254/latest/meta-data/',
    `http://[::ffff:127.0.0.1]:${port}/hook`,
    `http://0.0.0.0:${port}/hook`,
    `http://localhost:${port}/hook`,
    'http://100.64.0.7/hook',
    'https://[fd00::1]/hook',
  ];
  let admin: SignedIn;
  let receiver: http.Server;
  let port: number;
  const arrived: string[] = [];

  beforeAll(async () => {
    admin = await t.signInAs(['administrator']);
    receiver = http.createServer((request, response) => {
      arrived.push(request.url ?? '');
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('refuses an internal address when a webhook is added or changed, with a clear 400', async () => {
    const audits = await t.auditCount();
    for (const url of internal(port)) {
      const response = await t.knutepunkt.app.inject({
        method: 'POST',
        url: '/api/leader-support/webhooks',
        headers: { ...admin.headers, 'accept-language': 'nb' },
        payload: { url, secret: 'sixteen-chars-at-least', events: [] },
      });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'invalid', details: [expect.objectContaining({ path: 'url' })] });
      expect(response.json().error.message, url).toMatch(/intern adresse/);
    }
    expect(await t.auditCount()).toBe(audits);
    expect(await db().selectFrom('ls_webhooks').select('id').execute()).toEqual([]);

    const created = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/leader-support/webhooks',
      headers: admin.headers,
      payload: { url: 'https://not-in-dns.invalid/hook', secret: 'sixteen-chars-at-least', events: [] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, revision } = created.json() as { id: string; revision: number };
    const changed = await t.knutepunkt.app.inject({
      method: 'PUT',
      url: `/api/leader-support/webhooks/${id}`,
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { revision, url: `http://localhost:${port}/`, events: [], active: true },
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.message).toMatch(/localhost \(127\.0\.0\.1\) is internal/);
    expect(await db().selectFrom('ls_webhooks').select('url').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
      url: 'https://not-in-dns.invalid/hook',
    });
    await db().deleteFrom('ls_webhooks').execute();
  });

  it('refuses an internal address when sending (after resolving), and connects only where the allow-list says', async () => {
    const urls = internal(port);
    await db()
      .insertInto('ls_webhooks')
      .values(urls.map((url) => ({ url, secret: 'a-secret-for-internal-hooks', events: ['rated'], description: null })))
      .execute();
    const request = await newRequest();
    await addEvent(request.id, 'rated', requester.id, { rating: 5 });
    const result = await runDispatcher(db(), new Date(), { mailer: new FakeMailer(), timeoutMs: 2_000 });
    expect(result.deliveries).toBe(urls.length);
    expect(arrived).toEqual([]);
    const rows = await db()
      .selectFrom('ls_webhook_deliveries as d')
      .innerJoin('ls_webhooks as w', 'w.id', 'd.webhook_id')
      .select(['w.url', 'd.attempts', 'd.last_error', 'd.delivered_at'])
      .execute();
    expect(rows).toHaveLength(urls.length);
    for (const row of rows) {
      expect(row, row.url).toMatchObject({ attempts: 1, delivered_at: null });
      expect(row.last_error, row.url).toMatch(/^refused: .* is a [a-z-]+ address, not allowed by OUTBOUND_ALLOWED_HOSTS$/);
    }

    // The same receiver, allowed by the operator (the on-premise path): now it is reached.
    await db().updateTable('ls_webhook_deliveries').set({ next_attempt_at: new Date() }).execute();
    const { policy } = parseOutboundAllowList('127.0.0.1', 'OUTBOUND_ALLOWED_HOSTS');
    await runDispatcher(db(), new Date(Date.now() + 1000), { mailer: new FakeMailer(), outbound: { policy }, timeoutMs: 2_000 });
    const after = await db()
      .selectFrom('ls_webhook_deliveries as d')
      .innerJoin('ls_webhooks as w', 'w.id', 'd.webhook_id')
      .select(['w.url', 'd.last_error', 'd.delivered_at'])
      .execute();
    const delivered = after.filter((row) => row.delivered_at !== null).map((row) => row.url);
    expect(delivered).toEqual(expect.arrayContaining([`http://127.0.0.1:${port}/hook`, `http://localhost:${port}/hook`]));
    expect(arrived.length).toBe(delivered.length);
    // Allowing 127.0.0.1 opens neither «this host» (0.0.0.0), nor ::1, nor any other network.
    for (const url of [
      `http://0.0.0.0:${port}/hook`,
      `http://[::1]:${port}/hook`,
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      expect(after.find((row) => row.url === url)!.last_error, url).toMatch(/^refused: /);
    }
    await db().deleteFrom('ls_webhooks').execute();
  });
});
