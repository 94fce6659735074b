import { sql } from 'kysely';
import { sortByNorwegian } from '../../../kernel/index.js';
import type { TreeUnit } from '../organisation.schemas.js';
import type { OrganisationDb } from './organisation.tables.js';

/** Role types that lead a unit, best first: the unit's leader is the first of these it has. */
export const leaderRoleTypes = ['chief_executive', 'director', 'service_area_head', 'staff_area_head', 'unit_leader', 'department_leader'] as const;

/** Today's date as YYYY-MM-DD in Norway, the default "as of" date. */
export function todayInNorway(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

/** `valid_from <= date < valid_to` on a table alias: the row holds on that date. */
export function validOn(alias: string, date: string) {
  return sql<boolean>`${sql.ref(`${alias}.valid_from`)} <= ${date}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date}::date)`;
}

/** Every unit that exists on `date`, with its leader position and who holds it, sorted by name (Norwegian rules). */
export async function selectUnitTree(db: OrganisationDb, date: string): Promise<TreeUnit[]> {
  const rank = sql.join(leaderRoleTypes.map((r) => sql.lit(r)));
  const { rows } = await sql<{
    id: string;
    key: string;
    name: string;
    kind: TreeUnit['kind'];
    level: number;
    parent_id: string | null;
    classification: TreeUnit['classification'];
    name_known: boolean;
    source: string | null;
    leader_position_id: string | null;
    leader_title: string | null;
    leader_person: string | null;
    positions: string | null;
  }>`
    with units as (
      select uv.unit_id as id, u.key, uv.name, uv.kind, uv.level, uv.parent_id, uv.classification, uv.name_known, uv.source
      from org_unit_versions uv
      join org_units u on u.id = uv.unit_id
      where ${validOn('uv', date)}
    ),
    positions as (
      select pv.position_id, pv.unit_id, pv.title, pv.role_type
      from org_position_versions pv
      where ${validOn('pv', date)}
    ),
    leaders as (
      select distinct on (p.unit_id) p.unit_id, p.position_id, p.title
      from positions p
      where p.role_type in (${rank})
      order by p.unit_id, array_position(array[${rank}]::text[], p.role_type), p.title
    ),
    holders as (
      select distinct on (a.position_id) a.position_id, pe.name
      from org_assignments a
      join org_people pe on pe.id = a.person_id
      where ${validOn('a', date)}
      order by a.position_id, a.valid_from desc
    ),
    counts as (
      select unit_id, count(*) as n from positions group by unit_id
    )
    select units.*, leaders.position_id as leader_position_id, leaders.title as leader_title, holders.name as leader_person, counts.n as positions
    from units
    left join leaders on leaders.unit_id = units.id
    left join holders on holders.position_id = leaders.position_id
    left join counts on counts.unit_id = units.id
  `.execute(db);

  const units = rows.map((row) => ({
    id: row.id,
    key: row.key,
    name: row.name,
    kind: row.kind,
    level: row.level,
    parentId: row.parent_id,
    classification: row.classification,
    nameKnown: row.name_known,
    leader: row.leader_position_id ? { positionId: row.leader_position_id, title: row.leader_title!, personName: row.leader_person } : null,
    positions: Number(row.positions ?? 0),
    source: row.source,
  }));
  return sortByNorwegian(units, (u) => u.name);
}
