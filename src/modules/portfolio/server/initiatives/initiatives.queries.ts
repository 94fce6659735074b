import { sql, type RawBuilder } from 'kysely';
import { compareNorwegian, type Actor } from '../../../../kernel/index.js';
import { selectUnitsWithAncestors, type OrganisationDb } from '../../../organisation/index.js';
import { selectGoalOptions, type SteeringDb } from '../../../steering/index.js';
import {
  initiativeCategories,
  initiativePhases,
  initiativeSizes,
  initiativeStates,
  type InitiativeDetail,
  type InitiativeOptions,
  type InitiativePhase,
  type Lights,
  type Overview,
  type OverviewQuery,
  type OverviewRow,
  type Roadmap,
  type RoadmapQuery,
} from '../../initiatives.schemas.js';
import type { Light, PortfolioDb } from '../portfolio.tables.js';
import { mayEditInitiative } from './edit-initiative.js';
import { dateToMonth, notFound, validOn } from './shared.js';

type Named = { id: string; name: string };
type UnitMap = Awaited<ReturnType<typeof selectUnitsWithAncestors>>;

/** The level-2 unit (kommunalsjef/director area) at or above `unitId`. */
function areaOf(units: UnitMap, unitId: string): Named | null {
  const seen = new Set<string>();
  let current = units.get(unitId);
  while (current && !seen.has(current.id)) {
    if (current.level === 2) return { id: current.id, name: current.name };
    if (current.level < 2) return null;
    seen.add(current.id);
    current = current.parent_id ? units.get(current.parent_id) : undefined;
  }
  return null;
}

async function unitsOf(db: PortfolioDb, unitIds: readonly string[], date: string) {
  const units = await selectUnitsWithAncestors(db as unknown as OrganisationDb, [...new Set(unitIds)], date);
  return {
    unit: (id: string): Named => ({ id, name: units.get(id)?.name ?? '—' }),
    area: (id: string) => areaOf(units, id),
  };
}

/** What the intake form and the overview's filters offer. */
export async function selectInitiativeOptions(db: PortfolioDb, date: string): Promise<InitiativeOptions> {
  const [units, users, goals, decisions] = await Promise.all([
    db
      .selectFrom('org_unit_versions as uv')
      .select(['uv.unit_id as id', 'uv.name', 'uv.level', 'uv.parent_id as parentId'])
      .where(validOn('uv', date))
      .execute(),
    db.selectFrom('users').select(['id', 'display_name']).where('disabled_at', 'is', null).execute(),
    selectGoalOptions(db as unknown as SteeringDb),
    db
      .selectFrom('st_political_decisions')
      .select(['id', 'case_number', 'title', 'meeting_date'])
      .orderBy('meeting_date', 'desc')
      .execute(),
  ]);
  const sortedUnits = units.sort((a, b) => compareNorwegian(a.name, b.name));
  return {
    units: sortedUnits,
    areas: sortedUnits.filter((u) => u.level === 2),
    users: users.map((u) => ({ id: u.id, displayName: u.display_name })).sort((a, b) => compareNorwegian(a.displayName, b.displayName)),
    goals,
    decisions: decisions.map((d) => ({ id: d.id, caseNumber: d.case_number, title: d.title, meetingDate: String(d.meeting_date) })),
    categories: [...initiativeCategories],
    sizes: [...initiativeSizes],
    phases: [...initiativePhases],
    states: [...initiativeStates],
  };
}

