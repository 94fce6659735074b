import { sql } from 'kysely';
import { compareNorwegian, todayInNorway } from '../../../../kernel/index.js';
import { leaderRoleTypes } from '../../../organisation/index.js';
import type { BudgetStatus, ReportAdjustment, ReportArea, ReportDecision, ReportIndicator, ReportSummary } from '../../reports.schemas.js';
import { selectAdjustments, selectAreaBudgetStatus } from '../budget/budget.queries.js';
import { selectDecisionStatusTable } from '../decisions/decisions.queries.js';
import { indicatorStatus } from '../indicators/status.js';
import type { SteeringDb } from '../steering.tables.js';
import { countStatuses, indicatorWindowStart } from './report-periods.js';

export { todayInNorway };

// All SQL of the reports part. A report is assembled from the live data per programme area; once
// published, its frozen snapshot is read instead (reports.routes.ts decides which).

export interface ReportRow {
  id: string;
  kind: 'month' | 'tertial' | 'year';
  period: string;
  as_of: string;
  title: string;
  status: 'draft' | 'in_review' | 'published';
  snapshot: unknown;
  published_at: Date | null;
  published_by_name: string | null;
  revision: number;
  created_at: Date;
}

const iso = (value: Date | string | null) =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();
const num = (value: string | number | null | undefined) => (value === null || value === undefined ? null : Number(value));

// A report's columns around its snapshot (which the list leaves out), as a ReportRow reads them.
const reportColumns = ['r.id', 'r.kind', 'r.period', 'r.as_of', 'r.title', 'r.status'] as const;
const publishedColumns = ['r.published_at', 'u.display_name as published_by_name', 'r.revision', 'r.created_at'] as const;

export async function selectReportRow(db: SteeringDb, id: string): Promise<ReportRow | undefined> {
  return db
    .selectFrom('st_reports as r')
    .leftJoin('users as u', 'u.id', 'r.published_by')
    .select([...reportColumns, 'r.snapshot', ...publishedColumns])
    .where('r.id', '=', id)
    .executeTakeFirst() as Promise<ReportRow | undefined>;
}

export function toSummary(row: ReportRow, counts: { sections: number; approved: number }): ReportSummary {
  return {
    id: row.id,
    kind: row.kind,
    period: row.period,
    asOf: row.as_of,
    title: row.title,
    status: row.status,
    revision: row.revision,
    createdAt: iso(row.created_at)!,
    publishedAt: iso(row.published_at),
    publishedBy: row.published_by_name,
    sections: counts.sections,
    approved: counts.approved,
  };
}

/** Every report, newest as-of date first, with how many of its sections are approved. */
export async function selectReportList(db: SteeringDb): Promise<ReportSummary[]> {
  const rows = (await db
    .selectFrom('st_reports as r')
    .leftJoin('users as u', 'u.id', 'r.published_by')
    .select([
      ...reportColumns,
      sql<null>`null`.as('snapshot'),
      ...publishedColumns,
      sql<string>`(select count(*) from st_report_sections s where s.report_id = r.id)`.as('sections'),
      sql<string>`(select count(*) from st_report_sections s where s.report_id = r.id and s.state = 'approved')`.as('approved'),
    ])
    .orderBy('r.as_of', 'desc')
    .orderBy('r.kind')
    .execute()) as (ReportRow & { sections: string; approved: string })[];
  return rows.map((row) => toSummary(row, { sections: Number(row.sections), approved: Number(row.approved) }));
}

export interface SectionRow {
  id: string;
  area_id: string;
  code: string;
  name: string;
  committee: string | null;
  sort_order: number;
  status_text: string;
  assessment: string;
  conclusion: string;
  state: 'open' | 'submitted' | 'approved' | 'returned';
  review_comment: string | null;
  revision: number;
  updated_at: Date;
  updated_by_name: string | null;
}

/** The report's sections with their programme areas, in the areas' order. */
export async function selectSections(db: SteeringDb, reportId: string): Promise<SectionRow[]> {
  const rows = (await db
    .selectFrom('st_report_sections as s')
    .innerJoin('st_programme_areas as a', 'a.id', 's.area_id')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .select([
      's.id',
      's.area_id',
      'a.code',
      'a.name',
      'a.committee',
      'a.sort_order',
      's.status_text',
      's.assessment',
      's.conclusion',
      's.state',
      's.review_comment',
      's.revision',
      's.updated_at',
      'u.display_name as updated_by_name',
    ])
    .where('s.report_id', '=', reportId)
    .execute()) as SectionRow[];
  return rows.sort((a, b) => a.sort_order - b.sort_order || compareNorwegian(a.code, b.code));
}

