import { sql } from 'kysely';
import type { Allocation, CapacityReport, MonthCell, PoolMember, PoolRole } from '../../pool.schemas.js';
import { poolRoles } from '../../pool.schemas.js';
import { compareNorwegian } from '../../../../kernel/index.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { todayInNorway, validOn } from '../initiatives/shared.js';

/** 'YYYY-MM' plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The current month in Norway. */
export function currentMonth(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}

/** Shares are kept to 4 decimals so that 0.1 + 0.2 compares as 0.3. */
export const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export async function selectMembers(db: PortfolioDb): Promise<PoolMember[]> {
  const rows = await db
    .selectFrom('pf_pool_members as m')
    .select(['m.id', 'm.name', 'm.person_id', 'm.role', 'm.home_unit_id', 'm.default_capacity', 'm.active', 'm.synthetic', 'm.revision'])
    .execute();
  const unitIds = [...new Set(rows.map((r) => r.home_unit_id).filter((id): id is string => id !== null))];
  const today = todayInNorway();
  const units = unitIds.length
    ? await db
        .selectFrom('org_unit_versions as v')
        .select(['v.unit_id', 'v.name'])
        .where('v.unit_id', 'in', unitIds)
        .where(validOn('v', today))
        .execute()
    : [];
  const unitName = new Map(units.map((u) => [u.unit_id, u.name]));
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      personId: r.person_id,
      role: r.role,
      homeUnitId: r.home_unit_id,
      homeUnitName: r.home_unit_id ? (unitName.get(r.home_unit_id) ?? null) : null,
      defaultCapacity: Number(r.default_capacity),
      active: r.active,
      synthetic: r.synthetic,
      revision: r.revision,
    }))
    .sort((a, b) => compareNorwegian(a.name, b.name));
}

export async function selectAllocations(db: PortfolioDb, filter: { initiativeId?: string; memberId?: string }): Promise<Allocation[]> {
  let query = db
    .selectFrom('pf_allocations as a')
    .innerJoin('pf_pool_members as m', 'm.id', 'a.member_id')
    .innerJoin('pf_initiatives as i', 'i.id', 'a.initiative_id')
    .select(['a.member_id', 'm.name', 'm.role', 'a.initiative_id', 'i.number', 'i.title', 'a.month', 'a.share', 'a.override_reason']);
  if (filter.initiativeId) query = query.where('a.initiative_id', '=', filter.initiativeId);
  if (filter.memberId) query = query.where('a.member_id', '=', filter.memberId);
  const rows = await query.orderBy('a.month').orderBy('i.number').execute();
  return rows
    .map((r) => ({
      memberId: r.member_id,
      memberName: r.name,
      role: r.role,
      initiativeId: r.initiative_id,
      initiativeNumber: r.number,
      initiativeTitle: r.title,
      month: String(r.month).slice(0, 7),
      share: Number(r.share),
      overrideReason: r.override_reason,
    }))
    .sort(
      (a, b) => a.month.localeCompare(b.month) || compareNorwegian(a.memberName, b.memberName) || a.initiativeNumber - b.initiativeNumber,
    );
}

/** Capacity against allocations per member and month, and summed per role (from, months). */
export async function selectCapacityReport(db: PortfolioDb, from: string, count: number): Promise<CapacityReport> {
  const months = Array.from({ length: count }, (_, i) => addMonths(from, i));
  const first = `${from}-01`;
  const last = `${months[months.length - 1]}-01`;
  const [members, overrides, allocated] = await Promise.all([
    db.selectFrom('pf_pool_members').select(['id', 'name', 'role', 'default_capacity']).where('active', '=', true).execute(),
    sql<{ member_id: string; month: string; capacity: string }>`
      select member_id, to_char(month, 'YYYY-MM') as month, capacity::text as capacity
      from pf_capacity where month between ${first}::date and ${last}::date`.execute(db),
    sql<{ member_id: string; month: string; total: string }>`
      select member_id, to_char(month, 'YYYY-MM') as month, sum(share)::text as total
      from pf_allocations where month between ${first}::date and ${last}::date
      group by member_id, month`.execute(db),
  ]);
  const key = (member: string, month: string) => `${member}|${month}`;
  const capacityOverride = new Map(overrides.rows.map((r) => [key(r.member_id, r.month), Number(r.capacity)]));
  const allocatedBy = new Map(allocated.rows.map((r) => [key(r.member_id, r.month), Number(r.total)]));
  const sorted = [...members].sort((a, b) => compareNorwegian(a.name, b.name));
  const roleCells = new Map<PoolRole, { members: number; cells: MonthCell[]; overPeople: number[] }>(
    poolRoles.map((role) => [
      role,
      { members: 0, cells: months.map((month) => ({ month, capacity: 0, allocated: 0, over: false })), overPeople: months.map(() => 0) },
    ]),
  );
  const people = sorted.map((m) => {
    const role = roleCells.get(m.role)!;
    role.members += 1;
    let overCount = 0;
    const cells = months.map((month, index) => {
      const capacity = capacityOverride.get(key(m.id, month)) ?? Number(m.default_capacity);
      const total = round4(allocatedBy.get(key(m.id, month)) ?? 0);
      const over = total > capacity;
      if (over) {
        overCount += 1;
        role.overPeople[index]! += 1;
      }
      const roleCell = role.cells[index]!;
      roleCell.capacity = round4(roleCell.capacity + capacity);
      roleCell.allocated = round4(roleCell.allocated + total);
      return { month, capacity, allocated: total, over };
    });
    return { memberId: m.id, name: m.name, role: m.role, cells, overCount };
  });
  const roles = poolRoles.map((role) => {
    const entry = roleCells.get(role)!;
    return {
      role,
      members: entry.members,
      cells: entry.cells.map((c, i) => ({ ...c, over: entry.overPeople[i]! > 0 || c.allocated > c.capacity })),
      overPeople: entry.overPeople,
    };
  });
  return { months, people, roles };
}
