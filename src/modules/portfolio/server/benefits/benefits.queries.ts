import { sql } from 'kysely';
import { compareNorwegian, sortByNorwegian, isUuid, todayInNorway } from '../../../../kernel/index.js';
import { leaderRoleTypes, selectUnitsWithAncestors, type OrganisationDb } from '../../../organisation/index.js';
import type { Benefit, BenefitListQuery, Measurement, OwnerOption } from '../../benefits.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { deviation, progressOf } from './realisation.js';

export { isUuid, todayInNorway };

// All reads of the benefits part: the register, line leaders (org_* tables, read through the
// organisation module's exported types) and the director area above an initiative's unit.

/** 'YYYY-MM-DD' that names a real day. */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const validOn = (alias: string, date: string) =>
  sql`${sql.ref(`${alias}.valid_from`)} <= ${date}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date}::date)`;

export interface InitiativeRow {
  id: string;
  number: number;
  title: string;
  phase: string;
  state: string;
  owner_unit_id: string;
  proposed_by: string;
  digital_agent_id: string | null;
}

/** An initiative by its number («12») or its id; undefined when there is none. */
export async function selectInitiative(db: PortfolioDb, ref: string): Promise<InitiativeRow | undefined> {
  const query = db
    .selectFrom('pf_initiatives')
    .select(['id', 'number', 'title', 'phase', 'state', 'owner_unit_id', 'proposed_by', 'digital_agent_id']);
  if (/^\d{1,9}$/.test(ref)) return query.where('number', '=', Number(ref)).executeTakeFirst();
  if (isUuid(ref)) return query.where('id', '=', ref).executeTakeFirst();
  return undefined;
}

/** The leader positions a person holds on `date`, the highest-ranking first. */
export async function selectLeaderPositions(
  db: PortfolioDb,
  personId: string,
  date: string,
): Promise<{ unit_id: string; unit_name: string; title: string }[]> {
  if (!isUuid(personId)) return [];
  const rank = sql.join(leaderRoleTypes.map((r) => sql.lit(r)));
  const { rows } = await sql<{ unit_id: string; unit_name: string; title: string }>`
    select pv.unit_id, uv.name as unit_name, pv.title
    from org_assignments a
    join org_position_versions pv on pv.position_id = a.position_id and ${validOn('pv', date)}
    join org_unit_versions uv on uv.unit_id = pv.unit_id and ${validOn('uv', date)}
    where a.person_id = ${personId} and ${validOn('a', date)} and pv.role_type in (${rank})
    order by array_position(array[${rank}]::text[], pv.role_type), uv.level, pv.title`.execute(db);
  return rows;
}

/** Everyone who today holds a leader position, with the unit they lead (one row per person and unit), sorted Norwegian. */
export async function selectOwnerOptions(db: PortfolioDb, date: string): Promise<OwnerOption[]> {
  const rank = sql.join(leaderRoleTypes.map((r) => sql.lit(r)));
  const { rows } = await sql<{ person_id: string; name: string; title: string; unit_id: string; unit_name: string }>`
    select distinct p.id as person_id, p.name, pv.title, pv.unit_id, uv.name as unit_name
    from org_assignments a
    join org_people p on p.id = a.person_id
    join org_position_versions pv on pv.position_id = a.position_id and ${validOn('pv', date)}
    join org_unit_versions uv on uv.unit_id = pv.unit_id and ${validOn('uv', date)}
    where ${validOn('a', date)} and pv.role_type in (${rank})`.execute(db);
  return rows
    .map((r) => ({ personId: r.person_id, name: r.name, title: r.title, unit: { id: r.unit_id, name: r.unit_name } }))
    .sort((a, b) => compareNorwegian(a.name, b.name) || compareNorwegian(a.unit.name, b.unit.name));
}

/** The person a sign-in is, if linked. */
export async function selectPersonOfUser(db: PortfolioDb, userId: string): Promise<string | null> {
  const row = await db.selectFrom('org_user_people').select('person_id').where('user_id', '=', userId).executeTakeFirst();
  return row?.person_id ?? null;
}

