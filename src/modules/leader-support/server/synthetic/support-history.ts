import { performance } from 'node:perf_hooks';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { recordAudit, systemContext, type KernelTables } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';

// A synthetic history of leader-support requests for demos and benchmarks (`npm run demo:support`).
// Everything is made by a few set-based statements (`insert … select … from generate_series`), so a
// million requests take a minute or two on PostgreSQL. Every row is marked: ls_requests.synthetic is
// true, the subject starts «[Syntetisk]», events, time entries and surveys hang off those requests
// only, and `remove` deletes exactly them.
//
// The mix (docs/support-metrics.md names what the dashboard makes of it): about 8 % self-service;
// of the rest about 70 % resolved in the first line (a little more or less by sector), the others
// escalated to the second-line group that routing gives their category × sector, 2–3 % to a third
// line; mostly portal, some phone (urgent or high) and a few e-mails; requests arrive on weekdays in
// opening hours (08:00–15:30), response and resolution times are log-normal in business minutes per
// line and priority, so they fall in opening hours too; what would be resolved after now is still
// open, which makes the backlog. A survey is sent after each resolution and about 40 % answer,
// mostly 4–5. Time is logged per line that worked. Requesters are the organisation's units at level
// 3–4 today, categories and groups those of the desk.

export interface SupportHistoryOptions {
  /** How far back the history goes, in months (1–120). */
  months: number;
  /** Requests per month (default 1 500); `total` wins when both are given. */
  perMonth?: number;
  total?: number;
  /** The same seed gives the same history (default 1). */
  seed?: number;
  /** Delete every synthetic request and what hangs off it instead. */
  remove?: boolean;
}

export interface SupportHistoryResult {
  inserted: number;
  /** Requests deleted (remove). */
  removed?: number;
  ms: number;
}

export const syntheticSubjectPrefix = '[Syntetisk]';
export const defaultRequestsPerMonth = 1_500;
const maxTotal = 5_000_000;
/** Opening hours in the shape of the history: 08:00–15:30, 450 business minutes a day. */
const dayStartMinutes = 8 * 60;
const businessDay = 450;

class SyntheticHistoryError extends Error {}

/** Adds (or with `remove`, deletes) a synthetic request history. One transaction: all or nothing. */
export async function generateSupportHistory(db: LeaderSupportDb, options: SupportHistoryOptions): Promise<SupportHistoryResult> {
  const started = performance.now();
  if (options.remove) {
    const removed = await removeSupportHistory(db);
    return { inserted: 0, removed, ms: performance.now() - started };
  }
  const months = options.months;
  if (!Number.isInteger(months) || months < 1 || months > 120)
    throw new SyntheticHistoryError('months must be a whole number from 1 to 120');
  const total = options.total ?? months * (options.perMonth ?? defaultRequestsPerMonth);
  if (!Number.isInteger(total) || total < 0 || total > maxTotal)
    throw new SyntheticHistoryError(`total must be a whole number from 0 to ${maxTotal}`);
  const seed = options.seed ?? 1;
  if (total === 0) return { inserted: 0, ms: performance.now() - started };

  const inserted = await db.transaction().execute(async (trx) => {
    const settings = await trx.selectFrom('ls_settings').select('time_zone').executeTakeFirst();
    const timeZone = settings?.time_zone ?? 'Europe/Oslo';
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone }).format(new Date());
    const { start, businessDays } = businessCalendar(today, months);

    await prepareLookups(trx, today);
    const counts = await sql<{ units: number; categories: number; first: number }>`
      select (select count(*)::int from ls_synthetic_units) as units,
             (select count(*)::int from ls_synthetic_categories) as categories,
             (select count(*)::int from ls_groups where line = 1 and active) as first`.execute(trx);
    const { units, categories, first } = counts.rows[0]!;
    if (units === 0) throw new SyntheticHistoryError('the organisation has no units at level 3–4 today to be requesters');
    if (categories === 0) throw new SyntheticHistoryError('the desk has no active categories (ls_categories)');
    if (first === 0) throw new SyntheticHistoryError('the desk has no active first-line group (ls_groups, line 1)');

    const before = await sql<{ n: string }>`select coalesce(max(number), 0) as n from ls_requests`.execute(trx);
    const after = BigInt(before.rows[0]!.n);
    await insertRequests(trx, { total, seed, start, businessDays, timeZone });
    await insertDependants(trx, { seed, after, timeZone });
    const n = await sql<{ n: number }>`select count(*)::int as n from ls_requests where number > ${after.toString()} and synthetic`.execute(
      trx,
    );
    await recordAudit(trx as unknown as Kysely<KernelTables>, systemContext, {
      action: 'generate_synthetic',
      entityType: 'ls_request',
      entityId: null,
      after: { months, total, seed, inserted: n.rows[0]!.n },
    });
    return n.rows[0]!.n;
  });
  await sql`analyze ls_requests, ls_time_entries, ls_surveys, ls_request_events`.execute(db);
  return { inserted, ms: performance.now() - started };
}

