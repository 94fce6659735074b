import { sql } from 'kysely';
import { sortByNorwegian, todayInNorway } from '../../../kernel/index.js';
import type { ChartLine, TreeUnit } from '../organisation.schemas.js';
import { keptWhileUnchanged } from './kept-while-unchanged.js';
import type { OrganisationDb } from './organisation.tables.js';

export { todayInNorway };

/** Role types that lead a unit, best first: the unit's leader is the first of these it has. */
export const leaderRoleTypes = [
  'chief_executive',
  'director',
  'service_area_head',
  'staff_area_head',
  'unit_leader',
  'department_leader',
] as const;

/** `valid_from <= date < valid_to` on a table alias: the row holds on that date. */
export function validOn(alias: string, date: string) {
  return sql<boolean>`${sql.ref(`${alias}.valid_from`)} <= ${date}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date}::date)`;
}

/**
 * Every unit that exists on `date`, with its leader position and who holds it, sorted by name
 * (Norwegian rules). Frozen, and kept while the organisation is unchanged (kept-while-unchanged.ts).
 */
export const selectUnitTree: (db: OrganisationDb, date: string) => Promise<TreeUnit[]> = keptWhileUnchanged(async (db, date) => {
  const units = await readUnitTree(db, date);
  for (const unit of units) {
    if (unit.leader) Object.freeze(unit.leader);
    Object.freeze(unit);
  }
  return Object.freeze(units) as TreeUnit[];
});

/** `selectUnitTree` read from the database every time. */
export async function readUnitTree(db: OrganisationDb, date: string): Promise<TreeUnit[]> {
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
    leader_person_id: string | null;
    positions: string | null;
  }>`
    -- Holders are looked up for the leader positions only, and the positions are not gathered into
    -- one materialised list: at 70 000 positions both cost more than the rest of the query
    -- (scripts/bench-organisation.ts).
    with leaders as (
      select distinct on (pv.unit_id) pv.unit_id, pv.position_id, pv.title
      from org_position_versions pv
      where ${validOn('pv', date)} and pv.role_type in (${rank})
      order by pv.unit_id, array_position(array[${rank}]::text[], pv.role_type), pv.title
    ),
    counts as (
      select pv.unit_id, count(*) as n from org_position_versions pv where ${validOn('pv', date)} group by pv.unit_id
    )
    select uv.unit_id as id, u.key, uv.name, uv.kind, uv.level, uv.parent_id, uv.classification, uv.name_known, uv.source,
      leaders.position_id as leader_position_id, leaders.title as leader_title, holder.name as leader_person, holder.id as leader_person_id, counts.n as positions
    from org_unit_versions uv
    join org_units u on u.id = uv.unit_id
    left join leaders on leaders.unit_id = uv.unit_id
    left join lateral (
      select pe.name, pe.id
      from org_assignments a
      join org_people pe on pe.id = a.person_id
      where a.position_id = leaders.position_id and ${validOn('a', date)}
      order by a.valid_from desc
      limit 1
    ) holder on true
    left join counts on counts.unit_id = uv.unit_id
    where ${validOn('uv', date)}
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
    leader: row.leader_position_id
      ? { positionId: row.leader_position_id, title: row.leader_title!, personName: row.leader_person, personId: row.leader_person_id }
      : null,
    positions: Number(row.positions ?? 0),
    source: row.source,
  }));
  return sortByNorwegian(units, (u) => u.name);
}

/**
 * The reporting lines the org chart draws between units: professional and coordination lines
 * between different units, and personnel lines that skip the unit hierarchy (a position reporting
 * to a leader elsewhere than its unit's parent). One line per type and pair of units, so the
 * answer stays small when thousands of employees report along the hierarchy.
 */
export async function selectChartLines(db: OrganisationDb, date: string): Promise<ChartLine[]> {
  const { rows } = await sql<{ id: string; type: ChartLine['type']; from_unit_id: string; to_unit_id: string }>`
    select distinct on (l.line_type, fpv.unit_id, tpv.unit_id)
      l.id, l.line_type as type, fpv.unit_id as from_unit_id, tpv.unit_id as to_unit_id
    from org_reporting_lines l
    join org_position_versions fpv on fpv.position_id = l.from_position_id and ${validOn('fpv', date)}
    join org_position_versions tpv on tpv.position_id = l.to_position_id and ${validOn('tpv', date)}
    join org_unit_versions fuv on fuv.unit_id = fpv.unit_id and ${validOn('fuv', date)}
    where ${validOn('l', date)}
      and fpv.unit_id <> tpv.unit_id
      and (l.line_type <> 'personnel' or fuv.parent_id is distinct from tpv.unit_id)
    order by l.line_type, fpv.unit_id, tpv.unit_id, l.id`.execute(db);
  return rows.map((r) => ({ id: r.id, type: r.type, fromUnitId: r.from_unit_id, toUnitId: r.to_unit_id }));
}

/** The unit's leader position on `date` (the best-ranked leader role in it), if it has one. */
export async function selectLeaderPosition(db: OrganisationDb, unitId: string, date: string): Promise<string | null> {
  const rank = sql.join(leaderRoleTypes.map((r) => sql.lit(r)));
  const { rows } = await sql<{ position_id: string }>`
    select pv.position_id from org_position_versions pv
    where pv.unit_id = ${unitId} and ${validOn('pv', date)} and pv.role_type in (${rank})
    order by array_position(array[${rank}]::text[], pv.role_type), pv.title
    limit 1`.execute(db);
  return rows[0]?.position_id ?? null;
}
