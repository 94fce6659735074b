import { sql } from 'kysely';
import type { MyOrganisation, MyPosition } from '../access.schemas.js';
import type { UnitRef } from '../records.schemas.js';
import { leaderRoleTypes, validOn } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';
import { isUuid } from './records.queries.js';

type UnitRow = { id: string; name: string; level: number; kind: UnitRef['kind']; parent_id: string | null };

/** Each of `unitIds` and every unit above it on `date`, by id (one recursive query, whatever the depth). */
export async function selectUnitsWithAncestors(
  db: OrganisationDb,
  unitIds: readonly string[],
  date: string,
): Promise<Map<string, UnitRow>> {
  const ids = unitIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  // `union` (not `union all`) ends the walk should the parent chain ever loop.
  const { rows } = await sql<UnitRow>`
    with recursive chain (unit_id) as (
      select unnest(${ids}::uuid[])
      union
      select uv.parent_id from org_unit_versions uv join chain on chain.unit_id = uv.unit_id
      where ${validOn('uv', date)} and uv.parent_id is not null
    )
    select uv.unit_id as id, uv.name, uv.level, uv.kind, uv.parent_id
    from chain join org_unit_versions uv on uv.unit_id = chain.unit_id and ${validOn('uv', date)}`.execute(db);
  return new Map(rows.map((r) => [r.id, r]));
}

/** The units above `unitId`, nearest first. */
function above(units: Map<string, UnitRow>, unitId: string): UnitRef[] {
  const chain: UnitRef[] = [];
  const seen = new Set([unitId]);
  let parent = units.get(unitId)?.parent_id ?? null;
  while (parent && !seen.has(parent) && units.has(parent)) {
    seen.add(parent);
    chain.push(ref(units.get(parent)!));
    parent = units.get(parent)!.parent_id;
  }
  return chain;
}

const ref = (u: UnitRow): UnitRef => ({ id: u.id, name: u.name, level: u.level, kind: u.kind });

/** The signed-in user's person on `date`: the positions they hold and the units above each. */
export async function selectMyOrganisation(db: OrganisationDb, userId: string, date: string): Promise<MyOrganisation> {
  const person = await db
    .selectFrom('org_user_people as up')
    .innerJoin('org_people as p', 'p.id', 'up.person_id')
    .select(['p.id', 'p.name'])
    .where('up.user_id', '=', userId)
    .executeTakeFirst();
  const held = person
    ? (
        await sql<{ position_id: string; title: string; role_type: MyPosition['roleType']; unit_id: string; fte: string }>`
          select a.position_id, pv.title, pv.role_type, pv.unit_id, a.fte
          from org_assignments a
          join org_position_versions pv on pv.position_id = a.position_id and ${validOn('pv', date)}
          where a.person_id = ${person.id} and ${validOn('a', date)}
          order by a.valid_from, pv.title`.execute(db)
      ).rows
    : [];
  const areas = await db.selectFrom('org_editor_areas').select('unit_id').where('user_id', '=', userId).execute();
  const units = await selectUnitsWithAncestors(db, [...held.map((h) => h.unit_id), ...areas.map((a) => a.unit_id)], date);
  const leaders: readonly string[] = leaderRoleTypes;
  return {
    date,
    person: person ?? null,
    positions: held.flatMap((h) => {
      const unit = units.get(h.unit_id);
      if (!unit) return [];
      return [
        {
          positionId: h.position_id,
          title: h.title,
          roleType: h.role_type,
          leads: leaders.includes(h.role_type),
          fte: Number(h.fte),
          unit: ref(unit),
          above: above(units, h.unit_id),
        },
      ];
    }),
    editorAreas: areas.flatMap((a) => (units.has(a.unit_id) ? [ref(units.get(a.unit_id)!)] : [])),
  };
}

/** The units an editor is limited to (in or under them); empty: not limited. */
export async function selectEditorAreaIds(db: OrganisationDb, userId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('org_editor_areas').select('unit_id').where('user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.unit_id));
}

/** Of `unitIds`, those neither one of `areas` nor under one of them on `date`. */
export async function unitsOutsideAreas(
  db: OrganisationDb,
  areas: ReadonlySet<string>,
  unitIds: readonly string[],
  date: string,
): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const units = await selectUnitsWithAncestors(db, unitIds, date);
  return [...new Set(unitIds)].filter((id) => !areas.has(id) && !above(units, id).some((u) => areas.has(u.id)));
}

/** The areas `userId` is limited to, as of `date` (a closed unit still limits, named by its key). */
export async function selectEditorAreas(db: OrganisationDb, userId: string, date: string): Promise<UnitRef[]> {
  const rows = await db
    .selectFrom('org_editor_areas as ea')
    .innerJoin('org_units as u', 'u.id', 'ea.unit_id')
    .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'ea.unit_id').on(validOn('uv', date)))
    .select(['ea.unit_id', 'u.key', 'uv.name', 'uv.level', 'uv.kind'])
    .where('ea.user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ id: r.unit_id, name: r.name ?? r.key, level: r.level ?? 0, kind: (r.kind ?? 'unit') as UnitRef['kind'] }));
}