/** Deletes every synthetic request with its events, time, surveys and the rest that hangs off it. */
export async function removeSupportHistory(db: LeaderSupportDb): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const synthetic = sql`(select id from ls_requests where synthetic)`;
    await sql`delete from ls_webhook_deliveries where event_id in (select e.id from ls_request_events e where e.request_id in ${synthetic})`.execute(
      trx,
    );
    await sql`delete from ls_notifications where request_id in ${synthetic}`.execute(trx);
    await sql`delete from ls_email_outbox where request_id in ${synthetic}`.execute(trx);
    for (const table of ['ls_request_events', 'ls_time_entries', 'ls_surveys', 'ls_attachments', 'ls_messages', 'ls_request_articles'])
      await sql`delete from ${sql.table(table)} where request_id in ${synthetic}`.execute(trx);
    await sql`delete from ls_request_links where request_id in ${synthetic} or linked_id in ${synthetic}`.execute(trx);
    await sql`update ls_requests set parent_id = null where parent_id in ${synthetic}`.execute(trx);
    const result = await sql`delete from ls_requests where synthetic`.execute(trx);
    const removed = Number(result.numAffectedRows ?? 0n);
    if (removed > 0)
      await recordAudit(trx as unknown as Kysely<KernelTables>, systemContext, {
        action: 'remove_synthetic',
        entityType: 'ls_request',
        entityId: null,
        after: { removed },
      });
    return removed;
  });
}

/** The Monday on or before `months` back from today, and the weekdays from it to today inclusive. */
export function businessCalendar(today: string, months: number): { start: string; businessDays: number } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1 - months, d));
  const weekday = (back.getUTCDay() + 6) % 7; // Monday 0
  back.setUTCDate(back.getUTCDate() - weekday);
  const start = back.toISOString().slice(0, 10);
  const days = Math.round((Date.UTC(y, m - 1, d) - back.getTime()) / 86_400_000);
  const businessDays = Math.floor(days / 7) * 5 + Math.min(days % 7, 4) + 1;
  return { start, businessDays };
}

