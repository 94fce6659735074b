import { sql } from 'kysely';
import { leaderRoleTypes } from '../../../organisation/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';

export interface Requester {
  person: { id: string; name: string } | null;
  unit: { id: string; name: string; level: number } | null;
  /** The service or staff area (level 2) the unit belongs to, or its director area when it has none. */
  sector: { id: string; name: string } | null;
}

type Row = {
  person_id: string;
  person_name: string;
  depth: number | null;
  unit_id: string | null;
  name: string | null;
  level: number | null;
  kind: string | null;
};

/**
 * Where a user sits on `date`, as the organisation model says: never typed by the requester. A
 * leader position counts first (a leader asks for their unit), then the largest share of a position.
 * One query: the person, their position's unit and the units above it, nearest first.
 */
export async function requesterOn(db: LeaderSupportDb, userId: string, date: string): Promise<Requester> {
  const on = (alias: string) =>
    sql`${sql.ref(`${alias}.valid_from`)} <= ${date} and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date})`;
  const leaders = sql.join(leaderRoleTypes.map((r) => sql.lit(r)));
  const { rows } = await sql<Row>`
    with recursive mine as (
      select p.id as person_id, p.name as person_name, pv.unit_id
      from org_user_people up
      join org_people p on p.id = up.person_id
      left join org_assignments a on a.person_id = p.id and ${on('a')}
      left join org_position_versions pv on pv.position_id = a.position_id and ${on('pv')}
      where up.user_id = ${userId}
      order by (pv.role_type in (${leaders})) desc nulls last, a.fte desc nulls last, a.valid_from, pv.title
      limit 1
    ),
    chain (unit_id, depth) as (
      select unit_id, 0 from mine where unit_id is not null
      union all
      select uv.parent_id, chain.depth + 1
      from chain join org_unit_versions uv on uv.unit_id = chain.unit_id and ${on('uv')}
      where uv.parent_id is not null and chain.depth < 30
    )
    select mine.person_id, mine.person_name, chain.depth, uv.unit_id, uv.name, uv.level, uv.kind
    from mine
    left join chain on true
    left join org_unit_versions uv on uv.unit_id = chain.unit_id and ${on('uv')}
    order by chain.depth`.execute(db);
  const first = rows[0];
  if (!first) return { person: null, unit: null, sector: null };
  const person = { id: first.person_id, name: first.person_name };
  const chain = rows.filter((r) => r.unit_id !== null) as (Row & { unit_id: string; name: string; level: number; kind: string })[];
  const unit = chain[0];
  if (!unit) return { person, unit: null, sector: null };
  const sector = chain.find((u) => u.level === 2) ?? chain.find((u) => u.level === 1 && u.kind !== 'leadership_team') ?? null;
  return {
    person,
    unit: { id: unit.unit_id, name: unit.name, level: unit.level },
    sector: sector ? { id: sector.unit_id, name: sector.name } : null,
  };
}
