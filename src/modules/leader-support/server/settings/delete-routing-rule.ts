import type { WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { selectRoutingRules } from './settings.queries.js';
import { assertRevision, audit, lockRow, todayInNorway } from './shared.js';

const noun = { nb: 'rutingsregelen', en: 'the routing rule' };

/** Removes a rule; requests it matched fall to the next most specific rule. */
export async function deleteRoutingRule(trx: LeaderSupportDb, context: WriteContext, id: string, revision: number): Promise<void> {
  const locked = await lockRow(trx, 'ls_routing_rules', id, noun);
  assertRevision(noun, locked.revision, revision);
  const [before] = await selectRoutingRules(trx, todayInNorway(), id);
  await trx.deleteFrom('ls_routing_rules').where('id', '=', id).execute();
  await audit(trx, context, { action: 'delete', entityType: 'ls_routing_rule', entityId: id, before });
}
