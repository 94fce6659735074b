import { sql, type RawBuilder } from 'kysely';
import type { Channel } from '../../leader-support.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';

// The SQL behind the figures (docs/support-metrics.md). A handful of aggregate queries, each one
// pass over one slice of ls_requests: created in the period (ls_requests_created_idx), resolved in
// the period (ls_requests_resolved_idx), open now (ls_requests_open_idx), surveys sent in the
// period and time logged on requests created in the period. They run side by side on PostgreSQL
// (a pool); PGlite takes them in turn.

export interface FigureFilters {
  /** The period: Norwegian calendar days `from` to `to`, both included, in the desk's time zone. */
  from: string;
  to: string;
  timeZone: string;
  unitId?: string;
  sectorId?: string;
  categoryId?: string;
  channel?: Channel;
}

const count = (rows: { [key: string]: unknown }, key: string) => Number(rows[key] ?? 0);

/** The filters that apply to every slice, on alias `r`; the unit includes every unit under it today. */
function requestFilters(f: FigureFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`r.status <> 'deleted'`];
  if (f.unitId)
    parts.push(sql`r.unit_id in (
      with recursive below (unit_id) as (
        select ${f.unitId}::uuid
        union
        select v.unit_id from org_unit_versions v join below on v.parent_id = below.unit_id
        where v.valid_from <= current_date and (v.valid_to is null or v.valid_to > current_date)
      ) select unit_id from below)`);
  if (f.sectorId) parts.push(sql`r.sector_unit_id = ${f.sectorId}::uuid`);
  if (f.categoryId) parts.push(sql`r.category_id = ${f.categoryId}::uuid`);
  if (f.channel) parts.push(sql`r.channel = ${f.channel}`);
  return sql.join(parts, sql` and `);
}

// Midnight starting `from` and midnight ending `to`, local time: constants, so the indexes serve.
const start = (f: FigureFilters) => sql`(${f.from}::date::timestamp at time zone ${f.timeZone})`;
const end = (f: FigureFilters) => sql`((${f.to}::date + 1)::timestamp at time zone ${f.timeZone})`;

// The groupings every volume figure is counted by (see groupingOf and keyOf below).
const groupingColumns = sql`grouping(month, r.category_id, r.sector_unit_id, r.unit_id, r.channel) as g,
      to_char(month, 'YYYY-MM') as month, r.category_id, r.sector_unit_id, r.unit_id, r.channel,
      max(r.sector_name) as sector_name, max(r.unit_name) as unit_name`;
const groupingSets = sql`grouping sets ((month), (r.category_id), (r.sector_unit_id), (r.unit_id), (r.channel), ())`;

export interface VolumeRow {
  /** Which grouping: month, category, sector, unit, channel or all. */
  grouping: 'month' | 'category' | 'sector' | 'unit' | 'channel' | 'all';
  key: string | null;
  name: string | null;
  sectorName: string | null;
  created: number;
  selfService: number;
  synthetic: number;
}

/** Requests created in the period, counted per month, category, sector, unit, channel and in all. */
export async function selectCreated(db: LeaderSupportDb, f: FigureFilters): Promise<VolumeRow[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select ${groupingColumns},
      count(*) as created, count(*) filter (where r.self_service) as self_service, count(*) filter (where r.synthetic) as synthetic
    from ls_requests r
    cross join lateral (select date_trunc('month', r.created_at at time zone ${f.timeZone}) as month) m
    where r.created_at >= ${start(f)} and r.created_at < ${end(f)} and ${requestFilters(f)}
    group by ${groupingSets}`.execute(db);
  return rows.map((row) => ({
    ...groupOf(row),
    created: count(row, 'created'),
    selfService: count(row, 'self_service'),
    synthetic: count(row, 'synthetic'),
  }));
}

export interface ResolvedRow extends Omit<VolumeRow, 'created' | 'selfService' | 'synthetic'> {
  /** Resolved or closed in the period, self-service not counted. */
  resolved: number;
  resolvedFirstLine: number;
  responseMeasured: number;
  responseMet: number;
  resolutionMeasured: number;
  resolutionMet: number;
}

/** Requests resolved in the period (resolved or closed now), per month, category, sector, unit, channel and in all. */
export async function selectResolved(db: LeaderSupportDb, f: FigureFilters): Promise<ResolvedRow[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select ${groupingColumns},
      count(*) as resolved,
      count(*) filter (where r.highest_line = 1) as resolved_first_line,
      count(*) filter (where r.response_due_at is not null) as response_measured,
      count(*) filter (where r.response_due_at is not null and not r.response_breached) as response_met,
      count(*) filter (where r.resolution_due_at is not null) as resolution_measured,
      count(*) filter (where r.resolution_due_at is not null and not r.resolution_breached) as resolution_met
    from ls_requests r
    cross join lateral (select date_trunc('month', r.resolved_at at time zone ${f.timeZone}) as month) m
    where r.resolved_at >= ${start(f)} and r.resolved_at < ${end(f)} and r.status in ('resolved', 'closed') and not r.self_service
      and ${requestFilters(f)}
    group by ${groupingSets}`.execute(db);
  return rows.map((row) => ({
    ...groupOf(row),
    resolved: count(row, 'resolved'),
    resolvedFirstLine: count(row, 'resolved_first_line'),
    responseMeasured: count(row, 'response_measured'),
    responseMet: count(row, 'response_met'),
    resolutionMeasured: count(row, 'resolution_measured'),
    resolutionMet: count(row, 'resolution_met'),
  }));
}

