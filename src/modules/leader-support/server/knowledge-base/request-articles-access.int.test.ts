// Finding 1 of the hardening issue: a leader of another unit linking an article to (or unlinking
// one from) a request they may not read. The access check ran inside the write transaction but
// asked the organisation's unit scope through the pool: on PGlite's single connection that waited
// for ever, and every later database route (and /api/ready) hung with it.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../../../test/helpers/test-app.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { ensureDemoArticles } from './demo-articles.js';

const t = useTestApp();
const db = () => t.database.db as unknown as LeaderSupportDb;

/** Far below "for ever", far above what one refusal takes on a busy two-core machine. */
const answerWithin = 10_000;

async function call(as: SignedIn, method: 'POST' | 'DELETE', url: string, payload?: object) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} ${url} did not answer within ${answerWithin} ms`)), answerWithin);
  });
  try {
    const response = await Promise.race([
      t.knutepunkt.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) }),
      timeout,
    ]);
    return { status: response.statusCode, body: response.json() as { error?: { code: string } } };
  } finally {
    clearTimeout(timer);
  }
}

/** A sign-in linked to a new person who holds the leader position `positionKey`. */
async function leaderOf(positionKey: string, name: string): Promise<SignedIn> {
  const user = await t.signInAs(['leader'], name);
  const person = await db()
    .insertInto('org_people')
    .values({ key: `test-${user.userId}`, name, source: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const position = await db().selectFrom('org_positions').select('id').where('key', '=', positionKey).executeTakeFirstOrThrow();
  await db()
    .insertInto('org_assignments')
    .values({ person_id: person.id, position_id: position.id, fte: 1, valid_from: '2020-01-01' })
    .execute();
  await db().insertInto('org_user_people').values({ user_id: user.userId, person_id: person.id }).execute();
  return user;
}

let requestNumber: string;
let outsider: SignedIn;

beforeAll(async () => {
  await ensureDemoArticles(db(), () => {});
  const requester = await leaderOf('leder-skole-aronslokka', 'Rektor Aronsløkka');
  outsider = await leaderOf('leder-omsorg-hjemmetjenester-bragernes', 'Leder Hjemmetjeneste');
  const unit = await db()
    .selectFrom('org_position_versions')
    .innerJoin('org_positions', 'org_positions.id', 'org_position_versions.position_id')
    .select('org_position_versions.unit_id')
    .where('org_positions.key', '=', 'leder-skole-aronslokka')
    .executeTakeFirstOrThrow();
  const category = await db().selectFrom('ls_categories').select('id').where('key', '=', 'adgangskort').executeTakeFirstOrThrow();
  const group = await db().selectFrom('ls_groups').select('id').where('key', '=', 'forstelinje').executeTakeFirstOrThrow();
  // The request carries the requester's unit, so the outsider's check reaches the unit scope.
  const row = await db()
    .insertInto('ls_requests')
    .values({
      category_id: category.id,
      subject: 'Mistet adgangskort',
      requester_user_id: requester.userId,
      requester_name: 'Rektor Aronsløkka',
      unit_id: unit.unit_id,
      priority: 'normal',
      group_id: group.id,
      fields: JSON.stringify({}),
    })
    .returning('number')
    .executeTakeFirstOrThrow();
  requestNumber = String(row.number);
});

describe('[LEADER][LINK_ARTICLE] a leader of another unit', () => {
  it('is refused at once when linking or unlinking an article, and the server still answers afterwards', async () => {
    const linked = await call(outsider, 'POST', `/api/leader-support/requests/${requestNumber}/articles`, { articleKey: 'adgangskort' });
    expect(linked.status, JSON.stringify(linked.body)).toBe(403);
    const unlinked = await call(outsider, 'DELETE', `/api/leader-support/requests/${requestNumber}/articles/adgangskort`);
    expect(unlinked.status, JSON.stringify(unlinked.body)).toBe(403);

    const ready = await t.knutepunkt.app.inject('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(await db().selectFrom('ls_request_articles').select('article_id').execute()).toEqual([]);
  });
});