/** The overview's filters as SQL conditions on `i` (pf_initiatives); the phase one apart, for the phase summary. */
function conditions(query: OverviewQuery, date: string): { common: RawBuilder<unknown>[]; phase: RawBuilder<unknown> | null } {
  const common: RawBuilder<unknown>[] = [];
  common.push(query.state ? sql`i.state = ${query.state}` : sql`i.state <> 'merged'`);
  if (query.category) common.push(sql`i.category = ${query.category}`);
  if (query.owner) common.push(sql`i.owner_unit_id = ${query.owner}`);
  if (query.agent) common.push(sql`i.digital_agent_id = ${query.agent}`);
  if (query.goal) common.push(sql`exists (select 1 from pf_initiative_goals g where g.initiative_id = i.id and g.goal_id = ${query.goal})`);
  if (query.decision)
    common.push(sql`exists (select 1 from pf_initiative_decisions d where d.initiative_id = i.id and d.decision_id = ${query.decision})`);
  if (query.area)
    common.push(sql`i.owner_unit_id in (
      with recursive down (unit_id) as (
        select ${query.area}::uuid
        union
        select uv.unit_id from org_unit_versions uv join down on uv.parent_id = down.unit_id where ${validOn('uv', date)}
      )
      select unit_id from down)`);
  const q = query.q?.trim();
  if (q) {
    const number = /^(?:ini-?)?(\d{1,9})$/i.exec(q);
    // The separator (chr 31, a control character nobody types) is kept out of the pattern.
    const text = q.replaceAll('\u001f', ' ');
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    common.push(
      number
        ? sql`(i.number = ${Number(number[1])} or i.title ilike ${pattern})`
        : // One ILIKE over the four columns, the expression of pf_initiatives_search_trgm_idx (migration 0002), so the
          // trigram index answers it instead of four ILIKEs over every row.
          sql`(i.title || E'\\x1f' || i.problem || E'\\x1f' || i.need || E'\\x1f' || i.beneficiaries) ilike ${pattern}`,
    );
  }
  return { common, phase: query.phase ? sql`i.phase = ${query.phase}` : null };
}

const where = (parts: RawBuilder<unknown>[]) => (parts.length === 0 ? sql`true` : sql.join(parts, sql` and `));

type ListRow = {
  id: string;
  number: number;
  title: string;
  owner_unit_id: string;
  digital_agent_id: string | null;
  agent_name: string | null;
  category: OverviewRow['category'];
  size: OverviewRow['size'];
  phase: OverviewRow['phase'];
  state: OverviewRow['state'];
  estimated_cost: string;
  planned_start: string | null;
  planned_end: string | null;
  period: string | null;
  scope_light: Light | null;
  time_light: Light | null;
  cost_light: Light | null;
  benefits_light: Light | null;
};

async function selectRows(db: PortfolioDb, filter: RawBuilder<unknown>, limit: number, offset: number): Promise<ListRow[]> {
  // Page first, then the latest status report of just those (the unique (initiative_id, period) index).
  const { rows } = await sql<ListRow>`
    with page as (
      select i.id, i.number, i.title, i.owner_unit_id, i.digital_agent_id, i.category, i.size, i.phase, i.state,
        i.estimated_cost, i.planned_start, i.planned_end
      from pf_initiatives i
      where ${filter}
      order by i.number desc
      limit ${limit} offset ${offset}
    )
    select page.*, u.display_name as agent_name, sr.period, sr.scope_light, sr.time_light, sr.cost_light, sr.benefits_light
    from page
    left join users u on u.id = page.digital_agent_id
    left join lateral (
      select s.period, s.scope_light, s.time_light, s.cost_light, s.benefits_light
      from pf_status_reports s where s.initiative_id = page.id
      order by s.period desc limit 1
    ) sr on true
    order by page.number desc`.execute(db);
  return rows;
}

async function toOverviewRows(db: PortfolioDb, rows: ListRow[], date: string): Promise<OverviewRow[]> {
  const names = await unitsOf(
    db,
    rows.map((r) => r.owner_unit_id),
    date,
  );
  return rows.map((r) => ({
    id: r.id,
    number: Number(r.number),
    title: r.title,
    ownerUnit: names.unit(r.owner_unit_id),
    area: names.area(r.owner_unit_id),
    digitalAgent: r.digital_agent_id ? { id: r.digital_agent_id, displayName: r.agent_name ?? '—' } : null,
    category: r.category,
    size: r.size,
    phase: r.phase,
    state: r.state,
    estimatedCost: Number(r.estimated_cost),
    plannedStart: dateToMonth(dateText(r.planned_start)),
    plannedEnd: dateToMonth(dateText(r.planned_end)),
    lights: lightsOf(r),
  }));
}

const dateText = (value: unknown): string | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

