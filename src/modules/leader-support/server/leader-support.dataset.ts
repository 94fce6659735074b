import { categories, groups, routingRules } from '../dataset/catalogue.js';
import type { LeaderSupportDb } from './leader-support.tables.js';

/** Loads the built-in catalogue, groups and routing rules (once per database, in the dataset transaction). */
export async function loadLeaderSupportDataset(trx: LeaderSupportDb): Promise<void> {
  const units = new Map((await trx.selectFrom('org_units').select(['id', 'key']).execute()).map((u) => [u.key, u.id]));
  const unitId = (key: string | null) => {
    if (key === null) return null;
    const id = units.get(key);
    if (!id) throw new Error(`leader-support dataset: the organisation has no unit with key ${key}`);
    return id;
  };

  const categoryIds = new Map<string, string>();
  for (const [index, c] of categories.entries()) {
    const row = await trx
      .insertInto('ls_categories')
      .values({
        key: c.key,
        name_nb: c.nb,
        name_en: c.en,
        description_nb: c.descriptionNb,
        description_en: c.descriptionEn,
        area: c.area,
        kind: c.kind ?? 'general',
        fields: JSON.stringify(c.fields),
        default_priority: c.defaultPriority ?? 'normal',
        sort_order: index,
        source: c.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    categoryIds.set(c.key, row.id);
  }

  const groupIds = new Map<string, string>();
  for (const g of groups) {
    const row = await trx
      .insertInto('ls_groups')
      .values({
        key: g.key,
        name: g.name,
        line: g.line,
        unit_id: unitId(g.unitKey),
        specialisation: g.specialisation ?? null,
        source: g.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    groupIds.set(g.key, row.id);
  }

  for (const r of routingRules) {
    await trx
      .insertInto('ls_routing_rules')
      .values({
        category_id: r.categoryKey === null ? null : categoryIds.get(r.categoryKey)!,
        area_unit_id: unitId(r.areaUnitKey),
        group_id: groupIds.get(r.groupKey)!,
        note: r.note,
        source: r.source,
      })
      .execute();
  }
}