export interface TimesRow {
  line: number | null;
  resolved: number;
  responseMedianHours: number | null;
  responseP90Hours: number | null;
  resolutionMedianHours: number | null;
  resolutionP90Hours: number | null;
}

/** Median and 90th percentile of response and resolution time (calendar hours) per highest line, and for all. */
export async function selectTimes(db: LeaderSupportDb, f: FigureFilters): Promise<TimesRow[]> {
  const hours = (column: string) => sql`extract(epoch from (${sql.ref(`r.${column}`)} - r.created_at)) / 3600.0`;
  const { rows } = await sql<Record<string, unknown>>`
    select r.highest_line as line, count(*) as resolved,
      percentile_cont(array[0.5, 0.9]) within group (order by ${hours('first_response_at')}) as response,
      percentile_cont(array[0.5, 0.9]) within group (order by ${hours('resolved_at')}) as resolution
    from ls_requests r
    where r.resolved_at >= ${start(f)} and r.resolved_at < ${end(f)} and r.status in ('resolved', 'closed') and not r.self_service
      and ${requestFilters(f)}
    group by rollup (r.highest_line)`.execute(db);
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  // One sort per measure gives both percentiles (float8[]; the driver may hand it over as text).
  const pair = (value: unknown): [number | null, number | null] => {
    if (value === null || value === undefined) return [null, null];
    const list = Array.isArray(value) ? value : String(value).replace(/[{}]/g, '').split(',');
    return [number(list[0] === 'NULL' ? null : list[0]), number(list[1] === 'NULL' ? null : list[1])];
  };
  return rows.map((row) => {
    const [responseMedianHours, responseP90Hours] = pair(row.response);
    const [resolutionMedianHours, resolutionP90Hours] = pair(row.resolution);
    return {
      line: number(row.line),
      resolved: count(row, 'resolved'),
      responseMedianHours,
      responseP90Hours,
      resolutionMedianHours,
      resolutionP90Hours,
    };
  });
}

export interface BacklogRow {
  open: number;
  under1d: number;
  d1to3: number;
  d3to7: number;
  d7to30: number;
  over30d: number;
}

/** Open requests now (new, in progress, waiting) by age since created, in calendar days. */
export async function selectBacklog(db: LeaderSupportDb, f: FigureFilters): Promise<BacklogRow> {
  const age = sql`now() - r.created_at`;
  const { rows } = await sql<Record<string, unknown>>`
    select count(*) as open,
      count(*) filter (where ${age} < interval '1 day') as under1d,
      count(*) filter (where ${age} >= interval '1 day' and ${age} < interval '3 days') as d1to3,
      count(*) filter (where ${age} >= interval '3 days' and ${age} < interval '7 days') as d3to7,
      count(*) filter (where ${age} >= interval '7 days' and ${age} < interval '30 days') as d7to30,
      count(*) filter (where ${age} >= interval '30 days') as over30d
    from ls_requests r
    where r.status in ('new', 'in_progress', 'waiting') and ${requestFilters(f)}`.execute(db);
  const row = rows[0] ?? {};
  return {
    open: count(row, 'open'),
    under1d: count(row, 'under1d'),
    d1to3: count(row, 'd1to3'),
    d3to7: count(row, 'd3to7'),
    d7to30: count(row, 'd7to30'),
    over30d: count(row, 'over30d'),
  };
}

export interface SatisfactionRow {
  sent: number;
  answered: number;
  mean: number | null;
  distribution: number[];
}

