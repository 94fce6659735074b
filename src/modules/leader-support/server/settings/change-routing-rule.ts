import type { WriteContext } from '../../../../kernel/index.js';
import type { ChangeRoutingRuleBody, RoutingRule } from '../../leader-support.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { assertSecondLineGroup } from './routing-rule-checks.js';
import { selectRoutingRules } from './settings.queries.js';
import { assertRevision, audit, cleanText, lockRow, todayInNorway } from './shared.js';

const noun = { nb: 'rutingsregelen', en: 'the routing rule' };

/** Sends a rule's requests to another second-line group, or changes its note. */
export async function changeRoutingRule(
  trx: LeaderSupportDb,
  context: WriteContext,
  id: string,
  body: ChangeRoutingRuleBody,
): Promise<RoutingRule> {
  const today = todayInNorway();
  const locked = await lockRow(trx, 'ls_routing_rules', id, noun);
  assertRevision(noun, locked.revision, body.revision);
  await assertSecondLineGroup(trx, body.groupId);
  const [before] = await selectRoutingRules(trx, today, id);
  await trx
    .updateTable('ls_routing_rules')
    .set({
      group_id: body.groupId,
      ...(body.note !== undefined ? { note: cleanText(body.note) } : {}),
      revision: locked.revision + 1,
    })
    .where('id', '=', id)
    .execute();
  const [rule] = await selectRoutingRules(trx, today, id);
  await audit(trx, context, { action: 'change', entityType: 'ls_routing_rule', entityId: id, before, after: rule });
  return rule!;
}
