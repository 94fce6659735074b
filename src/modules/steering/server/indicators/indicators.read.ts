import { sql } from 'kysely';
import { can, compareNorwegian, type Actor } from '../../../../kernel/index.js';
import type {
  AreaOverview,
  Dashboard,
  IndicatorDetail,
  IndicatorList,
  IndicatorsQuery,
  IndicatorSummary,
  StatusCounts,
} from '../../indicators.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import { actsForUnit, indicatorByKey, ownerIds } from './indicators.commands.js';
import {
  selectDashboardIndicators,
  selectIndicators,
  selectOwners,
  selectStates,
  ruleOf,
  type IndicatorRow,
  type Scope,
} from './indicators.queries.js';
import { comparePeriods, norwegianToday, readPeriod } from './periods.js';
import { areaByCode, invalid, toNumber, unitNames } from './shared.js';
import { indicatorStatus } from './status.js';

type AreaRow = { id: string; code: string; name: string };

async function areasById(db: SteeringDb): Promise<Map<string, AreaRow>> {
  const rows = await db.selectFrom('st_programme_areas').select(['id', 'code', 'name']).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

type DefinitionRow = Pick<
  IndicatorRow,
  'id' | 'key' | 'name' | 'unit_of_measure' | 'direction' | 'frequency' | 'data_source' | 'green_at' | 'red_at' | 'area_id'
>;

/** An indicator's definition as the list and the detail page give it. */
function definitionOf(row: DefinitionRow, areas: Map<string, AreaRow>) {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    unitOfMeasure: row.unit_of_measure,
    direction: row.direction,
    frequency: row.frequency,
    dataSource: row.data_source,
    greenAt: toNumber(row.green_at),
    redAt: toNumber(row.red_at),
    area: row.area_id ? (areas.get(row.area_id) ?? null) : null,
  };
}

/** The month a requested period ends ('YYYY-MM'); the default is today's month. */
export function cutoffOf(period: string | undefined): { period: string; endMonth: string } {
  if (period === undefined || period === '') {
    const today = norwegianToday();
    return { period: today.slice(0, 4), endMonth: today.slice(0, 7) };
  }
  const parsed = readPeriod(period);
  if (!parsed)
    throw invalid(
      `Perioden «${period}» finnes ikke. Skriv ÅÅÅÅ, ÅÅÅÅ-T1 til ÅÅÅÅ-T3 eller ÅÅÅÅ-MM.`,
      `The period “${period}” does not exist. Write YYYY, YYYY-T1 to YYYY-T3 or YYYY-MM.`,
      { field: 'period' },
    );
  return { period: parsed.text, endMonth: parsed.endMonth };
}

const emptyCounts = (): StatusCounts => ({ green: 0, yellow: 0, red: 0, none: 0 });

async function summaries(db: SteeringDb, indicators: IndicatorRow[], scope: Scope, endMonth: string, tail: number) {
  const [states, owners, areas] = await Promise.all([
    selectStates(db, indicators, scope, endMonth, tail),
    selectOwners(db, scope),
    areasById(db),
  ]);
  const names = await unitNames(db, [...owners.values()].flat());
  const ownersOf = (id: string) =>
    (owners.get(id) ?? [])
      .map((unitId) => ({ id: unitId, name: names.get(unitId) ?? unitId }))
      .sort((a, b) => compareNorwegian(a.name, b.name));
  return { states, ownersOf, areas };
}

export async function listIndicators(db: SteeringDb, query: IndicatorsQuery): Promise<IndicatorList> {
  let ids: string[] | null = null;
  const narrow = (found: string[]) => (ids = ids === null ? found : ids.filter((id) => found.includes(id)));
  if (query.area) {
    const area = await areaByCode(db, query.area);
    narrow((await db.selectFrom('st_indicators').select('id').where('area_id', '=', area.id).execute()).map((r) => r.id));
  }
  if (query.goal)
    narrow(
      (await db.selectFrom('st_indicator_goals').select('indicator_id').where('goal_id', '=', query.goal).execute()).map(
        (r) => r.indicator_id,
      ),
    );
  if (query.owner)
    narrow(
      (await db.selectFrom('st_indicator_owners').select('indicator_id').where('unit_id', '=', query.owner).execute()).map(
        (r) => r.indicator_id,
      ),
    );
  const scope: Scope = ids === null ? 'all' : { ids };
  const indicators = await selectIndicators(db, scope);
  const cutoff = cutoffOf(undefined);
  const { states, ownersOf, areas } = await summaries(db, indicators, scope, cutoff.endMonth, 1);
  const list: IndicatorSummary[] = indicators.map((row) => {
    const state = states.get(row.id)!;
    return {
      ...definitionOf(row, areas),
      owners: ownersOf(row.id),
      latest: state.latest,
      target: state.target,
      status: state.status,
      synthetic: row.synthetic,
    };
  });
  return { indicators: list.sort((a, b) => compareNorwegian(a.name, b.name)) };
}

export async function readDashboard(db: SteeringDb, areaCode: string | undefined, period: string | undefined): Promise<Dashboard> {
  const cutoff = cutoffOf(period);
  const area = areaCode ? await areaByCode(db, areaCode) : null;
  const indicators = await selectDashboardIndicators(db, area ? { areaId: area.id } : 'all', cutoff.endMonth, 10);
  const counts = emptyCounts();
  const rows = indicators.map((row) => {
    counts[row.status] += 1;
    return {
      key: row.key,
      name: row.name,
      unitOfMeasure: row.unit_of_measure,
      direction: row.direction,
      frequency: row.frequency,
      latest: row.latest,
      target: row.target,
      status: row.status,
      sparkline: row.sparkline,
      owners: row.owners.sort((a, b) => compareNorwegian(a.name, b.name)),
      commentCount: row.commentCount,
      synthetic: row.synthetic,
    };
  });
  const order = { red: 0, yellow: 1, green: 2, none: 3 };
  rows.sort((a, b) => order[a.status] - order[b.status] || compareNorwegian(a.name, b.name));
  return { area, period: cutoff.period, counts, indicators: rows };
}