interface IndicatorRow {
  id: string;
  area_id: string;
  key: string;
  name: string;
  unit_of_measure: string;
  direction: 'higher' | 'lower';
  green_at: string | null;
  red_at: string | null;
  period: string | null;
  value: string | null;
  municipal: boolean | null;
  target: string | null;
}

// The last day of a period as sortable text. Months end on day 28 or later and every as-of date is
// a month's last day, so '-28' orders a month correctly against any as-of date.
const periodEndKey = (column: string) =>
  sql.raw(
    `(case when length(${column}) = 4 then ${column} || '-12-31'
     when substr(${column}, 6, 1) = 'T' then substr(${column}, 1, 4) || (case substr(${column}, 7, 1) when '1' then '-04-30' when '2' then '-08-31' else '-12-31' end)
     else ${column} || '-28' end)`,
  );

/**
 * Each active indicator of the areas with its value as of the date: the latest period (of the as-of
 * year and the two before) that has ended by then; the municipality's own value, or else the mean
 * of the units' values for that period. The status uses the shared arithmetic (indicators/status.ts).
 */
async function selectIndicators(db: SteeringDb, areaIds: string[], asOf: string): Promise<Map<string, ReportIndicator[]>> {
  const byArea = new Map<string, ReportIndicator[]>();
  if (areaIds.length === 0) return byArea;
  const { rows } = await sql<IndicatorRow>`
    with ind as (
      select i.id from st_indicators i where i.active and i.area_id in (${sql.join(areaIds)})
    ),
    per_period as (
      select v.indicator_id, v.period,
        max(v.value) filter (where v.unit_id is null) as municipal,
        avg(v.value) filter (where v.unit_id is not null) as unit_mean
      from st_indicator_values v
      where v.indicator_id in (select id from ind)
        and v.period >= ${indicatorWindowStart(asOf)} and v.period < ${String(Number(asOf.slice(0, 4)) + 1)}
        and v.district is null and v.region is null
        and ${periodEndKey('v.period')} <= ${asOf}
      group by v.indicator_id, v.period
    ),
    latest as (
      select distinct on (indicator_id) indicator_id, period, coalesce(municipal, unit_mean) as value, municipal is not null as municipal
      from per_period
      order by indicator_id, ${periodEndKey('period')} desc
    )
    select i.id, i.area_id, i.key, i.name, i.unit_of_measure, i.direction, i.green_at, i.red_at,
      l.period, l.value, l.municipal, t.target
    from st_indicators i
    join ind on ind.id = i.id
    left join latest l on l.indicator_id = i.id
    left join st_indicator_targets t on t.indicator_id = i.id and t.period = l.period`.execute(db);
  for (const row of rows) {
    const value = num(row.value);
    const target = num(row.target);
    const rule = { direction: row.direction, greenAt: num(row.green_at), redAt: num(row.red_at) };
    const item: ReportIndicator = {
      id: row.id,
      key: row.key,
      name: row.name,
      unitOfMeasure: row.unit_of_measure,
      direction: row.direction,
      period: row.period,
      value: value === null ? null : Math.round(value * 100) / 100,
      target,
      basis: row.period === null ? null : row.municipal ? 'municipality' : 'unit_mean',
      status: indicatorStatus(value, rule, target),
    };
    const list = byArea.get(row.area_id) ?? [];
    list.push(item);
    byArea.set(row.area_id, list);
  }
  for (const list of byArea.values()) list.sort((a, b) => compareNorwegian(a.name, b.name));
  return byArea;
}

/**
 * The budget status per area from the budget part (`selectAreaBudgetStatus`: budget, actuals to the
 * month, the forecast in force, deviation = forecast − budget, or the deviation a report stated when
 * budget or forecast is missing) with the year's measures (`selectAdjustments`).
 */
async function selectBudgets(db: SteeringDb, areaIds: string[], year: number, asOfMonth: number): Promise<Map<string, BudgetStatus>> {
  const result = new Map<string, BudgetStatus>();
  if (areaIds.length === 0) return result;
  const wanted = new Set(areaIds);
  const [statuses, adjustments] = await Promise.all([
    selectAreaBudgetStatus(db, { year, asOfMonth, areaIds }),
    selectAdjustments(db, { year }).then((rows) => rows.filter((a) => wanted.has(a.areaId))),
  ]);
  // Rejected measures last; otherwise in the order they were proposed (selectAdjustments' order).
  adjustments.sort((a, b) => Number(a.status === 'rejected') - Number(b.status === 'rejected'));
  for (const status of statuses) {
    const list: ReportAdjustment[] = adjustments
      .filter((a) => a.areaId === status.areaId)
      .map((a) => ({
        id: a.id,
        title: a.title,
        reason: a.reason,
        amount: a.amount,
        status: a.status,
        decisionCaseNumber: a.decisionCaseNumber,
        decisionMeetingDate: a.decisionMeetingDate,
        decisionReference: a.decisionReference,
      }));
    result.set(status.areaId, {
      year,
      asOfMonth,
      budget: status.budget,
      actualYtd: status.actualToDate,
      forecast: status.forecast,
      forecastComment: status.forecastComment,
      deviation: status.deviation,
      deviationPercent: status.deviationPercent,
      adjustments: list,
      adjustmentsTotal: status.adjustmentsProposed + status.adjustmentsAdopted,
    });
  }
  return result;
}