/** Units, categories, routing and service levels as small temporary tables the inserts join. */
async function prepareLookups(trx: LeaderSupportDb, today: string): Promise<void> {
  // Requesters: units at level 3–4 today, each with its sector as the requests take it: the unit
  // above at level 2, or else at level 1 when that is not the leadership team (a pilot hub).
  await sql`
    create temp table ls_synthetic_units on commit drop as
    with recursive current as (
      select unit_id, name, level, kind, parent_id from org_unit_versions
      where valid_from <= ${today}::date and (valid_to is null or valid_to > ${today}::date)
    ),
    up (unit_id, ancestor_id) as (
      select unit_id, parent_id from current where level in (3, 4) and parent_id is not null
      union
      select up.unit_id, c.parent_id from up join current c on c.unit_id = up.ancestor_id where c.parent_id is not null
    )
    select (row_number() over (order by u.unit_id) - 1)::int as k, u.unit_id, u.name, u.level,
           s.unit_id as sector_id, s.name as sector_name
    from current u
    left join lateral (
      select a.unit_id, a.name from up join current a on a.unit_id = up.ancestor_id
      where up.unit_id = u.unit_id and (a.level = 2 or (a.level = 1 and a.kind <> 'leadership_team'))
      order by a.level desc limit 1
    ) s on true
    where u.level in (3, 4)`.execute(trx);
  await sql`
    create temp table ls_synthetic_categories on commit drop as
    select (row_number() over (order by sort_order, key) - 1)::int as k, id, name_nb from ls_categories where active`.execute(trx);
  // The second-line group per category × sector: the most specific routing rule to a line-2 group
  // (a named category before any, the sector before anywhere), else a line-2 group picked by hash.
  await sql`
    create temp table ls_synthetic_routes on commit drop as
    with sectors as (select distinct sector_id from ls_synthetic_units),
    second as (select id, (row_number() over (order by key) - 1)::int as k, count(*) over () as n from ls_groups where line = 2 and active)
    select c.id as category_id, s.sector_id, coalesce(
      (select r.group_id from ls_routing_rules r join ls_groups g on g.id = r.group_id and g.line = 2 and g.active
       where (r.category_id = c.id or r.category_id is null) and (r.area_unit_id = s.sector_id or r.area_unit_id is null)
       order by (r.category_id is null), (r.area_unit_id is null) limit 1),
      (select second.id from second where second.k = abs(hashtext(c.id::text || coalesce(s.sector_id::text, ''))) % second.n),
      (select id from ls_groups where line = 1 and active order by key limit 1)) as group_id
    from ls_synthetic_categories c cross join sectors s`.execute(trx);
  await sql`
    create temp table ls_synthetic_sla on commit drop as
    select c.id as category_id, p.priority,
      (select s.response_minutes from ls_sla_policies s where s.priority = p.priority and (s.category_id = c.id or s.category_id is null)
       order by s.category_id is null limit 1) as response_minutes,
      (select s.resolution_minutes from ls_sla_policies s where s.priority = p.priority and (s.category_id = c.id or s.category_id is null)
       order by s.category_id is null limit 1) as resolution_minutes
    from ls_synthetic_categories c cross join (values ('low'), ('normal'), ('high'), ('urgent')) p (priority)`.execute(trx);
}

/** A uniform number in [0, 1) from a row's number, the seed and a salt: the same run gives the same rows. */
function uniform(row: RawBuilder<unknown>, seed: number, salt: number): RawBuilder<number> {
  return sql<number>`((hashint8extended(${row}::bigint, ${seed * 1000 + salt}::bigint) & 140737488355327)::float8 / 140737488355328.0)`;
}

/** A standard normal number (Box–Muller) from two uniforms. */
function normal(row: RawBuilder<unknown>, seed: number, salt: number): RawBuilder<number> {
  return sql<number>`(sqrt(-2 * ln(${uniform(row, seed, salt)} + 1e-12)) * cos(2 * pi() * ${uniform(row, seed, salt + 1)}))`;
}

/** The moment `minutes` business minutes after the start Monday's opening (weekdays 08:00–15:30). */
function businessMoment(minutes: RawBuilder<unknown>, start: string, timeZone: string): RawBuilder<Date> {
  return sql<Date>`((${start}::date + ((${minutes})::bigint / ${businessDay} / 5 * 7 + (${minutes})::bigint / ${businessDay} % 5)::int)
    + ((${dayStartMinutes} + (${minutes})::bigint % ${businessDay})::int * interval '1 minute')) at time zone ${timeZone}`;
}