function lightsOf(r: Pick<ListRow, 'period' | 'scope_light' | 'time_light' | 'cost_light' | 'benefits_light'>): Lights | null {
  if (!r.period || !r.scope_light || !r.time_light || !r.cost_light || !r.benefits_light) return null;
  return { period: r.period, scope: r.scope_light, time: r.time_light, cost: r.cost_light, benefits: r.benefits_light };
}

/** The portfolio overview: one page of initiatives and the count per phase for the filtered set. */
export async function selectOverview(db: PortfolioDb, query: OverviewQuery, date: string): Promise<Overview> {
  const pageSize = query.pageSize ?? 25;
  const page = query.page ?? 1;
  const { common, phase } = conditions(query, date);
  const [counts, rows] = await Promise.all([
    sql<{ phase: InitiativePhase; n: string }>`
      select i.phase, count(*) as n from pf_initiatives i where ${where(common)} group by i.phase`.execute(db),
    selectRows(db, where(phase ? [...common, phase] : common), pageSize, (page - 1) * pageSize),
  ]);
  const byPhase = new Map(counts.rows.map((r) => [r.phase, Number(r.n)]));
  const phaseCounts = initiativePhases.map((p) => ({ phase: p, count: byPhase.get(p) ?? 0 }));
  const total = query.phase ? (byPhase.get(query.phase) ?? 0) : phaseCounts.reduce((sum, p) => sum + p.count, 0);
  return { rows: await toOverviewRows(db, rows, date), total, page, pageSize, phaseCounts };
}

/** Every initiative the filters match (for the export), newest first. */
export async function selectOverviewAll(db: PortfolioDb, query: OverviewQuery, date: string): Promise<OverviewRow[]> {
  const { common, phase } = conditions(query, date);
  const rows = await selectRows(db, where(phase ? [...common, phase] : common), 100_000, 0);
  return toOverviewRows(db, rows, date);
}