/**
 * The decisions status table per area from the decisions part (`selectDecisionStatusTable`: made by
 * the as-of date, responsible unit in the area or followed by one of the area's measures); those
 * completed before the report's year began are left out, and the table runs oldest meeting first.
 */
async function selectDecisions(db: SteeringDb, areaIds: string[], asOf: string, year: number): Promise<Map<string, ReportDecision[]>> {
  const yearStart = `${year}-01-01`;
  const tables = await Promise.all(areaIds.map((areaId) => selectDecisionStatusTable(db, { asOf, areaId })));
  return new Map(
    areaIds.map((areaId, i) => [
      areaId,
      tables[i]!.filter((d) => !(d.status === 'completed' && d.completedOn !== null && d.completedOn < yearStart))
        .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.caseNumber.localeCompare(b.caseNumber))
        .map((d) => ({
          id: d.id,
          body: d.body,
          committeeName: d.committeeName,
          meetingDate: d.meetingDate,
          caseNumber: d.caseNumber,
          title: d.title,
          responsibleUnit: d.responsibleUnitName,
          deadline: d.deadline,
          status: d.status,
          overdue: d.overdue,
        })),
    ]),
  );
}

/** The report's content per area, assembled from the live data (canEdit is filled in by the caller). */
export async function assembleReport(
  db: SteeringDb,
  report: { id: string; asOf: string; year: number; asOfMonth: number },
): Promise<ReportArea[]> {
  const sections = await selectSections(db, report.id);
  const areaIds = sections.map((s) => s.area_id);
  const [indicators, budgets, decisions] = await Promise.all([
    selectIndicators(db, areaIds, report.asOf),
    selectBudgets(db, areaIds, report.year, report.asOfMonth),
    selectDecisions(db, areaIds, report.asOf, report.year),
  ]);
  return sections.map((s) => {
    const items = indicators.get(s.area_id) ?? [];
    return {
      areaId: s.area_id,
      code: s.code,
      name: s.name,
      committee: s.committee,
      section: {
        id: s.id,
        statusText: s.status_text,
        assessment: s.assessment,
        conclusion: s.conclusion,
        state: s.state,
        reviewComment: s.review_comment,
        revision: s.revision,
        updatedAt: iso(s.updated_at)!,
        updatedBy: s.updated_by_name,
      },
      indicators: { ...countStatuses(items.map((i) => i.status)), items },
      budget: budgets.get(s.area_id) ?? {
        year: report.year,
        asOfMonth: report.asOfMonth,
        budget: null,
        actualYtd: null,
        forecast: null,
        forecastComment: null,
        deviation: null,
        deviationPercent: null,
        adjustments: [],
        adjustmentsTotal: 0,
      },
      decisions: decisions.get(s.area_id) ?? [],
      canEdit: false,
    };
  });
}

/**
 * The programme areas whose units (or units above them) the user leads today: the areas whose
 * texts a unit leader may write. The same rule as the organisation module's `leadsUnit`, for all
 * areas in one query (the page shows which areas the user may edit).
 */
export async function selectLedAreaIds(db: SteeringDb, userId: string): Promise<Set<string>> {
  const today = todayInNorway();
  const valid = (alias: string) =>
    sql.raw(`${alias}.valid_from <= '${today}'::date and (${alias}.valid_to is null or ${alias}.valid_to > '${today}'::date)`);
  const { rows } = await sql<{ area_id: string }>`
    with recursive led (unit_id) as (
      select pv.unit_id
      from org_user_people up
      join org_assignments a on a.person_id = up.person_id and ${valid('a')}
      join org_position_versions pv on pv.position_id = a.position_id and ${valid('pv')}
      where up.user_id = ${userId} and pv.role_type in (${sql.join(leaderRoleTypes.map((r) => sql.lit(r)))})
      union
      select uv.unit_id from org_unit_versions uv join led on uv.parent_id = led.unit_id where ${valid('uv')}
    )
    select distinct au.area_id from st_area_units au join led on led.unit_id = au.unit_id`.execute(db);
  return new Set(rows.map((r) => r.area_id));
}