async function insertRequests(
  trx: LeaderSupportDb,
  o: { total: number; seed: number; start: string; businessDays: number; timeZone: string },
): Promise<void> {
  const i = sql.ref('g.i');
  const u = (salt: number) => uniform(i, o.seed, salt);
  const z = (salt: number) => normal(i, o.seed, salt);
  const moment = (minutes: RawBuilder<unknown>) => businessMoment(minutes, o.start, o.timeZone);
  // Layer by layer: draws → the request's shape → its times → its state at now(). `offset 0` keeps
  // each layer a layer: without it the planner inlines them and computes every expression once per use.
  await sql`
    insert into ls_requests (category_id, subject, description, fields, requester_name, unit_id, unit_name, unit_level,
      sector_unit_id, sector_name, channel, priority, status, line, group_id, third_line_kind, third_line_party, self_service,
      highest_line, created_at, first_response_at, resolved_at, closed_at, response_due_at, resolution_due_at,
      response_breached, resolution_breached, synthetic, updated_at)
    select category_id, ${syntheticSubjectPrefix} || ' ' || category_name, 'Syntetisk henvendelse laget for demo og måling.', '{}'::jsonb,
      ${syntheticSubjectPrefix} || ' leder, ' || unit_name, unit_id, unit_name, unit_level, sector_id, sector_name, channel, priority,
      status, case when status = 'new' then 1 else highest_line end,
      case when status = 'new' or highest_line = 1 then first_group when highest_line = 2 then second_group else coalesce(third_group, second_group) end,
      case when highest_line = 3 and status <> 'new' then case when is_external then 'external' else 'internal' end end,
      case when highest_line = 3 and status <> 'new' then case when is_external then '[Syntetisk] ekstern rådgiver' else '[Syntetisk] jurist' end end,
      self_service, case when status = 'new' then 1 else highest_line end, created_at,
      case when response_at <= now() and not self_service then response_at end,
      case when status in ('resolved', 'closed') then resolved_at end,
      case when status = 'closed' then closed_at end,
      response_due_at, resolution_due_at,
      not self_service and response_due_at is not null and least(response_at, now()) > response_due_at,
      not self_service and resolution_due_at is not null and least(resolved_at, now()) > resolution_due_at,
      true, greatest(created_at, least(coalesce(case when status = 'closed' then closed_at end, resolved_at, response_at), now()))
    from (
      select t.*,
        case when self_service then 'closed'
             when response_at > now() then 'new'
             when resolved_at > now() then case when wait_draw < 0.2 then 'waiting' else 'in_progress' end
             when closed_at <= now() then 'closed'
             else 'resolved' end as status
      from (
        select s.*,
          ${moment(sql`s.created_minute`)} as created_at,
          ${moment(sql`s.created_minute + s.response_minutes`)} as response_at,
          ${moment(sql`s.created_minute + s.resolution_minutes`)} as resolved_at,
          ${moment(sql`s.created_minute + s.resolution_minutes + 5 * ${businessDay}`)} as closed_at,
          ${moment(sql`s.created_minute + sla.response_minutes`)} as response_due_at,
          ${moment(sql`s.created_minute + sla.resolution_minutes`)} as resolution_due_at
        from (
          select d.*,
            -- Business minutes: log-normal, by line and priority; self-service is the leader's own few minutes.
            case when d.self_service then 0
                 else greatest(1, round(case d.priority when 'urgent' then 10 when 'high' then 30 when 'normal' then 60 else 120 end
                                        * exp(0.9 * d.response_normal)))::bigint end as response_minutes,
            case when d.self_service then 1 + floor(d.self_service_minutes * 30)::bigint
                 else greatest(
                   round(case d.priority when 'urgent' then 10 when 'high' then 30 when 'normal' then 60 else 120 end * exp(0.9 * d.response_normal)),
                   round(case d.highest_line when 1 then 180 when 2 then 900 else 4500 end
                         * case d.priority when 'urgent' then 0.3 when 'high' then 0.6 else 1 end * exp(d.resolution_normal)))::bigint + 1
            end as resolution_minutes
          from (
            select g.i,
              -- Weekdays in turn from the start Monday; a morning-heavy time of day in opening hours.
              floor(${u(1)} * ${o.businessDays})::bigint * ${businessDay} + floor(power(${u(2)}, 1.3) * ${businessDay})::bigint as created_minute,
              unit.unit_id, unit.name as unit_name, unit.level as unit_level, unit.sector_id, unit.sector_name,
              category.id as category_id, category.name_nb as category_name,
              ${u(5)} < 0.08 as self_service,
              case when ${u(5)} < 0.08 then 'portal' when ${u(7)} < 0.12 then 'phone' when ${u(7)} < 0.17 then 'email' else 'portal' end as channel,
              case when ${u(5)} >= 0.08 and ${u(7)} < 0.12 then case when ${u(8)} < 0.6 then 'urgent' else 'high' end
                   when ${u(8)} < 0.02 then 'urgent' when ${u(8)} < 0.12 then 'high' when ${u(8)} < 0.9 then 'normal' else 'low' end as priority,
              -- About 70 % stay in the first line, a little more or less by sector; 2–3 % reach a third line.
              case when ${u(5)} < 0.08 then 1
                   when ${u(6)} < 0.72 + ((abs(hashtext(coalesce(unit.sector_id::text, ''))) % 11) - 5) * 0.015 then 1
                   when ${u(6)} < 0.975 then 2 else 3 end as highest_line,
              ${z(9)} as response_normal, ${z(11)} as resolution_normal, ${u(13)} as self_service_minutes,
              ${u(14)} as wait_draw, ${u(15)} < 0.3 as is_external,
              first_line.id as first_group, route.group_id as second_group, third_line.id as third_group
            from generate_series(1, ${o.total}) g (i)
            join ls_synthetic_units unit on unit.k = floor(power(${u(3)}, 1.2) * (select count(*) from ls_synthetic_units))::int
            join ls_synthetic_categories category on category.k = floor(power(${u(4)}, 1.6) * (select count(*) from ls_synthetic_categories))::int
            left join ls_synthetic_routes route on route.category_id = category.id and route.sector_id is not distinct from unit.sector_id
            cross join lateral (select id from ls_groups where line = 1 and active order by key limit 1) first_line
            left join lateral (select id from ls_groups where line = 3 and active order by key limit 1) third_line on true
            offset 0
          ) d
          offset 0
        ) s
        left join ls_synthetic_sla sla on sla.category_id = s.category_id and sla.priority = s.priority
        offset 0
      ) t
      offset 0
    ) r
    where created_at <= now()`.execute(trx);
}

