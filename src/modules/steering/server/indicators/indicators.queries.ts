import { sql } from 'kysely';
import type { SteeringDb } from '../steering.tables.js';
import { indicatorStatus, type IndicatorStatus } from './status.js';
import { toNumber } from './shared.js';

// The reads every view shares: an indicator's latest municipality value up to a period, the last
// values for a sparkline, the period's target and the status (status.ts). One pass over the
// municipality rows of the chosen indicators (partial index st_indicator_values_municipality_idx).

/** The month a period ends, in SQL, so periods of every frequency compare: '2024' → '2024-12', '2024-T1' → '2024-04'. */
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

/** Latest value up to `endMonth` ('YYYY-MM'), up to `tail` values, target and status per indicator. */
export async function selectStates(db: SteeringDb, indicators: IndicatorRow[], scope: Scope, endMonth: string, tail = 10) {
  const states = new Map<string, IndicatorState>();
  if (indicators.length === 0) return states;
  const [values, targets] = await Promise.all([
    sql<{ indicator_id: string; period: string; value: string }>`
      select x.indicator_id, x.period, x.value from (
        select v.indicator_id, v.period, v.value,
          row_number() over (partition by v.indicator_id order by ${periodEndMonth('v.period')} desc, length(v.period)) as rn
        from st_indicator_values v join st_indicators i on i.id = v.indicator_id
        where ${scopeFilter(scope)} and v.unit_id is null and v.district is null and v.region is null
          and ${periodEndMonth('v.period')} <= ${endMonth}
      ) x where x.rn <= ${tail}`.execute(db),
    sql<{ indicator_id: string; period: string; target: string }>`
      select t.indicator_id, t.period, t.target from st_indicator_targets t join st_indicators i on i.id = t.indicator_id
      where ${scopeFilter(scope)}`.execute(db),
  ]);
  const targetOf = new Map(targets.rows.map((row) => [`${row.indicator_id} ${row.period}`, Number(row.target)]));
  const series = new Map<string, { period: string; value: number }[]>();
  for (const row of values.rows) {
    const list = series.get(row.indicator_id) ?? [];
    list.push({ period: row.period, value: Number(row.value) });
    series.set(row.indicator_id, list);
  }
  for (const indicator of indicators) {
    const list = (series.get(indicator.id) ?? []).sort((a, b) => endKey(a.period).localeCompare(endKey(b.period)));
    const latest = list.at(-1) ?? null;
    const target = latest ? (targetOf.get(`${indicator.id} ${latest.period}`) ?? null) : null;
    const status = indicatorStatus(latest?.value, ruleOf(indicator), target);
    states.set(indicator.id, { latest, target, status, sparkline: list });
  }
  return states;
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

export async function selectCommentCounts(db: SteeringDb, scope: Scope): Promise<Map<string, number>> {
  const { rows } = await sql<{ indicator_id: string; n: string }>`
    select c.indicator_id, count(*) as n from st_indicator_comments c join st_indicators i on i.id = c.indicator_id
    where ${scopeFilter(scope)} group by c.indicator_id`.execute(db);
  return new Map(rows.map((row) => [row.indicator_id, Number(row.n)]));
}
