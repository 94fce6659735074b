import { compareNorwegian } from '../../../../kernel/index.js';
import type { Adjustment, AreaBudgetStatus, AreaDetail, ProgrammeArea } from '../../budget.schemas.js';
import { type DecisionsDb, todayInNorway, unitNames } from '../decisions/shared.js';
import type { SteeringDb } from '../steering.tables.js';
import { actualToDate, describeDeviation, deviation, deviationPercent, forecastAsOf } from './forecast.js';

// Reads of the budget programme areas. Amounts come back from numeric columns as strings: Number().

const num = (value: string | number | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

type AnyDb = DecisionsDb | SteeringDb;
const asDb = (db: AnyDb) => db as unknown as DecisionsDb;

/** The programme areas in their sort order, with their linked units (names as of today). */
export async function selectProgrammeAreas(anyDb: AnyDb, options: { activeOnly?: boolean } = {}): Promise<ProgrammeArea[]> {
  const db = asDb(anyDb);
  let query = db.selectFrom('st_programme_areas').selectAll();
  if (options.activeOnly) query = query.where('active', '=', true);
  const areas = await query.orderBy('sort_order').orderBy('code').execute();
  const links = areas.length
    ? await db
        .selectFrom('st_area_units')
        .selectAll()
        .where(
          'area_id',
          'in',
          areas.map((a) => a.id),
        )
        .execute()
    : [];
  const names = await unitNames(
    db,
    links.map((l) => l.unit_id),
    todayInNorway(),
  );
  return areas.map((a) => ({
    id: a.id,
    code: a.code,
    name: a.name,
    committee: a.committee,
    active: a.active,
    sortOrder: a.sort_order,
    units: links
      .filter((l) => l.area_id === a.id)
      .map((l) => ({ id: l.unit_id, name: names.get(l.unit_id) ?? l.unit_id }))
      .sort((x, y) => compareNorwegian(x.name, y.name)),
    source: a.source,
    synthetic: a.synthetic,
    revision: a.revision,
  }));
}

export async function selectAreaByCode(anyDb: AnyDb, code: string): Promise<ProgrammeArea | null> {
  const areas = await selectProgrammeAreas(anyDb);
  return areas.find((a) => a.code === code) ?? null;
}

/**
 * Per programme area, for a year as of a month (1–12): the annual budget, the four-year plan
 * decided that year, actuals summed over months 1..asOfMonth, the forecast in force (the latest
 * made in or before the month), the deviation (forecast − budget: an overspend positive) in
 * kroner and percent of budget, and the sums of proposed and adopted adjustments.
 * Where budget or forecast is missing but a report stated the deviation (st_budget_assessments,
 * e.g. seed 004's first tertial), that stated deviation is given with `deviationStated: true`.
 * Used by the budget page and by the reports (monthly, tertial, annual). Stable signature.
 */
export async function selectAreaBudgetStatus(
  anyDb: AnyDb,
  { year, asOfMonth, areaIds }: { year: number; asOfMonth: number; areaIds?: string[] },
): Promise<AreaBudgetStatus[]> {
  const db = asDb(anyDb);
  let areaQuery = db.selectFrom('st_programme_areas').selectAll();
  if (areaIds) {
    if (areaIds.length === 0) return [];
    areaQuery = areaQuery.where('id', 'in', areaIds);
  }
  const areas = await areaQuery.orderBy('sort_order').orderBy('code').execute();
  if (areas.length === 0) return [];
  const ids = areas.map((a) => a.id);
  const [budgets, actuals, forecasts, assessments, adjustments] = await Promise.all([
    db
      .selectFrom('st_budgets')
      .select(['area_id', 'year', 'kind', 'amount', 'source'])
      .where('area_id', 'in', ids)
      .where('plan_year', '=', year)
      .execute(),
    db
      .selectFrom('st_actuals')
      .select(['area_id', 'month', 'amount'])
      .where('area_id', 'in', ids)
      .where('year', '=', year)
      .where('month', '<=', asOfMonth)
      .execute(),
    db
      .selectFrom('st_forecasts')
      .select(['area_id', 'as_of_month', 'amount', 'comment'])
      .where('area_id', 'in', ids)
      .where('year', '=', year)
      .where('as_of_month', '<=', asOfMonth)
      .execute(),
    db
      .selectFrom('st_budget_assessments')
      .selectAll()
      .where('area_id', 'in', ids)
      .where('year', '=', year)
      .where('as_of_month', '<=', asOfMonth)
      .execute(),
    db.selectFrom('st_adjustments').select(['area_id', 'amount', 'status']).where('area_id', 'in', ids).where('year', '=', year).execute(),
  ]);

  return areas.map((area) => {
    const own = <T extends { area_id: string }>(rows: T[]) => rows.filter((r) => r.area_id === area.id);
    const budgetRow = own(budgets).find((b) => b.kind === 'budget' && b.year === year) ?? null;
    const budget = num(budgetRow?.amount);
    const plan = own(budgets)
      .filter((b) => b.kind === 'plan')
      .map((b) => ({ year: b.year, amount: Number(b.amount) }))
      .sort((x, y) => x.year - y.year);
    const months = own(actuals).map((a) => ({ month: a.month, amount: Number(a.amount) }));
    const forecast = forecastAsOf(
      own(forecasts).map((f) => ({ asOfMonth: f.as_of_month, amount: Number(f.amount), comment: f.comment })),
      asOfMonth,
    );
    const assessment = forecastAsOf(
      own(assessments).map((a) => ({
        asOfMonth: a.as_of_month,
        statedDeviation: num(a.stated_deviation),
        statusText: a.status_text,
        assessment: a.assessment,
        conclusion: a.conclusion,
        proposedChange: num(a.proposed_change),
        source: a.source,
      })),
      asOfMonth,
    );
    const computed = deviation(budget, forecast?.amount ?? null);
    const deviationStated = computed === null && assessment?.statedDeviation !== null && assessment?.statedDeviation !== undefined;
    const dev = computed ?? (deviationStated ? assessment!.statedDeviation : null);
    const pct = deviationPercent(dev, budget);
    const areaAdjustments = own(adjustments);
    const sum = (status: string) => areaAdjustments.filter((a) => a.status === status).reduce((s, a) => s + Number(a.amount), 0);
    return {
      areaId: area.id,
      code: area.code,
      name: area.name,
      committee: area.committee,
      active: area.active,
      synthetic: area.synthetic,
      source: area.source,
      year,
      asOfMonth,
      budget,
      budgetSource: budgetRow?.source ?? null,
      plan,
      actualToDate: actualToDate(months, asOfMonth),
      actualMonths: months.length,
      forecast: forecast?.amount ?? null,
      forecastAsOfMonth: forecast?.asOfMonth ?? null,
      forecastComment: forecast?.comment ?? null,
      deviation: dev,
      deviationPercent: pct,
      deviationStated,
      deviationText: describeDeviation(dev, pct),
      assessment,
      adjustmentsProposed: sum('proposed'),
      adjustmentsAdopted: sum('adopted'),
      adjustmentCount: areaAdjustments.length,
    };
  });
}

/** The adjustments (tiltak) of an area or of a decision, with the decision's case number when linked. */
export async function selectAdjustments(
  anyDb: AnyDb,
  filter: { areaId?: string; year?: number; decisionId?: string; id?: string },
): Promise<Adjustment[]> {
  const db = asDb(anyDb);
  let query = db
    .selectFrom('st_adjustments as j')
    .innerJoin('st_programme_areas as a', 'a.id', 'j.area_id')
    .leftJoin('st_political_decisions as d', 'd.id', 'j.decision_id')
    .select([
      'j.id',
      'j.area_id',
      'a.code as area_code',
      'j.year',
      'j.title',
      'j.reason',
      'j.amount',
      'j.decision_id',
      'd.case_number',
      'd.meeting_date',
      'd.title as decision_title',
      'j.decision_reference',
      'j.status',
      'j.source',
      'j.synthetic',
      'j.revision',
    ]);
  if (filter.areaId) query = query.where('j.area_id', '=', filter.areaId);
  if (filter.year) query = query.where('j.year', '=', filter.year);
  if (filter.decisionId) query = query.where('j.decision_id', '=', filter.decisionId);
  if (filter.id) query = query.where('j.id', '=', filter.id);
  const rows = await query.orderBy('j.year', 'desc').orderBy('j.created_at').orderBy('j.id').execute();
  return rows.map((r) => ({
    id: r.id,
    areaId: r.area_id,
    areaCode: r.area_code,
    year: r.year,
    title: r.title,
    reason: r.reason,
    amount: Number(r.amount),
    decisionId: r.decision_id,
    decisionCaseNumber: r.case_number ?? null,
    decisionMeetingDate: r.meeting_date === null || r.meeting_date === undefined ? null : String(r.meeting_date).slice(0, 10),
    decisionTitle: r.decision_title ?? null,
    decisionReference: r.decision_reference,
    status: r.status,
    source: r.source,
    synthetic: r.synthetic,
    revision: r.revision,
  }));
}

/** An area's page: the area, its status for the year, monthly actuals, forecasts and adjustments. */
export async function selectAreaDetail(anyDb: AnyDb, code: string, year: number, asOfMonth: number): Promise<AreaDetail | null> {
  const db = asDb(anyDb);
  const area = await selectAreaByCode(db, code);
  if (!area) return null;
  const [status] = await selectAreaBudgetStatus(db, { year, asOfMonth, areaIds: [area.id] });
  const [actuals, forecasts, adjustments, yearRows] = await Promise.all([
    db
      .selectFrom('st_actuals')
      .select(['month', 'amount'])
      .where('area_id', '=', area.id)
      .where('year', '=', year)
      .orderBy('month')
      .execute(),
    db
      .selectFrom('st_forecasts')
      .select(['as_of_month', 'amount', 'comment', 'updated_at', 'source'])
      .where('area_id', '=', area.id)
      .where('year', '=', year)
      .orderBy('as_of_month')
      .execute(),
    selectAdjustments(db, { areaId: area.id, year }),
    db
      .selectFrom('st_budgets')
      .select('plan_year as year')
      .where('area_id', '=', area.id)
      .union(db.selectFrom('st_actuals').select('year').where('area_id', '=', area.id))
      .union(db.selectFrom('st_adjustments').select('year').where('area_id', '=', area.id))
      .union(db.selectFrom('st_budget_assessments').select('year').where('area_id', '=', area.id))
      .execute(),
  ]);
  return {
    area,
    status: status!,
    actuals: actuals.map((a) => ({ month: a.month, amount: Number(a.amount) })),
    forecasts: forecasts.map((f) => ({
      asOfMonth: f.as_of_month,
      amount: Number(f.amount),
      comment: f.comment,
      updatedAt: new Date(f.updated_at).toISOString(),
      source: f.source,
    })),
    adjustments,
    years: [...new Set(yearRows.map((r) => Number(r.year)))].sort((a, b) => b - a),
  };
}
