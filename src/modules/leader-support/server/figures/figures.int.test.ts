import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../../../test/helpers/test-app.js';
import type { Role } from '../../../../kernel/index.js';
import type { Figures } from '../../figures.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';

// A handful of handcrafted requests in 2025, each figure checked against docs/support-metrics.md.

const t = useTestApp();
const db = () => t.database.db as unknown as LeaderSupportDb;

async function get(url: string, user: SignedIn) {
  const response = await t.knutepunkt.app.inject({ method: 'GET', url, headers: user.headers });
  return { status: response.statusCode, body: response.body, headers: response.headers, json: () => response.json() as Figures };
}

/** A sign-in linked to a new person who holds the position `positionKey` from 2020. */
async function placed(roles: Role[], name: string, positionKey: string): Promise<SignedIn> {
  const user = await t.signInAs(roles, name);
  await t.placeUser(user.userId, name, positionKey);
  return user;
}

const at = (iso: string, hours = 0) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

interface Given {
  unitId: string;
  created: string;
  status: 'new' | 'in_progress' | 'waiting' | 'resolved' | 'closed' | 'deleted';
  highestLine?: number;
  selfService?: boolean;
  responseHours?: number;
  resolutionHours?: number;
  responseBreached?: boolean;
  resolutionBreached?: boolean;
  channel?: 'portal' | 'phone' | 'email';
}

let schoolUnitId = '';
let otherUnitId = '';