/** For each unit: its area, the unit at level 2 above it (service or staff area), or itself at level 2 or above. */
export async function selectAreas(
  db: PortfolioDb,
  unitIds: readonly string[],
  date: string,
): Promise<Map<string, { id: string; name: string }>> {
  const units = await selectUnitsWithAncestors(db as unknown as OrganisationDb, [...new Set(unitIds)], date);
  const areas = new Map<string, { id: string; name: string }>();
  for (const id of new Set(unitIds)) {
    let unit = units.get(id);
    const seen = new Set<string>();
    while (unit && unit.level > 2 && unit.parent_id && !seen.has(unit.id)) {
      seen.add(unit.id);
      unit = units.get(unit.parent_id);
    }
    if (unit) areas.set(id, { id: unit.id, name: unit.name });
  }
  return areas;
}

type BenefitRow = {
  id: string;
  initiative_id: string;
  initiative_number: number;
  initiative_title: string;
  initiative_phase: string;
  initiative_state: string;
  initiative_unit_id: string;
  title: string;
  type: Benefit['type'];
  indicator: string;
  unit_of_measure: string;
  baseline_value: string;
  baseline_date: string;
  target_value: string;
  annual_value: string | null;
  owner_person_id: string;
  owner_name: string;
  owner_unit_id: string;
  owner_unit_key: string;
  expected_date: string;
  actions: string;
  assumptions: string;
  planned: boolean;
  status: Benefit['status'];
  closed_reason: string | null;
  synthetic: boolean;
  revision: number;
};

export interface BenefitFilter {
  initiativeId?: string;
  id?: string;
  status?: BenefitListQuery['status'];
  type?: BenefitListQuery['type'];
  owner?: string;
}

/** Benefits with their measurements, plan arithmetic and areas, by filter. */
export async function selectBenefits(db: PortfolioDb, filter: BenefitFilter, date = todayInNorway()): Promise<Benefit[]> {
  let query = db
    .selectFrom('pf_benefits as b')
    .innerJoin('pf_initiatives as i', 'i.id', 'b.initiative_id')
    .innerJoin('org_people as p', 'p.id', 'b.owner_person_id')
    .innerJoin('org_units as u', 'u.id', 'b.owner_unit_id')
    .select([
      'b.id',
      'b.initiative_id',
      'i.number as initiative_number',
      'i.title as initiative_title',
      'i.phase as initiative_phase',
      'i.state as initiative_state',
      'i.owner_unit_id as initiative_unit_id',
      'b.title',
      'b.type',
      'b.indicator',
      'b.unit_of_measure',
      'b.baseline_value',
      'b.baseline_date',
      'b.target_value',
      'b.annual_value',
      'b.owner_person_id',
      'p.name as owner_name',
      'b.owner_unit_id',
      'u.key as owner_unit_key',
      'b.expected_date',
      'b.actions',
      'b.assumptions',
      'b.planned',
      'b.status',
      'b.closed_reason',
      'b.synthetic',
      'b.revision',
    ]);
  if (filter.initiativeId) query = query.where('b.initiative_id', '=', filter.initiativeId);
  if (filter.id) query = query.where('b.id', '=', filter.id);
  if (filter.status) query = query.where('b.status', '=', filter.status);
  if (filter.type) query = query.where('b.type', '=', filter.type);
  if (filter.owner) {
    if (!isUuid(filter.owner)) return [];
    query = query.where('b.owner_person_id', '=', filter.owner);
  }
  const rows = (await query.orderBy('b.expected_date').orderBy('b.created_at').execute()) as BenefitRow[];
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  const measurementRows = await db
    .selectFrom('pf_benefit_measurements as m')
    .leftJoin('users as us', 'us.id', 'm.measured_by')
    .select(['m.id', 'm.benefit_id', 'm.measured_on', 'm.value', 'm.comment', 'us.display_name as measured_by'])
    .where('m.benefit_id', 'in', ids)
    .orderBy('m.measured_on')
    .execute();
  const byBenefit = new Map<string, typeof measurementRows>();
  for (const m of measurementRows) {
    const list = byBenefit.get(m.benefit_id) ?? [];
    list.push(m);
    byBenefit.set(m.benefit_id, list);
  }

  const unitNames = await unitNamesOn(db, [...new Set(rows.map((r) => r.owner_unit_id))], date);
  const areas = await selectAreas(
    db,
    rows.map((r) => r.initiative_unit_id),
    date,
  );

  return rows.map((r) => {
    const plan = {
      baselineValue: Number(r.baseline_value),
      baselineDate: r.baseline_date,
      targetValue: Number(r.target_value),
      expectedDate: r.expected_date,
    };
    const measurements: Measurement[] = (byBenefit.get(r.id) ?? []).map((m) => {
      const value = Number(m.value);
      const d = deviation(plan, m.measured_on, value);
      return {
        id: m.id,
        measuredOn: m.measured_on,
        value,
        comment: m.comment,
        plannedValue: d.plannedValue,
        deviates: d.deviates,
        measuredBy: m.measured_by ?? null,
      };
    });
    const latest = measurements.at(-1) ?? null;
    const open = r.status !== 'realised' && r.status !== 'closed';
    return {
      id: r.id,
      initiative: {
        id: r.initiative_id,
        number: r.initiative_number,
        title: r.initiative_title,
        phase: r.initiative_phase,
        state: r.initiative_state,
      },
      title: r.title,
      type: r.type,
      indicator: r.indicator,
      unitOfMeasure: r.unit_of_measure,
      ...plan,
      annualValue: r.annual_value === null ? null : Number(r.annual_value),
      owner: { personId: r.owner_person_id, name: r.owner_name },
      ownerUnit: { id: r.owner_unit_id, name: unitNames.get(r.owner_unit_id) ?? r.owner_unit_key },
      area: areas.get(r.initiative_unit_id) ?? null,
      actions: r.actions,
      assumptions: r.assumptions,
      planned: r.planned,
      status: r.status,
      closedReason: r.closed_reason,
      overdue: open && r.expected_date < date,
      progress: r.status === 'realised' ? 1 : latest ? progressOf(plan, latest.value) : null,
      latest,
      measurements,
      synthetic: r.synthetic,
      revision: r.revision,
    };
  });
}