/** One initiative with its goals, decisions followed, names, and its history (carried-over events marked). */
export async function selectInitiativeDetail(db: PortfolioDb, actor: Actor, id: string, date: string): Promise<InitiativeDetail> {
  const row = await db
    .selectFrom('pf_initiatives as i')
    .innerJoin('users as p', 'p.id', 'i.proposed_by')
    .leftJoin('users as a', 'a.id', 'i.digital_agent_id')
    .leftJoin('pf_initiatives as m', 'm.id', 'i.merged_into_id')
    .selectAll('i')
    .select(['p.display_name as proposer_name', 'a.display_name as agent_name', 'm.number as merged_number', 'm.title as merged_title'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Fant ikke initiativet.', 'The initiative was not found.');
  const [goals, decisions, events, mergedFrom, latest, names, mayEdit] = await Promise.all([
    db
      .selectFrom('pf_initiative_goals as ig')
      .innerJoin('st_goals as g', 'g.id', 'ig.goal_id')
      .select(['g.id', 'g.title', 'g.sort_order'])
      .where('ig.initiative_id', '=', id)
      .orderBy('g.sort_order')
      .execute(),
    db
      .selectFrom('pf_initiative_decisions as idc')
      .innerJoin('st_political_decisions as d', 'd.id', 'idc.decision_id')
      .select(['d.id', 'd.case_number', 'd.title', 'd.meeting_date'])
      .where('idc.initiative_id', '=', id)
      .orderBy('d.meeting_date', 'desc')
      .execute(),
    db
      .selectFrom('pf_initiative_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.id', 'e.type', 'e.data', 'e.occurred_at', 'u.display_name'])
      .where('e.initiative_id', '=', id)
      .orderBy('e.occurred_at')
      .orderBy('e.id')
      .execute(),
    db.selectFrom('pf_initiatives').select(['id', 'number', 'title']).where('merged_into_id', '=', id).orderBy('number').execute(),
    db
      .selectFrom('pf_status_reports')
      .select(['period', 'scope_light', 'time_light', 'cost_light', 'benefits_light'])
      .where('initiative_id', '=', id)
      .orderBy('period', 'desc')
      .limit(1)
      .executeTakeFirst(),
    unitsOf(db, [row.owner_unit_id], date),
    mayEditInitiative(db, actor, row),
  ]);
  const closed = row.state === 'merged' || row.state === 'stopped';
  return {
    id: row.id,
    number: Number(row.number),
    title: row.title,
    problem: row.problem,
    need: row.need,
    beneficiaries: row.beneficiaries,
    ownerUnit: names.unit(row.owner_unit_id),
    area: names.area(row.owner_unit_id),
    digitalAgent: row.digital_agent_id ? { id: row.digital_agent_id, displayName: row.agent_name ?? '—' } : null,
    category: row.category,
    size: row.size,
    estimatedCost: Number(row.estimated_cost),
    estimatedMonths: row.estimated_months,
    plannedStart: dateToMonth(dateText(row.planned_start)),
    plannedEnd: dateToMonth(dateText(row.planned_end)),
    architectureNotes: row.architecture_notes,
    personalData: row.personal_data,
    dpiaNeeded: row.dpia_needed,
    privacyNotes: row.privacy_notes,
    phase: row.phase,
    state: row.state,
    mergedInto: row.merged_into_id ? { id: row.merged_into_id, number: Number(row.merged_number), title: row.merged_title ?? '' } : null,
    mergedFrom: mergedFrom.map((m) => ({ id: m.id, number: Number(m.number), title: m.title })),
    proposedBy: { id: row.proposed_by, displayName: row.proposer_name },
    proposedAt: new Date(row.proposed_at).toISOString(),
    synthetic: row.synthetic,
    revision: row.revision,
    goals: goals.map((g) => ({ id: g.id, title: g.title })),
    decisions: decisions.map((d) => ({ id: d.id, caseNumber: d.case_number, title: d.title, meetingDate: dateText(d.meeting_date) ?? '' })),
    lights: latest ? lightsOf(latest) : null,
    history: events.map((e) => {
      const data = (e.data ?? {}) as Record<string, unknown>;
      const from = data.fromInitiative as { id?: unknown; number?: unknown; title?: unknown } | undefined;
      return {
        id: String(e.id),
        type: e.type,
        data,
        actorName: e.display_name,
        occurredAt: new Date(e.occurred_at).toISOString(),
        fromInitiative:
          from && typeof from.id === 'string' ? { id: from.id, number: Number(from.number), title: String(from.title ?? '') } : null,
      };
    }),
    mayEdit: mayEdit && !closed,
    mayMerge: actor.permissions.has('portfolio:decide') && row.state !== 'merged',
  };
}

/** Initiatives with planned start and end, for the timeline (merged and stopped ones left out). */
export async function selectRoadmap(db: PortfolioDb, query: RoadmapQuery, date: string): Promise<Roadmap> {
  const { common, phase } = conditions({ area: query.area, phase: query.phase }, date);
  const parts = [...common, sql`i.state not in ('merged', 'stopped')`, ...(phase ? [phase] : [])];
  const [{ rows }, undated] = await Promise.all([
    sql<{
      id: string;
      number: number;
      title: string;
      phase: InitiativePhase;
      state: OverviewRow['state'];
      owner_unit_id: string;
      planned_start: string;
      planned_end: string;
    }>`
      select i.id, i.number, i.title, i.phase, i.state, i.owner_unit_id, i.planned_start, i.planned_end
      from pf_initiatives i
      where ${where(parts)} and i.planned_start is not null and i.planned_end is not null
      order by i.planned_start, i.number`.execute(db),
    sql<{ n: string }>`
      select count(*) as n from pf_initiatives i
      where ${where(parts)} and (i.planned_start is null or i.planned_end is null)`.execute(db),
  ]);
  const names = await unitsOf(
    db,
    rows.map((r) => r.owner_unit_id),
    date,
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      number: Number(r.number),
      title: r.title,
      phase: r.phase,
      state: r.state,
      area: names.area(r.owner_unit_id),
      ownerUnit: names.unit(r.owner_unit_id),
      plannedStart: dateToMonth(dateText(r.planned_start))!,
      plannedEnd: dateToMonth(dateText(r.planned_end))!,
    })),
    undated: Number(undated.rows[0]?.n ?? 0),
  };
}