export async function readAreaOverview(db: SteeringDb, period: string | undefined): Promise<AreaOverview> {
  const cutoff = cutoffOf(period);
  const indicators = await selectIndicators(db, 'all');
  const states = await selectStates(db, indicators, 'all', cutoff.endMonth, 1);
  const areas = await db
    .selectFrom('st_programme_areas')
    .select(['id', 'code', 'name', 'sort_order'])
    .where('active', '=', true)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return {
    period: cutoff.period,
    areas: areas.map((area) => {
      const counts = emptyCounts();
      let n = 0;
      for (const row of indicators)
        if (row.area_id === area.id) {
          counts[states.get(row.id)!.status] += 1;
          n += 1;
        }
      return { id: area.id, code: area.code, name: area.name, counts, indicators: n };
    }),
  };
}

export async function readIndicator(db: SteeringDb, key: string, actor: Actor | null): Promise<IndicatorDetail> {
  const head = await indicatorByKey(db, key);
  const row = await db.selectFrom('st_indicators').selectAll().where('id', '=', head.id).executeTakeFirstOrThrow();
  const [owners, goals, targets, values, comments, areas] = await Promise.all([
    ownerIds(db, head.id),
    db
      .selectFrom('st_indicator_goals as ig')
      .innerJoin('st_goals as g', 'g.id', 'ig.goal_id')
      .select(['g.id', 'g.title', 'g.level'])
      .where('ig.indicator_id', '=', head.id)
      .execute(),
    db.selectFrom('st_indicator_targets').select(['period', 'target']).where('indicator_id', '=', head.id).execute(),
    db
      .selectFrom('st_indicator_values')
      .select(['period', 'unit_id', 'district', 'value'])
      .where('indicator_id', '=', head.id)
      .where('region', 'is', null)
      .execute(),
    sql<{
      id: string;
      unit_id: string | null;
      period: string | null;
      body: string;
      measure: string | null;
      author: string;
      created_at: Date;
    }>`
      select c.id, c.unit_id, c.period, c.body, c.measure, u.display_name as author, c.created_at
      from st_indicator_comments c join users u on u.id = c.author_id
      where c.indicator_id = ${head.id} order by c.created_at desc, c.id`.execute(db),
    areasById(db),
  ]);
  const unitIds = new Set([
    ...owners,
    ...values.filter((v) => v.unit_id).map((v) => v.unit_id!),
    ...comments.rows.flatMap((c) => c.unit_id ?? []),
  ]);
  const names = await unitNames(db, unitIds);
  const ref = (id: string) => ({ id, name: names.get(id) ?? id });
  const targetOf = new Map(targets.map((t) => [t.period, Number(t.target)]));
  const rule = ruleOf(row);
  const municipality = values.filter((v) => v.unit_id === null && v.district === null);
  const periods = [...new Set([...municipality.map((v) => v.period), ...targets.map((t) => t.period)])].sort(comparePeriods);
  const series = periods.map((period) => {
    const found = municipality.find((v) => v.period === period);
    const value = found ? Number(found.value) : null;
    const target = targetOf.get(period) ?? null;
    return { period, value, target, status: indicatorStatus(value, rule, target) };
  });
  const withValue = series.filter((p) => p.value !== null);
  const last = withValue.at(-1) ?? null;
  const group = <K>(keyOf: (v: (typeof values)[number]) => K | null) => {
    const map = new Map<K, { period: string; value: number }[]>();
    for (const v of values) {
      const k = keyOf(v);
      if (k === null) continue;
      map.set(k, [...(map.get(k) ?? []), { period: v.period, value: Number(v.value) }]);
    }
    for (const list of map.values()) list.sort((a, b) => comparePeriods(a.period, b.period));
    return map;
  };
  const byUnit = group((v) => v.unit_id);
  const byDistrict = group((v) => v.district);
  const ownerRefs = owners.map(ref).sort((a, b) => compareNorwegian(a.name, b.name));
  const mayCommentFor = [];
  for (const owner of ownerRefs) if (await actsForUnit(db, actor, owner.id)) mayCommentFor.push(owner);
  return {
    ...definitionOf(row, areas),
    owners: ownerRefs,
    latest: last ? { period: last.period, value: last.value! } : null,
    target: last?.target ?? null,
    status: last?.status ?? 'none',
    synthetic: row.synthetic,
    definition: row.definition,
    source: row.source,
    revision: row.revision,
    goals: goals.sort((a, b) => compareNorwegian(a.title, b.title)),
    targets: targets.map((t) => ({ period: t.period, target: Number(t.target) })).sort((a, b) => comparePeriods(a.period, b.period)),
    series,
    units: [...byUnit.entries()]
      .map(([id, list]) => ({ unit: ref(id), values: list }))
      .sort((a, b) => compareNorwegian(a.unit.name, b.unit.name)),
    districts: [...byDistrict.entries()].map(([district, list]) => ({ district, values: list })).sort((a, b) => a.district - b.district),
    comments: comments.rows.map((c) => ({
      id: c.id,
      unit: c.unit_id ? ref(c.unit_id) : null,
      period: c.period,
      body: c.body,
      measure: c.measure,
      authorName: c.author,
      createdAt: new Date(c.created_at).toISOString(),
    })),
    mayCommentFor,
    mayEdit: await can(actor, 'steering:write'),
  };
}
