import type { WriteContext } from '../../../../kernel/index.js';
import type { CreateRoutingRuleBody, RoutingRule } from '../../leader-support.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { assertArea, assertCategory, assertSecondLineGroup } from './routing-rule-checks.js';
import { selectRoutingRules } from './settings.queries.js';
import { audit, cleanText, conflict, todayInNorway } from './shared.js';

/** Adds a rule: requests in this category (or any) from this area (or anywhere) go to a second-line group. */
export async function createRoutingRule(trx: LeaderSupportDb, context: WriteContext, body: CreateRoutingRuleBody): Promise<RoutingRule> {
  const today = todayInNorway();
  const category = body.categoryId ? await assertCategory(trx, body.categoryId) : null;
  const area = body.areaUnitId ? await assertArea(trx, body.areaUnitId, today) : null;
  await assertSecondLineGroup(trx, body.groupId);

  let existing = trx.selectFrom('ls_routing_rules').select('id');
  existing = body.categoryId ? existing.where('category_id', '=', body.categoryId) : existing.where('category_id', 'is', null);
  existing = body.areaUnitId ? existing.where('area_unit_id', '=', body.areaUnitId) : existing.where('area_unit_id', 'is', null);
  const duplicate = await existing.executeTakeFirst();
  if (duplicate) {
    const what = { nb: category?.name ?? 'alle kategorier', en: category?.name ?? 'any category' };
    const where = { nb: area?.name ?? 'hele kommunen', en: area?.name ?? 'the whole municipality' };
    throw conflict(
      `Det finnes allerede en regel for ${what.nb} fra ${where.nb}. Endre den regelen i stedet for å legge til en ny.`,
      `There is already a rule for ${what.en} from ${where.en}. Change that rule instead of adding a new one.`,
      { ruleId: duplicate.id },
    );
  }

  const inserted = await trx
    .insertInto('ls_routing_rules')
    .values({ category_id: body.categoryId, area_unit_id: body.areaUnitId, group_id: body.groupId, note: cleanText(body.note) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [rule] = await selectRoutingRules(trx, today, inserted.id);
  await audit(trx, context, { action: 'create', entityType: 'ls_routing_rule', entityId: inserted.id, after: rule });
  return rule!;
}
