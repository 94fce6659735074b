import { conflict, forbidden, type WriteContext } from '../../../../kernel/index.js';
import { changeUnitLeader, type OrganisationDb } from '../../../organisation/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import {
  auditRequest,
  isGroupMember,
  label,
  lockOpenRequest,
  mustBeSignedIn,
  updateRequest,
  writeEvent,
  type RequestRow,
} from './shared.js';

/**
 * The first line approves a master-data request (a new leader of a unit): the change is made in the
 * organisation model through that module's command, in the same transaction, and the request is resolved.
 */
export async function approveMasterData(
  db: LeaderSupportDb,
  context: WriteContext,
  row: RequestRow,
  input: { revision: number },
  now = new Date(),
): Promise<void> {
  const actor = mustBeSignedIn(context);
  const category = await db
    .selectFrom('ls_categories')
    .select(['kind', 'name_nb'])
    .where('id', '=', row.category_id)
    .executeTakeFirstOrThrow();
  if (category.kind !== 'leader_change') {
    throw conflict(`${label(row)} er ikke en masterdata-henvendelse.`, `${label(row)} is not a master-data request.`);
  }
  const firstLine = await db.selectFrom('ls_groups').select('id').where('line', '=', 1).execute();
  const inFirstLine = (await Promise.all(firstLine.map((g) => isGroupMember(db, actor, g.id)))).some(Boolean);
  if (!inFirstLine)
    throw forbidden('Bare 1.linjen kan godkjenne endringer i masterdata.', 'Only the first line may approve master-data changes.');
  await db.transaction().execute(async (trx) => {
    const locked = await lockOpenRequest(trx, row.id, input.revision);
    const fields = locked.fields as Record<string, string>;
    const change = await changeUnitLeader(trx as unknown as OrganisationDb, context, {
      unitId: fields.unit ?? '',
      personId: fields.newLeader ?? '',
      validFrom: fields.validFrom ?? '',
      source: `Lederstøtte ${label(locked)}`,
    });
    await updateRequest(trx, row.id, {
      status: 'resolved',
      resolved_at: now,
      first_response_at: locked.first_response_at ?? now,
      paused_at: null,
    });
    if (locked.requester_user_id) {
      await trx
        .insertInto('ls_surveys')
        .values({ request_id: row.id, sent_at: now })
        .onConflict((oc) => oc.column('request_id').doNothing())
        .execute();
    }
    await writeEvent(trx, context, row.id, 'master_data_applied', {
      positionId: change.positionId,
      assignmentId: change.assignmentId,
      ended: change.ended.length,
    });
    await writeEvent(trx, context, row.id, 'resolved', { from: locked.status, to: 'resolved' });
    await auditRequest(trx, context, row.id, 'approve_master_data', {
      after: { unitId: fields.unit, personId: fields.newLeader, validFrom: fields.validFrom, positionId: change.positionId },
    });
  });
}