async function request(given: Given): Promise<string> {
  const category = await db().selectFrom('ls_categories').select('id').where('key', '=', 'lonn').executeTakeFirstOrThrow();
  const group = await db().selectFrom('ls_groups').select('id').where('line', '=', 1).executeTakeFirstOrThrow();
  const unit = await db()
    .selectFrom('org_unit_versions')
    .select(['name', 'level'])
    .where('unit_id', '=', given.unitId)
    .orderBy('valid_from', 'desc')
    .executeTakeFirstOrThrow();
  const row = await db()
    .insertInto('ls_requests')
    .values({
      category_id: category.id,
      subject: 'Test',
      fields: '{}',
      requester_name: 'Test',
      unit_id: given.unitId,
      unit_name: unit.name,
      unit_level: unit.level,
      channel: given.channel ?? 'portal',
      priority: 'normal',
      status: given.status,
      line: given.highestLine ?? 1,
      highest_line: given.highestLine ?? 1,
      group_id: group.id,
      self_service: given.selfService ?? false,
      created_at: given.created,
      first_response_at: given.responseHours === undefined ? null : at(given.created, given.responseHours),
      resolved_at: given.resolutionHours === undefined ? null : at(given.created, given.resolutionHours),
      response_due_at: given.selfService ? null : at(given.created, 4),
      resolution_due_at: given.selfService ? null : at(given.created, 24),
      response_breached: given.responseBreached ?? false,
      resolution_breached: given.resolutionBreached ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function survey(requestId: string, sentAt: string, score: number | null) {
  await db()
    .insertInto('ls_surveys')
    .values({ request_id: requestId, sent_at: sentAt, score, answered_at: score === null ? null : sentAt })
    .execute();
}

async function time(requestId: string, line: number, minutes: number) {
  await db().insertInto('ls_time_entries').values({ request_id: requestId, line, minutes }).execute();
}

const year = 'from=2025-01-01&to=2025-12-31';

describe('[ANALYST][FIGURES] the figures are what docs/support-metrics.md says', () => {
  let analyst: SignedIn;
  let figures: Figures;

  it('counts a handcrafted year', async () => {
    const school = await db()
      .selectFrom('org_position_versions')
      .innerJoin('org_positions', 'org_positions.id', 'org_position_versions.position_id')
      .select('org_position_versions.unit_id')
      .where('org_positions.key', '=', 'leder-skole-aronslokka')
      .executeTakeFirstOrThrow();
    schoolUnitId = school.unit_id;
    const other = await sql<{ unit_id: string }>`
      select unit_id from org_unit_versions where level = 3 and unit_id <> ${schoolUnitId} and valid_to is null order by unit_id limit 1`.execute(
      t.database.db,
    );
    otherUnitId = other.rows[0]!.unit_id;
    await db()
      .updateTable('ls_settings')
      .set({ rates: JSON.stringify({ '1': 600, '2': 900 }) })
      .execute();

    // Resolved in the first line: 1 h to respond, 2 h to resolve.
    const a = await request({
      unitId: schoolUnitId,
      created: '2025-03-03T08:00:00Z',
      status: 'resolved',
      responseHours: 1,
      resolutionHours: 2,
    });
    // Closed in the first line, response too late.
    const b = await request({
      unitId: schoolUnitId,
      created: '2025-03-04T08:00:00Z',
      status: 'closed',
      responseHours: 3,
      resolutionHours: 4,
      responseBreached: true,
      channel: 'phone',
    });
    // Escalated to the second line, resolved too late.
    const c = await request({
      unitId: schoolUnitId,
      created: '2025-03-05T08:00:00Z',
      status: 'resolved',
      highestLine: 2,
      responseHours: 2,
      resolutionHours: 10,
      resolutionBreached: true,
    });
    // Third line, another unit.
    const d = await request({
      unitId: otherUnitId,
      created: '2025-04-01T08:00:00Z',
      status: 'closed',
      highestLine: 3,
      responseHours: 5,
      resolutionHours: 30,
    });
    // Self-service: counted in the share, not in the first-line rate.
    await request({ unitId: schoolUnitId, created: '2025-04-02T08:00:00Z', status: 'closed', selfService: true, resolutionHours: 0.1 });
    // Deleted: nowhere.
    await request({ unitId: schoolUnitId, created: '2025-04-03T08:00:00Z', status: 'deleted' });
    // Created in 2024, resolved in 2025 by the first line: resolved in the period, not created in it.
    const h = await request({
      unitId: otherUnitId,
      created: '2024-12-30T12:00:00Z',
      status: 'resolved',
      responseHours: 2,
      resolutionHours: 72,
    });
    // Open now, two days old: in the backlog, whatever the period.
    await request({ unitId: schoolUnitId, created: at(new Date().toISOString(), -48), status: 'in_progress', responseHours: 1 });

    await survey(a, at('2025-03-03T08:00:00Z', 2), 5);
    await survey(b, at('2025-03-04T08:00:00Z', 4), 4);
    await survey(c, at('2025-03-05T08:00:00Z', 10), null);
    await survey(d, at('2025-04-01T08:00:00Z', 30), 1);
    await survey(h, '2025-01-02T12:00:00Z', null);
    await time(a, 1, 30);
    await time(c, 1, 15);
    await time(c, 2, 60);
    await time(d, 3, 120);

    analyst = await t.signInAs(['analyst']);
    const response = await get(`/api/leader-support/figures?${year}`, analyst);
    expect(response.status).toBe(200);
    figures = response.json();
    expect(figures.totals).toEqual({ created: 5, selfService: 1, resolved: 5, resolvedFirstLine: 3, open: 1 });
  });

  it('first-line rate: resolved in the period with highest line 1, self-service left out', () => {
    expect(figures.firstLine).toMatchObject({ resolved: 5, firstLine: 3, rate: 0.6, targetPercent: 70 });
    expect(figures.firstLine.definition.nb).toContain('Selvbetjening');
  });

  it('self-service share: of all requests created in the period', () => {
    expect(figures.selfService).toMatchObject({ count: 1, of: 5, share: 0.2 });
  });

  it('times per highest line: median and p90 in calendar hours', () => {
    const line1 = figures.times.find((row) => row.line === 1)!;
    // Line 1: a, b and h. Responses 1, 3, 2 h; resolutions 2, 4, 72 h (percentile_cont interpolates).
    expect(line1.resolved).toBe(3);
    expect(line1.responseMedianHours).toBeCloseTo(2);
    expect(line1.responseP90Hours).toBeCloseTo(2.8);
    expect(line1.resolutionMedianHours).toBeCloseTo(4);
    expect(line1.resolutionP90Hours).toBeCloseTo(58.4);
    expect(figures.times.find((row) => row.line === 2)).toMatchObject({ resolved: 1, resolutionMedianHours: 10 });
    expect(figures.times.find((row) => row.line === null)!.resolved).toBe(5);
  });

  it('SLA compliance: resolved requests with a deadline that did not break it', () => {
    expect(figures.sla.response).toEqual({ count: 4, of: 5, share: 0.8 });
    expect(figures.sla.resolution).toEqual({ count: 4, of: 5, share: 0.8 });
  });

  it('satisfaction: surveys sent in the period, response rate answered ÷ sent', () => {
    expect(figures.satisfaction).toMatchObject({ sent: 5, answered: 3, responseRate: 0.6, distribution: [1, 0, 0, 1, 1] });
    expect(figures.satisfaction.mean).toBeCloseTo(10 / 3);
  });

  it('cost per ordering unit: minutes ÷ 60 × the rate of the line; unknown where a line has no rate', () => {
    const school = figures.units.find((u) => u.id === schoolUnitId)!;
    // (30 + 15) min × 600 kr/h + 60 min × 900 kr/h
    expect(school).toMatchObject({ created: 4, resolved: 3, minutes: 105, cost: 1350 });
    expect(figures.units.find((u) => u.id === otherUnitId)).toMatchObject({ minutes: 120, cost: null });
    expect(figures.cost).toMatchObject({ minutesPerLine: [45, 60, 120], total: null, linesWithoutRate: [3] });
    expect(figures.cost.rates).toEqual({ line1: 600, line2: 900, line3: null });
  });

  it('volumes per month, channel and backlog age', () => {
    expect(figures.months).toHaveLength(12);
    expect(figures.months.find((m) => m.month === '2025-03')).toMatchObject({ created: 3, resolved: 3, resolvedFirstLine: 2 });
    expect(figures.months.find((m) => m.month === '2025-01')).toMatchObject({ created: 0, resolved: 1 });
    expect(figures.channels.find((c) => c.channel === 'phone')).toMatchObject({ created: 1 });
    expect(figures.backlog.buckets.find((b) => b.bucket === 'd1to3')!.count).toBe(1);
    expect(figures.synthetic.contains).toBe(false);
  });

  it('exports the same figures as CSV: long format, semicolons, BOM, decimal comma', async () => {
    const response = await get(`/api/leader-support/figures.csv?${year}`, analyst);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.startsWith('\uFEFFsection;key;label;measure;value\r\n')).toBe(true);
    expect(response.body).toContain('\r\nfirstLine;;Løst i 1. linje;rate;0,6\r\n');
    expect(response.body).toContain(`\r\nunit;${schoolUnitId};Aronsløkka skole;cost;1350\r\n`);
  });

  it('keeps the figures while nothing changed, and counts again after a change to a request', async () => {
    expect((await get(`/api/leader-support/figures?${year}`, analyst)).json().computedAt).toBe(figures.computedAt);
    // Every change to a request writes an event in the same transaction (the core's rule).
    const id = await request({ unitId: otherUnitId, created: '2025-06-02T08:00:00Z', status: 'new' });
    await db().insertInto('ls_request_events').values({ request_id: id, type: 'created', data: '{}' }).execute();
    const again = (await get(`/api/leader-support/figures?${year}`, analyst)).json();
    expect(again.totals.created).toBe(6);
    expect(again.computedAt).not.toBe(figures.computedAt);
  });

  it('refuses impossible dates and periods in Norwegian', async () => {
    const bad = await get('/api/leader-support/figures?from=2025-02-30&to=2025-03-31', analyst);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('ikke en gyldig dato');
    const reversed = await get('/api/leader-support/figures?from=2025-05-01&to=2025-03-31', analyst);
    expect(reversed.status).toBe(400);
    expect(reversed.body).toContain('er etter til-datoen');
    // Year 1 as the only day: the default from date would be year 0, which no calendar has.
    const early = await get('/api/leader-support/figures.csv?to=0001-01-01', analyst);
    expect(early.status).toBe(400);
    expect(early.body).toContain('er for tidlig i til');
  });
});

describe('[LEADER][FIGURES] a leader sees the figures of their own unit only', () => {
  it('gives the school leader their unit, and refuses another unit and the whole desk', async () => {
    const leader = await placed(['leader'], 'Rektor Tall', 'leder-skole-aronslokka');
    const own = await get(`/api/leader-support/figures?${year}&unitId=${schoolUnitId}`, leader);
    expect(own.status).toBe(200);
    const figures = own.json();
    expect(figures.totals.created).toBe(4);
    expect(figures.filters.unit).toEqual({ id: schoolUnitId, name: 'Aronsløkka skole' });
    expect(figures.units.map((u) => u.id)).toEqual([schoolUnitId]);
    expect((await get(`/api/leader-support/figures?${year}&unitId=${otherUnitId}`, leader)).status).toBe(403);
    expect((await get(`/api/leader-support/figures?${year}`, leader)).status).toBe(403);
    expect((await get(`/api/leader-support/figures.csv?${year}&unitId=${otherUnitId}`, leader)).status).toBe(403);
  });
});
