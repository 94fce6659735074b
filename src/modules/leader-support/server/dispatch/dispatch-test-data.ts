import type { LeaderSupportDb } from '../leader-support.tables.js';

// Rows the dispatcher's integration tests start from; only what those tests vary is a parameter.

/** A category with no fields, in the pay area. */
export async function insertTestCategory(db: LeaderSupportDb, key: string, name: string): Promise<string> {
  const row = await db
    .insertInto('ls_categories')
    .values({ key, name_nb: name, name_en: name, description_nb: null, description_en: null, area: 'lønn', fields: '[]', source: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A normal-priority request in a group, with no unit, parent or third line; `values` sets the rest. */
export async function insertTestRequest(
  db: LeaderSupportDb,
  values: { category_id: string; subject: string; requester_user_id: string | null; requester_name: string; group_id: string } & Record<
    string,
    unknown
  >,
): Promise<{ id: string; number: number }> {
  const row = await db
    .insertInto('ls_requests')
    .values({
      fields: '{}',
      requester_person_id: null,
      unit_id: null,
      unit_name: null,
      unit_level: null,
      sector_unit_id: null,
      sector_name: null,
      registered_by_user_id: null,
      priority: 'normal',
      assignee_user_id: null,
      third_line_kind: null,
      third_line_party: null,
      parent_id: null,
      solved_by_article_id: null,
      ...values,
    } as never)
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  return { id: row.id, number: Number(row.number) };
}