/** Surveys sent in the period on the filtered requests: answered, mean score and how many gave each score. */
export async function selectSatisfaction(db: LeaderSupportDb, f: FigureFilters): Promise<SatisfactionRow> {
  const { rows } = await sql<Record<string, unknown>>`
    select count(*) as sent, count(s.score) as answered, avg(s.score)::float8 as mean,
      count(*) filter (where s.score = 1) as s1, count(*) filter (where s.score = 2) as s2, count(*) filter (where s.score = 3) as s3,
      count(*) filter (where s.score = 4) as s4, count(*) filter (where s.score = 5) as s5
    from ls_surveys s join ls_requests r on r.id = s.request_id
    where s.sent_at >= ${start(f)} and s.sent_at < ${end(f)} and ${requestFilters(f)}`.execute(db);
  const row = rows[0] ?? {};
  return {
    sent: count(row, 'sent'),
    answered: count(row, 'answered'),
    mean: row.mean === null || row.mean === undefined ? null : Number(row.mean),
    distribution: ['s1', 's2', 's3', 's4', 's5'].map((key) => count(row, key)),
  };
}

export interface MinutesRow {
  grouping: 'sector' | 'unit' | 'all';
  key: string | null;
  line: number;
  minutes: number;
}

/** Minutes logged per line on requests created in the period, per sector, per unit and in all. */
export async function selectMinutes(db: LeaderSupportDb, f: FigureFilters): Promise<MinutesRow[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select grouping(r.sector_unit_id, r.unit_id) as g, r.sector_unit_id, r.unit_id, t.line, sum(t.minutes) as minutes
    from ls_requests r join ls_time_entries t on t.request_id = r.id
    where r.created_at >= ${start(f)} and r.created_at < ${end(f)} and ${requestFilters(f)}
    group by grouping sets ((r.sector_unit_id, t.line), (r.unit_id, t.line), (t.line))`.execute(db);
  return rows.map((row) => {
    const g = Number(row.g);
    const grouping = g === 1 ? 'sector' : g === 2 ? 'unit' : 'all';
    const key = grouping === 'sector' ? row.sector_unit_id : grouping === 'unit' ? row.unit_id : null;
    return { grouping, key: (key as string | null) ?? null, line: Number(row.line), minutes: count(row, 'minutes') };
  });
}

/**
 * What the figures were computed from has changed when this has: every change to a request writes
 * an event (ls_request_events, in the same transaction), and the rates live in the settings.
 */
export async function selectFiguresVersion(db: LeaderSupportDb): Promise<string> {
  const { rows } = await sql<{ events: string | null; settings: number | null }>`
    select (select max(id) from ls_request_events) as events, (select revision from ls_settings) as settings`.execute(db);
  return `${rows[0]?.events ?? 0}/${rows[0]?.settings ?? 0}`;
}

/** The unit's name today, if it exists. */
export async function selectUnitName(db: LeaderSupportDb, unitId: string): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`
    select name from org_unit_versions where unit_id = ${unitId}::uuid order by (valid_to is null) desc, valid_from desc limit 1`.execute(
    db,
  );
  return rows[0]?.name ?? null;
}

// grouping(month, category, sector, unit, channel): a bit is 1 where the column is NOT grouped on.
const groupings: Record<number, VolumeRow['grouping']> = {
  0b01111: 'month',
  0b10111: 'category',
  0b11011: 'sector',
  0b11101: 'unit',
  0b11110: 'channel',
  0b11111: 'all',
};

/** A grouped row's grouping and the key, name and sector it is for. */
function groupOf(row: Record<string, unknown>): Pick<VolumeRow, 'grouping' | 'key' | 'name' | 'sectorName'> {
  const grouping = groupingOf(Number(row.g));
  return { grouping, ...keyOf(grouping, row) };
}

function groupingOf(g: number): VolumeRow['grouping'] {
  const grouping = groupings[g];
  if (!grouping) throw new Error(`unexpected grouping ${g}`);
  return grouping;
}

function keyOf(grouping: VolumeRow['grouping'], row: Record<string, unknown>): Pick<VolumeRow, 'key' | 'name' | 'sectorName'> {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  switch (grouping) {
    case 'month':
      return { key: text(row.month), name: null, sectorName: null };
    case 'category':
      return { key: text(row.category_id), name: null, sectorName: null };
    case 'sector':
      return { key: text(row.sector_unit_id), name: text(row.sector_name), sectorName: text(row.sector_name) };
    case 'unit':
      return { key: text(row.unit_id), name: text(row.unit_name), sectorName: text(row.sector_name) };
    case 'channel':
      return { key: text(row.channel), name: null, sectorName: null };
    default:
      return { key: null, name: null, sectorName: null };
  }
}
