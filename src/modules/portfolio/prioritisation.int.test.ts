import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type {
  CriteriaResponse,
  InitiativeScoresResponse,
  PortfolioSettings,
  PrioritisationResponse,
  WhatIfResponse,
} from './prioritisation.schemas.js';
import type { PortfolioDb } from './server/portfolio.tables.js';

// Prioritisation on both databases: the ranking from the database, what-if writes nothing, saving
// weights and the capacity line with a stale check, and who may do what.

const t = useTestApp();
const db = () => t.database.db as unknown as PortfolioDb;

let board: SignedIn;
let employee: SignedIn;
const ids: Record<string, string> = {};
const numbers: Record<string, number> = {};

async function insertInitiative(name: string, category: string, cost: number, extra: Record<string, unknown> = {}) {
  const unit = await db().selectFrom('org_units').select('id').orderBy('key').executeTakeFirstOrThrow();
  const row = await db()
    .insertInto('pf_initiatives')
    .values({
      title: `Test ${name}`,
      owner_unit_id: unit.id,
      category: category as 'strategy',
      size: 'medium',
      estimated_cost: cost,
      proposed_by: board.userId,
      ...extra,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  ids[name] = row.id;
  numbers[name] = row.number;
}

async function score(name: string, scores: Record<string, number | null>, who = board) {
  return t.knutepunkt.app.inject({
    method: 'PUT',
    url: `/api/portfolio/initiatives/${numbers[name]}/scores`,
    headers: who.headers,
    payload: { scores },
  });
}

async function get<T>(url: string, who = board): Promise<T> {
  const response = await t.knutepunkt.app.inject({ method: 'GET', url, headers: who.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

const all = (value: number) => ({ strategic_fit: value, benefit: value, urgency: value, feasibility: value });

beforeAll(async () => {
  board = await t.signInAs(['portfolio_board_member']);
  employee = await t.signInAs(['employee']);
  await insertInitiative('high', 'strategy', 300); // best score
  await insertInitiative('middle', 'efficiency', 300);
  await insertInitiative('low', 'quality', 300);
  await insertInitiative('mandated', 'mandated', 200); // lowest score, still pinned
  await insertInitiative('paused', 'strategy', 100, { state: 'paused' });
  await insertInitiative('closing', 'strategy', 100, { phase: 'closing' });
  for (const [name, value, risk] of [
    ['high', 5, 1],
    ['middle', 4, 2],
    ['low', 2, 4],
    ['mandated', 1, 5],
  ] as const) {
    const response = await score(name, { ...all(value), risk, cost: risk });
    expect(response.statusCode, response.body).toBe(200);
  }
});

describe('criteria', () => {
  it('has the six defaults with equal weights, risk and cost higher-is-worse, labelled as Knutepunkt defaults', async () => {
    const body = await get<CriteriaResponse>('/api/portfolio/criteria', employee);
    expect(body.criteria.map((c) => c.key)).toEqual(['strategic_fit', 'benefit', 'urgency', 'risk', 'feasibility', 'cost']);
    expect(new Set(body.criteria.map((c) => c.weight)).size).toBe(1);
    expect(body.criteria.filter((c) => !c.higherIsBetter).map((c) => c.key)).toEqual(['risk', 'cost']);
    expect(body.source).toContain('Knutepunkt-standard');
  });
});

describe('ranking', () => {
  it('ranks the candidates from the database: mandated pinned first, then by score; paused and closing left out', async () => {
    const body = await get<PrioritisationResponse>('/api/portfolio/prioritisation', employee);
    expect(body.items.map((i) => i.number)).toEqual([numbers.mandated, numbers.high, numbers.middle, numbers.low]);
    const [mandated, high, , low] = body.items;
    expect(mandated!.mandated).toBe(true);
    expect(mandated!.score).toBe(0);
    expect(high!.score).toBe(100);
    expect(low!.score).toBe(25);
    expect(body.items.map((i) => i.cumulative)).toEqual([200, 500, 800, 1100]);
  });

  it('an initiative shows its scores, weighted score and place', async () => {
    const body = await get<InitiativeScoresResponse>(`/api/portfolio/initiatives/INI-${numbers.high}/scores`, employee);
    expect(body.weightedScore).toBe(100);
    expect(body.scoredCount).toBe(6);
    expect(body.rank).toBe(2);
    expect(body.criteria.find((c) => c.key === 'risk')!.score).toBe(1);
  });
});

describe('what-if and saving', () => {
  it('moves the line and re-weights without writing anything', async () => {
    const settings = await get<PortfolioSettings>('/api/portfolio/settings');
    const put = await t.knutepunkt.app.inject({
      method: 'PUT',
      url: '/api/portfolio/settings',
      headers: board.headers,
      payload: { capacityLine: 1100, revision: settings.revision },
    });
    expect(put.statusCode, put.body).toBe(200);

    const snapshot = async () => ({
      criteria: await db().selectFrom('pf_criteria').selectAll().orderBy('key').execute(),
      settings: await db().selectFrom('pf_settings').selectAll().execute(),
      scores: await db()
        .selectFrom('pf_scores')
        .select(['initiative_id', 'criterion_id', 'score'])
        .orderBy('initiative_id')
        .orderBy('criterion_id')
        .execute(),
      audit: await t.auditCount(),
    });
    const before = await snapshot();
    const response = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/portfolio/prioritisation/what-if',
      headers: employee.headers,
      payload: { capacityLine: 500, weights: { risk: 100 } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as WhatIfResponse;
    expect(body.saved).toBe(false);
    expect(body.fallsOut.map((m) => m.number).sort()).toEqual([numbers.middle, numbers.low].sort());
    expect(body.fallsIn).toEqual([]);
    expect(body.proposed.items[0]!.number).toBe(numbers.mandated);
    expect(body.proposed.items[0]!.fits).toBe(true);
    expect(await snapshot()).toEqual(before);

    // A line too small for even the mandated one: it stays inside.
    const tiny = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/portfolio/prioritisation/what-if',
      headers: employee.headers,
      payload: { capacityLine: 1 },
    });
    const tinyBody = tiny.json() as WhatIfResponse;
    expect(tinyBody.proposed.items.filter((i) => i.fits).map((i) => i.number)).toEqual([numbers.mandated]);
    expect(tinyBody.proposed.mandatedOverLine).toBe(199);
  });

  it('refuses bad what-if input: unknown criterion, all weights zero, out of range', async () => {
    const call = (payload: Record<string, unknown>) =>
      t.knutepunkt.app.inject({ method: 'POST', url: '/api/portfolio/prioritisation/what-if', headers: employee.headers, payload });
    expect((await call({ weights: { nonsense: 3 } })).statusCode).toBe(400);
    const zero = Object.fromEntries(['strategic_fit', 'benefit', 'urgency', 'risk', 'feasibility', 'cost'].map((k) => [k, 0]));
    expect((await call({ weights: zero })).statusCode).toBe(400);
    expect((await call({ weights: { risk: 101 } })).statusCode).toBe(400);
    expect((await call({ capacityLine: -1 })).statusCode).toBe(400);
  });

  it('saves new weights; a stale revision is refused and nothing changes', async () => {
    const current = await get<CriteriaResponse>('/api/portfolio/criteria');
    const save = (revision: number, weight: number, who = board) =>
      t.knutepunkt.app.inject({
        method: 'PUT',
        url: '/api/portfolio/criteria',
        headers: who.headers,
        payload: { revision, criteria: [{ key: 'risk', weight }] },
      });
    const ok = await save(current.revision, 40);
    expect(ok.statusCode, ok.body).toBe(200);
    const saved = ok.json() as CriteriaResponse;
    expect(saved.criteria.find((c) => c.key === 'risk')!.weight).toBe(40);
    expect(saved.revision).toBe(current.revision + 1);

    const auditBefore = await t.auditCount();
    const stale = await save(current.revision, 70);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');
    expect((await get<CriteriaResponse>('/api/portfolio/criteria')).criteria.find((c) => c.key === 'risk')!.weight).toBe(40);
    expect(await t.auditCount()).toBe(auditBefore);

    const zero = await t.knutepunkt.app.inject({
      method: 'PUT',
      url: '/api/portfolio/criteria',
      headers: board.headers,
      payload: {
        revision: saved.revision,
        criteria: ['strategic_fit', 'benefit', 'urgency', 'risk', 'feasibility', 'cost'].map((key) => ({ key, weight: 0 })),
      },
    });
    expect(zero.statusCode).toBe(400);

    const staleLine = await t.knutepunkt.app.inject({
      method: 'PUT',
      url: '/api/portfolio/settings',
      headers: board.headers,
      payload: { capacityLine: 5, revision: 1 },
    });
    expect(staleLine.statusCode).toBe(409);
    expect((await get<PortfolioSettings>('/api/portfolio/settings')).capacityLine).toBe(1100);
  });

  it('only board members (and administrators) save weights, the line and scores', async () => {
    const current = await get<CriteriaResponse>('/api/portfolio/criteria');
    const weights = await t.knutepunkt.app.inject({
      method: 'PUT',
      url: '/api/portfolio/criteria',
      headers: employee.headers,
      payload: { revision: current.revision, criteria: [{ key: 'risk', weight: 10 }] },
    });
    expect(weights.statusCode).toBe(403);
    const settings = await get<PortfolioSettings>('/api/portfolio/settings');
    const line = await t.knutepunkt.app.inject({
      method: 'PUT',
      url: '/api/portfolio/settings',
      headers: employee.headers,
      payload: { capacityLine: 1, revision: settings.revision },
    });
    expect(line.statusCode).toBe(403);
    expect((await score('low', { benefit: 5 }, employee)).statusCode).toBe(403);
    const admin = await t.signInAs(['administrator']);
    expect((await score('low', { benefit: 3 }, admin)).statusCode).toBe(200);
  });

  it('refuses bad scores: out of range, unknown criterion, unknown initiative', async () => {
    expect((await score('low', { benefit: 6 })).statusCode).toBe(400);
    expect((await score('low', { benefit: 0 })).statusCode).toBe(400);
    expect((await score('low', { nonsense: 3 })).statusCode).toBe(400);
    const missing = await t.knutepunkt.app.inject({
      method: 'PUT',
      url: '/api/portfolio/initiatives/999999/scores',
      headers: board.headers,
      payload: { scores: { benefit: 3 } },
    });
    expect(missing.statusCode).toBe(404);
    // null removes a score: shown as not scored.
    expect((await score('low', { urgency: null })).statusCode).toBe(200);
    const body = await get<InitiativeScoresResponse>(`/api/portfolio/initiatives/${ids.low}/scores`);
    expect(body.criteria.find((c) => c.key === 'urgency')!.score).toBeNull();
    expect(body.scoredCount).toBe(5);
  });

  it('exports the ranked list as CSV', async () => {
    const response = await t.knutepunkt.app.inject({
      method: 'GET',
      url: '/api/portfolio/prioritisation/export?format=csv',
      headers: employee.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Test high');
    expect(response.headers['content-type']).toContain('text/csv');
  });
});
