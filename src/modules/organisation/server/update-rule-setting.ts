import { AppError, recordAudit, type KernelTables, type WriteContext } from '../../../kernel/index.js';
import type { Kysely } from 'kysely';
import type { RuleSetting, UpdateRuleSettingBody } from '../rules.schemas.js';
import type { OrganisationDb } from './organisation.tables.js';
import { lockRuleSetting } from './rules.queries.js';

/** Changes the span-of-control threshold for one leader role type, if nobody changed it since it was read. */
export async function updateRuleSetting(
  db: OrganisationDb,
  roleType: RuleSetting['roleType'],
  input: UpdateRuleSettingBody,
  context: WriteContext,
): Promise<RuleSetting> {
  return db.transaction().execute(async (trx) => {
    const current = await lockRuleSetting(trx, roleType);
    if (!current) {
      throw new AppError('not_found', {
        message: {
          nb: `Det finnes ingen grense for lederspenn for rolletypen «${roleType}».`,
          en: `There is no span-of-control threshold for the role type “${roleType}”.`,
        },
      });
    }
    if (current.revision !== input.revision) {
      throw new AppError('stale', { details: { revision: current.revision } });
    }
    const updated = await trx
      .updateTable('org_rule_settings')
      .set((eb) => ({ max_span: input.maxSpan, revision: eb('revision', '+', 1) }))
      .where('role_type', '=', roleType)
      .where('revision', '=', input.revision)
      .returning(['max_span', 'revision'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx as unknown as Kysely<KernelTables>, context, {
      action: 'update',
      entityType: 'org_rule_setting',
      entityId: roleType,
      before: { maxSpan: current.max_span, revision: current.revision },
      after: { maxSpan: updated.max_span, revision: updated.revision },
    });
    return { roleType, maxSpan: updated.max_span, revision: updated.revision };
  });
}
