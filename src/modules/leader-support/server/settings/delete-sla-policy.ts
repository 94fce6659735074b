import type { WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { selectSlaPolicies } from './settings.queries.js';
import { assertRevision, audit, conflict, lockRow } from './shared.js';

const noun = { nb: 'tjenestenivået', en: 'the service level' };

/** Removes a category's own service level (the generic one applies again); the generic ones stay. */
export async function deleteSlaPolicy(trx: LeaderSupportDb, context: WriteContext, id: string, revision: number): Promise<void> {
  const locked = await lockRow(trx, 'ls_sla_policies', id, noun);
  const [before] = await selectSlaPolicies(trx, id);
  if (before!.category === null) {
    throw conflict(
      'Det generelle tjenestenivået for en prioritet kan ikke slettes: hver prioritet må ha ett. Endre tidene i stedet.',
      'The generic service level of a priority cannot be deleted: every priority must have one. Change its times instead.',
      [{ in: 'params', path: 'id', problem: 'generic policy' }],
    );
  }
  assertRevision(noun, locked.revision, revision);
  await trx.deleteFrom('ls_sla_policies').where('id', '=', id).execute();
  await audit(trx, context, { action: 'delete', entityType: 'ls_sla_policy', entityId: id, before });
}
