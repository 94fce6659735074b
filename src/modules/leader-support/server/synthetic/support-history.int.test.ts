import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../../test/helpers/test-app.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { businessCalendar, generateSupportHistory } from './support-history.js';

const t = useTestApp();
const db = () => t.database.db as unknown as LeaderSupportDb;

async function counts() {
  const { rows } = await sql<{ requests: number; synthetic: number; events: number; time: number; surveys: number }>`
    select (select count(*)::int from ls_requests) as requests,
      (select count(*)::int from ls_requests where synthetic) as synthetic,
      (select count(*)::int from ls_request_events) as events,
      (select count(*)::int from ls_time_entries) as time,
      (select count(*)::int from ls_surveys) as surveys`.execute(db());
  return rows[0]!;
}

/** A real request of the desk's own, which the synthetic history must leave alone. */
async function realRequest(): Promise<string> {
  const category = await db().selectFrom('ls_categories').select('id').orderBy('sort_order').executeTakeFirstOrThrow();
  const group = await db().selectFrom('ls_groups').select('id').where('line', '=', 1).executeTakeFirstOrThrow();
  const row = await db()
    .insertInto('ls_requests')
    .values({
      category_id: category.id,
      subject: 'Ekte',
      fields: '{}',
      requester_name: 'Ekte leder',
      priority: 'normal',
      group_id: group.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db().insertInto('ls_time_entries').values({ request_id: row.id, line: 1, minutes: 10 }).execute();
  return row.id;
}

describe('[DEMO][SYNTHETIC] a marked, removable support history', () => {
  it('adds months × perMonth requests, every one marked, with a realistic mix', async () => {
    const real = await realRequest();
    const before = await counts();
    const result = await generateSupportHistory(db(), { months: 3, perMonth: 200, seed: 7 });
    // Requests drawn for later today than now are left out: at most a handful.
    expect(result.inserted).toBeGreaterThan(590);
    expect(result.inserted).toBeLessThanOrEqual(600);
    const after = await counts();
    expect(after.requests - before.requests).toBe(result.inserted);
    expect(after.synthetic).toBe(result.inserted);

    type Mix = 'unmarked' | 'self_service' | 'resolved' | 'first_line' | 'phone' | 'calm_phone' | 'without_unit' | 'outside' | 'backwards';
    const { rows } = await sql<Record<Mix, number>>`
      select count(*) filter (where subject not like '[Syntetisk] %')::int as unmarked,
        count(*) filter (where self_service)::int as self_service,
        count(*) filter (where status in ('resolved', 'closed') and not self_service)::int as resolved,
        count(*) filter (where status in ('resolved', 'closed') and not self_service and highest_line = 1)::int as first_line,
        count(*) filter (where channel = 'phone')::int as phone,
        count(*) filter (where channel = 'phone' and priority not in ('urgent', 'high'))::int as calm_phone,
        count(*) filter (where unit_id is null or sector_unit_id is null)::int as without_unit,
        count(*) filter (where created_at > now() or created_at < now() - interval '3 months 7 days')::int as outside,
        count(*) filter (where resolved_at < created_at or first_response_at < created_at)::int as backwards
      from ls_requests where synthetic`.execute(db());
    const mix = rows[0]!;
    expect(mix.unmarked).toBe(0);
    expect(mix.without_unit).toBe(0);
    expect(mix.outside).toBe(0);
    expect(mix.backwards).toBe(0);
    expect(mix.self_service / result.inserted).toBeGreaterThan(0.04);
    expect(mix.self_service / result.inserted).toBeLessThan(0.13);
    expect(mix.first_line / mix.resolved).toBeGreaterThan(0.6);
    expect(mix.first_line / mix.resolved).toBeLessThan(0.8);
    expect(mix.phone).toBeGreaterThan(0);
    expect(mix.calm_phone).toBe(0);

    // Requesters are units at level 3–4; surveys only on resolved requests; events already dispatched.
    const levels = await sql<{ level: number }>`select distinct unit_level as level from ls_requests where synthetic`.execute(db());
    expect(levels.rows.map((r) => r.level).every((level) => level === 3 || level === 4)).toBe(true);
    const { rows: dependants } = await sql<Record<'early_surveys' | 'answered' | 'surveys' | 'undispatched', number>>`
      select (select count(*)::int from ls_surveys s join ls_requests r on r.id = s.request_id where r.resolved_at is null) as early_surveys,
        (select count(*)::int from ls_surveys s where s.score is not null) as answered,
        (select count(*)::int from ls_surveys) as surveys,
        (select count(*)::int from ls_request_events e join ls_requests r on r.id = e.request_id where r.synthetic and e.dispatched_at is null) as undispatched`.execute(
      db(),
    );
    expect(dependants[0]!.early_surveys).toBe(0);
    expect(dependants[0]!.undispatched).toBe(0);
    expect(dependants[0]!.answered / dependants[0]!.surveys).toBeGreaterThan(0.25);
    expect(dependants[0]!.answered / dependants[0]!.surveys).toBeLessThan(0.55);
    expect(after.time).toBeGreaterThan(before.time);

    // The same seed draws the same history.
    const first = await sql<{ subject: string; unit_id: string; created_at: Date }>`
      select subject, unit_id, created_at from ls_requests where synthetic order by number limit 5`.execute(db());
    await generateSupportHistory(db(), { months: 1, remove: true });
    await generateSupportHistory(db(), { months: 3, perMonth: 200, seed: 7 });
    const again = await sql<{ subject: string; unit_id: string; created_at: Date }>`
      select subject, unit_id, created_at from ls_requests where synthetic order by number limit 5`.execute(db());
    expect(again.rows).toEqual(first.rows);

    // remove takes away every synthetic row and what hangs off it, and nothing else.
    const removed = await generateSupportHistory(db(), { months: 1, remove: true });
    expect(removed.removed).toBe(result.inserted);
    expect(await counts()).toEqual(before);
    expect(await db().selectFrom('ls_requests').select('id').where('id', '=', real).executeTakeFirst()).toBeDefined();
  });

  it('refuses a nonsensical size', async () => {
    await expect(generateSupportHistory(db(), { months: 0 })).rejects.toThrow('months');
    await expect(generateSupportHistory(db(), { months: 2, total: -1 })).rejects.toThrow('total');
  });
});

describe('businessCalendar', () => {
  it('starts on a Monday and counts weekdays to today', () => {
    // 2026-11-25 is a Wednesday; a month back is Sunday 2026-10-25, so the Monday before is 2026-10-19.
    expect(businessCalendar('2026-11-25', 1)).toEqual({ start: '2026-10-19', businessDays: 28 });
  });
});