/** Unit names on `date` (a unit closed since keeps its last name). */
async function unitNamesOn(db: PortfolioDb, unitIds: string[], date: string): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_unit_versions as uv')
    .select(['uv.unit_id', 'uv.name', 'uv.valid_from', 'uv.valid_to'])
    .where('uv.unit_id', 'in', unitIds)
    .orderBy('uv.valid_from')
    .execute();
  const names = new Map<string, string>();
  for (const r of rows) {
    if (r.valid_from <= date || !names.has(r.unit_id)) names.set(r.unit_id, r.name);
  }
  return names;
}

/** The benefits list's filter values: areas and owners among the benefits, sorted Norwegian. */
export function filterValues(benefits: readonly Benefit[]) {
  const areas = new Map<string, { id: string; name: string }>();
  const owners = new Map<string, { personId: string; name: string }>();
  for (const b of benefits) {
    if (b.area) areas.set(b.area.id, b.area);
    owners.set(b.owner.personId, b.owner);
  }
  return {
    areas: sortByNorwegian([...areas.values()], (a) => a.name),
    owners: sortByNorwegian([...owners.values()], (o) => o.name),
  };
}

/** Initiatives to follow benefits up on (all but merged ones), the latest phases first, then by number. */
export async function selectInitiativeOptions(db: PortfolioDb) {
  const rows = await db
    .selectFrom('pf_initiatives as i')
    .leftJoin('pf_benefits as b', 'b.initiative_id', 'i.id')
    .select(['i.id', 'i.number', 'i.title', 'i.phase', 'i.state', (eb) => eb.fn.count<string>('b.id').as('benefit_count')])
    .where('i.state', '<>', 'merged')
    .groupBy(['i.id', 'i.number', 'i.title', 'i.phase', 'i.state'])
    .orderBy('i.number', 'desc')
    .execute();
  const order = ['realisation', 'closing', 'execution', 'planning', 'concept', 'idea'];
  return rows
    .map((r) => ({ id: r.id, number: r.number, title: r.title, phase: r.phase, state: r.state, benefitCount: Number(r.benefit_count) }))
    .sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase) || b.number - a.number);
}
