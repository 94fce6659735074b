import { conflict, forbidden, type WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import {
  assertGroupMember,
  auditRequest,
  isGroupMember,
  isOpen,
  label,
  lockOpenRequest,
  mustBeSignedIn,
  updateRequest,
  writeEvent,
  type RequestRow,
} from './shared.js';

/**
 * An agent takes a request. Two agents taking the same one at once: exactly one wins (the update
 * only succeeds while nobody has it), and the other is told who has it.
 */
export async function takeRequest(db: LeaderSupportDb, context: WriteContext, row: RequestRow): Promise<void> {
  const actor = mustBeSignedIn(context);
  if (!isOpen(row.status)) {
    throw conflict(`${label(row)} er ikke åpen og kan ikke tas.`, `${label(row)} is not open and cannot be taken.`);
  }
  if (!(await isGroupMember(db, actor, row.group_id))) {
    throw forbidden(
      `Bare agentene i gruppen som har ${label(row)} kan ta den.`,
      `Only the agents of the group that has ${label(row)} may take it.`,
    );
  }
  await db.transaction().execute(async (trx) => {
    const taken = await trx
      .updateTable('ls_requests')
      .set((eb) => ({
        assignee_user_id: actor.userId,
        status: eb
          .case()
          .when('status', '=', 'new')
          .then('in_progress' as const)
          .else(eb.ref('status'))
          .end(),
        revision: eb('revision', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', row.id)
      .where('assignee_user_id', 'is', null)
      .where('status', 'in', ['new', 'in_progress', 'waiting'])
      .returning(['id'])
      .executeTakeFirst();
    if (!taken) {
      const current = await trx
        .selectFrom('ls_requests as r')
        .leftJoin('users as u', 'u.id', 'r.assignee_user_id')
        .select(['u.display_name', 'r.assignee_user_id'])
        .where('r.id', '=', row.id)
        .executeTakeFirst();
      const who = current?.assignee_user_id === actor.userId ? 'deg' : (current?.display_name ?? 'en annen');
      const whoEn = current?.assignee_user_id === actor.userId ? 'you' : (current?.display_name ?? 'someone else');
      throw conflict(
        `${label(row)} er allerede tatt av ${who}. Listen er oppdatert.`,
        `${label(row)} has already been taken by ${whoEn}. The list is updated.`,
        {
          assigneeUserId: current?.assignee_user_id ?? null,
        },
      );
    }
    await writeEvent(trx, context, row.id, 'taken', { assigneeUserId: actor.userId, assigneeName: actor.displayName });
    await auditRequest(trx, context, row.id, 'take', { after: { assigneeUserId: actor.userId } });
  });
}

/** Gives a request to an agent of its group, or to nobody. */
export async function assignRequest(
  db: LeaderSupportDb,
  context: WriteContext,
  row: RequestRow,
  input: { revision: number; assigneeUserId: string | null },
): Promise<void> {
  const actor = mustBeSignedIn(context);
  await assertGroupMember(db, actor, row, { nb: 'fordele', en: 'assign' });
  await db.transaction().execute(async (trx) => {
    const locked = await lockOpenRequest(trx, row.id, input.revision);
    let name: string | null = null;
    if (input.assigneeUserId !== null) {
      const member = await trx
        .selectFrom('ls_group_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('u.display_name')
        .where('m.group_id', '=', locked.group_id)
        .where('m.user_id', '=', input.assigneeUserId)
        .executeTakeFirst();
      if (!member) {
        throw conflict(
          'Den valgte personen er ikke agent i gruppen som har saken.',
          'The person chosen is not an agent of the group that has the request.',
          [{ in: 'body', path: 'assigneeUserId', problem: 'not a member of the group' }],
        );
      }
      name = member.display_name;
    }
    await updateRequest(trx, row.id, { assignee_user_id: input.assigneeUserId });
    await writeEvent(trx, context, row.id, 'assigned', { assigneeUserId: input.assigneeUserId, assigneeName: name });
    await auditRequest(trx, context, row.id, 'assign', {
      before: { assigneeUserId: locked.assignee_user_id },
      after: { assigneeUserId: input.assigneeUserId },
    });
  });
}
