import { sql } from 'kysely';
import { leaderRoleTypes } from '../../organisation/index.js';
import type { Catalogue, CategoryField } from '../leader-support.schemas.js';
import type { LeaderSupportDb } from './leader-support.tables.js';
import { todayInNorway } from './requests/shared.js';
import { selectGroups } from './settings/settings.queries.js';

/** The active categories in the desk's order, with their form fields, and the support groups. */
export async function selectCatalogue(db: LeaderSupportDb): Promise<Catalogue> {
  const [categories, groups] = await Promise.all([
    db.selectFrom('ls_categories').selectAll().where('active', '=', true).orderBy('sort_order').orderBy('key').execute(),
    selectGroups(db, todayInNorway()),
  ]);
  return {
    categories: categories.map((c) => ({
      id: c.id,
      key: c.key,
      name: { nb: c.name_nb, en: c.name_en },
      description: c.description_nb ? { nb: c.description_nb, en: c.description_en ?? c.description_nb } : null,
      area: c.area,
      kind: c.kind,
      fields: c.fields as CategoryField[],
      defaultPriority: c.default_priority,
      source: c.source,
    })),
    groups,
  };
}

/**
 * Sign-ins a first-line agent can register a request for: people who hold a leader position today
 * (their unit shown), matched on name; at most 20.
 */
export async function selectLeaders(db: LeaderSupportDb, q: string, date: string) {
  const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await sql<{ userId: string; displayName: string; unitName: string | null }>`
    select distinct on (u.id) u.id as "userId", u.display_name as "displayName", uv.name as "unitName"
    from users u
    join org_user_people up on up.user_id = u.id
    join org_assignments a on a.person_id = up.person_id and a.valid_from <= ${date} and (a.valid_to is null or a.valid_to > ${date})
    join org_position_versions pv on pv.position_id = a.position_id and pv.valid_from <= ${date} and (pv.valid_to is null or pv.valid_to > ${date})
    join org_unit_versions uv on uv.unit_id = pv.unit_id and uv.valid_from <= ${date} and (uv.valid_to is null or uv.valid_to > ${date})
    where u.disabled_at is null and pv.role_type in (${sql.join(leaderRoleTypes.map((r) => sql.lit(r)))})
      and (u.display_name ilike ${pattern} or uv.name ilike ${pattern})
    order by u.id, uv.level desc
    limit 20`.execute(db);
  return rows.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nb'));
}