async function insertDependants(trx: LeaderSupportDb, o: { seed: number; after: bigint; timeZone: string }): Promise<void> {
  const n = sql.ref('r.number');
  const u = (salt: number) => uniform(n, o.seed, salt);
  const z = (salt: number) => normal(n, o.seed, salt);
  const batch = sql`r.synthetic and r.number > ${o.after.toString()}`;
  // History: «created» and, when resolved, «resolved», already dispatched (no notification for old news).
  await sql`
    insert into ls_request_events (request_id, type, actor_name, data, created_at, dispatched_at)
    select r.id, 'created', ${syntheticSubjectPrefix}, '{"synthetic": true}'::jsonb, r.created_at, r.created_at from ls_requests r where ${batch}
    union all
    select r.id, 'resolved', ${syntheticSubjectPrefix}, '{"synthetic": true}'::jsonb, r.resolved_at, r.resolved_at
    from ls_requests r where ${batch} and r.resolved_at is not null`.execute(trx);
  // Time per line that worked: minutes, log-normal, from the first response on.
  await sql`
    insert into ls_time_entries (request_id, line, minutes, note, created_at)
    select r.id, l.line, least(1440, greatest(1, round(case l.line when 1 then 12 when 2 then 60 else 180 end * exp(0.7 * ${z(21)}))))::int,
      ${syntheticSubjectPrefix}, coalesce(r.resolved_at, r.first_response_at)
    from ls_requests r cross join (values (1), (2), (3)) l (line)
    where ${batch} and not r.self_service and r.first_response_at is not null and l.line <= r.highest_line`.execute(trx);
  // A survey after each resolution; about 40 % answer, mostly 4–5, less happy when the SLA broke.
  await sql`
    insert into ls_surveys (request_id, sent_at, score, comment, answered_at)
    select id, resolved_at, case when answered then score end,
      case when answered and comment_draw < 0.1 then case when score >= 4 then '[Syntetisk] Rask og god hjelp.' else '[Syntetisk] Tok for lang tid.' end end,
      case when answered then resolved_at + (answer_hours * interval '1 hour') end
    from (
      select r.id, r.resolved_at, ${u(31)} < 0.4 as answered, ${u(33)} as comment_draw, 1 + floor(${u(34)} * 72) as answer_hours,
        case when ${u(32)} + case when r.resolution_breached then 0.25 else 0 end < 0.45 then 5
             when ${u(32)} + case when r.resolution_breached then 0.25 else 0 end < 0.8 then 4
             when ${u(32)} + case when r.resolution_breached then 0.25 else 0 end < 0.9 then 3
             when ${u(32)} + case when r.resolution_breached then 0.25 else 0 end < 0.96 then 2 else 1 end as score
      from ls_requests r where ${batch} and not r.self_service and r.resolved_at is not null
    ) s`.execute(trx);
}

export { SyntheticHistoryError };
