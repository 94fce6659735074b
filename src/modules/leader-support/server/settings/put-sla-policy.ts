import type { WriteContext } from '../../../../kernel/index.js';
import type { PutSlaPolicyBody, SlaPolicy } from '../../leader-support.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { selectSlaPolicies } from './settings.queries.js';
import { assertRevision, audit, invalid, lockRow, notFound } from './shared.js';

const noun = { nb: 'tjenestenivået', en: 'the service level' };

/**
 * Sets the service level of a category × priority (category null: every category without its own).
 * Changing an existing policy needs the revision read; creating one needs none.
 */
export async function putSlaPolicy(
  trx: LeaderSupportDb,
  context: WriteContext,
  body: PutSlaPolicyBody,
): Promise<{ policy: SlaPolicy; created: boolean }> {
  if (body.categoryId) {
    const category = await trx.selectFrom('ls_categories').select('id').where('id', '=', body.categoryId).executeTakeFirst();
    if (!category)
      throw notFound(`Kategorien finnes ikke (id ${body.categoryId}).`, `The category does not exist (id ${body.categoryId}).`);
  }
  if (body.responseMinutes > body.resolutionMinutes) {
    throw invalid('Svartiden kan ikke være lengre enn løsningstiden.', 'The response time cannot be longer than the resolution time.', [
      { in: 'body', path: '/responseMinutes', problem: 'longer than resolutionMinutes' },
    ]);
  }
  let query = trx
    .selectFrom('ls_sla_policies')
    .select(['id', 'response_minutes', 'resolution_minutes'])
    .where('priority', '=', body.priority);
  query = body.categoryId ? query.where('category_id', '=', body.categoryId) : query.where('category_id', 'is', null);
  const existing = await query.executeTakeFirst();

  if (!existing) {
    const inserted = await trx
      .insertInto('ls_sla_policies')
      .values({
        category_id: body.categoryId,
        priority: body.priority,
        response_minutes: body.responseMinutes,
        resolution_minutes: body.resolutionMinutes,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [policy] = await selectSlaPolicies(trx, inserted.id);
    await audit(trx, context, { action: 'create', entityType: 'ls_sla_policy', entityId: inserted.id, after: policy });
    return { policy: policy!, created: true };
  }

  const locked = await lockRow(trx, 'ls_sla_policies', existing.id, noun);
  if (body.revision === undefined) {
    throw invalid(
      'Tjenestenivået finnes allerede: send med versjonen du leste for å endre det.',
      'The service level already exists: send the revision you read to change it.',
      [{ in: 'body', path: '/revision', problem: 'required when changing' }],
    );
  }
  assertRevision(noun, locked.revision, body.revision);
  const [before] = await selectSlaPolicies(trx, existing.id);
  await trx
    .updateTable('ls_sla_policies')
    .set({ response_minutes: body.responseMinutes, resolution_minutes: body.resolutionMinutes, revision: locked.revision + 1 })
    .where('id', '=', existing.id)
    .execute();
  const [policy] = await selectSlaPolicies(trx, existing.id);
  await audit(trx, context, { action: 'change', entityType: 'ls_sla_policy', entityId: existing.id, before, after: policy });
  return { policy: policy!, created: false };
}
