import { sql } from 'kysely';
import type { SteeringDb } from '../steering.tables.js';
import { indicatorStatus, type IndicatorStatus } from './status.js';
import { toNumber } from './shared.js';

// The reads every view shares: an indicator's latest municipality values up to a period (a sparkline's
// worth), the latest one's target and the status (status.ts). Per indicator one walk down the
// partial expression index st_indicator_values_municipality_idx (indicator, end month desc), which
// stops after `tail` rows: no sort, no unit rows touched, whatever the volume of unit values.

/**
 * The month a period ends, in SQL, so periods of every frequency compare: '2024' → '2024-12', '2024-T1' → '2024-04'.
 * Keep it identical to the expression of st_indicator_values_municipality_idx (migrations/0002_indicators.sql).
 */
export const periodEndMonth = (column: string) => sql<string>`(case
  when length(${sql.ref(column)}) = 4 then ${sql.ref(column)} || '-12'
  when substr(${sql.ref(column)}, 6, 1) = 'T' then substr(${sql.ref(column)}, 1, 4) || '-' ||
    (case substr(${sql.ref(column)}, 7, 1) when '1' then '04' when '2' then '08' else '12' end)
  else ${sql.ref(column)} end)`;

export interface IndicatorRow {
  id: string;
  key: string;
  name: string;
  unit_of_measure: string;
  direction: 'higher' | 'lower';
  frequency: 'month' | 'tertial' | 'year';
  data_source: 'manual' | 'import' | 'kostra' | 'leader_support';
  green_at: string | null;
  red_at: string | null;
  area_id: string | null;
  synthetic: boolean;
}

export interface IndicatorState {
  latest: { period: string; value: number } | null;
  target: number | null;
  status: IndicatorStatus;
  /** Oldest first. */
  sparkline: { period: string; value: number }[];
}

export type Scope = { areaId: string } | { ids: string[] } | 'all';

function scopeFilter(scope: Scope) {
  if (scope === 'all') return sql`i.active`;
  if ('areaId' in scope) return sql`i.active and i.area_id = ${scope.areaId}`;
  return scope.ids.length ? sql`i.id in (${sql.join(scope.ids)})` : sql`false`;
}

/** Active indicators of a scope, ordered by name later (the caller sorts Norwegian). */
export async function selectIndicators(db: SteeringDb, scope: Scope): Promise<IndicatorRow[]> {
  const { rows } = await sql<IndicatorRow>`
    select i.id, i.key, i.name, i.unit_of_measure, i.direction, i.frequency, i.data_source, i.green_at, i.red_at, i.area_id, i.synthetic
    from st_indicators i where ${scopeFilter(scope)}`.execute(db);
  return rows;
}

type Point = [period: string, value: number | string, target: number | string | null];

/**
 * Per indicator `i` (in scope): up to `tail` municipality values up to `endMonth` ('YYYY-MM'), newest
 * first, each as JSON [period, value, that period's target]. Written to match the index's expressions.
 */
export function municipalityPoints(endMonth: string, tail: number) {
  return sql<Point[]>`coalesce((select json_agg(json_build_array(p.period, p.value, p.target)) from (
      select v.period, v.value, t.target from st_indicator_values v
        left join st_indicator_targets t on t.indicator_id = v.indicator_id and t.period = v.period
      where v.indicator_id = i.id and v.unit_id is null and v.district is null and v.region is null
        and ${periodEndMonth('v.period')} <= ${endMonth}
      order by ${periodEndMonth('v.period')} desc, length(v.period)
      limit ${tail}) p), '[]')`;
}

function stateOf(indicator: IndicatorRow, points: Point[]): IndicatorState {
  const sparkline = points
    .map(([period, value]) => ({ period, value: Number(value) }))
    .sort((a, b) => endKey(a.period).localeCompare(endKey(b.period)));
  const latest = sparkline.at(-1) ?? null;
  const found = latest ? points.find(([period]) => period === latest.period) : undefined;
  const target = toNumber(found?.[2]);
  return { latest, target, status: indicatorStatus(latest?.value, ruleOf(indicator), target), sparkline };
}

/** Latest value up to `endMonth` ('YYYY-MM'), up to `tail` values, target and status per indicator. */
export async function selectStates(db: SteeringDb, indicators: IndicatorRow[], scope: Scope, endMonth: string, tail = 10) {
  const states = new Map<string, IndicatorState>();
  if (indicators.length === 0) return states;
  const { rows } = await sql<{ id: string; points: Point[] }>`
    select i.id, ${municipalityPoints(endMonth, tail)} as points from st_indicators i where ${scopeFilter(scope)}`.execute(db);
  const pointsById = new Map(rows.map((row) => [row.id, row.points]));
  for (const indicator of indicators) states.set(indicator.id, stateOf(indicator, pointsById.get(indicator.id) ?? []));
  return states;
}

export interface DashboardIndicator extends IndicatorRow, IndicatorState {
  /** Owning units with their names (latest version; the id when the unit has none), unsorted. */
  owners: { id: string; name: string }[];
  commentCount: number;
}

/**
 * The dashboard in one query: the scope's active indicators with owners (and their names), comment
 * counts and the last `tail` municipality values up to `endMonth` with the latest one's target.
 */
export async function selectDashboardIndicators(
  db: SteeringDb,
  scope: Scope,
  endMonth: string,
  tail: number,
): Promise<DashboardIndicator[]> {
  const { rows } = await sql<IndicatorRow & { owners: [string, string | null][]; comment_count: string; points: Point[] }>`
    select i.id, i.key, i.name, i.unit_of_measure, i.direction, i.frequency, i.data_source, i.green_at, i.red_at, i.area_id, i.synthetic,
      coalesce((select json_agg(json_build_array(o.unit_id,
          (select uv.name from org_unit_versions uv where uv.unit_id = o.unit_id order by uv.valid_from desc limit 1)))
        from st_indicator_owners o where o.indicator_id = i.id), '[]') as owners,
      (select count(*) from st_indicator_comments c where c.indicator_id = i.id) as comment_count,
      ${municipalityPoints(endMonth, tail)} as points
    from st_indicators i where ${scopeFilter(scope)}`.execute(db);
  return rows.map(({ owners, comment_count, points, ...row }) => ({
    ...row,
    ...stateOf(row, points),
    owners: owners.map(([id, name]) => ({ id, name: name ?? id })),
    commentCount: Number(comment_count),
  }));
}

function endKey(period: string): string {
  if (period.length === 4) return `${period}-12~`;
  if (period[5] === 'T') return `${period.slice(0, 4)}-${['04', '08', '12'][Number(period[6]) - 1]}~`;
  return `${period}~~`;
}

export const ruleOf = (row: Pick<IndicatorRow, 'direction' | 'green_at' | 'red_at'>) => ({
  direction: row.direction,
  greenAt: toNumber(row.green_at),
  redAt: toNumber(row.red_at),
});

/** Owners per indicator (unit ids). */
export async function selectOwners(db: SteeringDb, scope: Scope): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ indicator_id: string; unit_id: string }>`
    select o.indicator_id, o.unit_id from st_indicator_owners o join st_indicators i on i.id = o.indicator_id
    where ${scopeFilter(scope)}`.execute(db);
  const owners = new Map<string, string[]>();
  for (const row of rows) owners.set(row.indicator_id, [...(owners.get(row.indicator_id) ?? []), row.unit_id]);
  return owners;
}
