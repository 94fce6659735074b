import type { WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { findRequestForActor } from './request-access.js';
import { deskConfig } from './desk-config.js';
import { dueTimes } from './service-levels.js';
import { assertGroupMember, auditRequest, conflict, invalid, label, mustBeSignedIn, writeEvent, type RequestRow } from './shared.js';

/** Links two related requests (shown on both). */
export async function linkRequests(db: LeaderSupportDb, context: WriteContext, row: RequestRow, input: { ref: string }): Promise<void> {
  const actor = mustBeSignedIn(context);
  await assertGroupMember(db, actor, row, { nb: 'koble', en: 'link' });
  const other = await findRequestForActor(db, actor, input.ref);
  if (other.id === row.id)
    throw invalid('En henvendelse kan ikke kobles til seg selv.', 'A request cannot be linked to itself.', [
      { in: 'body', path: 'ref', problem: 'same request' },
    ]);
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('ls_request_links')
      .select('request_id')
      .where((eb) =>
        eb.or([
          eb.and([eb('request_id', '=', row.id), eb('linked_id', '=', other.id)]),
          eb.and([eb('request_id', '=', other.id), eb('linked_id', '=', row.id)]),
        ]),
      )
      .executeTakeFirst();
    if (existing)
      throw conflict(`${label(row)} og ${label(other)} er allerede koblet.`, `${label(row)} and ${label(other)} are already linked.`);
    await trx.insertInto('ls_request_links').values({ request_id: row.id, linked_id: other.id }).execute();
    await writeEvent(trx, context, row.id, 'linked', { linkedId: other.id, number: Number(other.number) });
    await writeEvent(trx, context, other.id, 'linked', { linkedId: row.id, number: Number(row.number) });
    await auditRequest(trx, context, row.id, 'link', { after: { linkedId: other.id } });
  });
}

/**
 * A child request for part of a heavy question, handled by another group as a team; it keeps the
 * requester and unit of its parent.
 */
export async function createChildRequest(
  db: LeaderSupportDb,
  context: WriteContext,
  parent: RequestRow,
  input: { subject: string; description?: string; groupId: string },
  now = new Date(),
): Promise<{ id: string }> {
  const actor = mustBeSignedIn(context);
  await assertGroupMember(db, actor, parent, { nb: 'dele opp', en: 'split' });
  const group = await db
    .selectFrom('ls_groups')
    .select(['id', 'name', 'line', 'active'])
    .where('id', '=', input.groupId)
    .executeTakeFirst();
  if (!group?.active)
    throw invalid('Velg en aktiv gruppe.', 'Choose an active group.', [{ in: 'body', path: 'groupId', problem: 'unknown group' }]);
  if (parent.status === 'deleted' || parent.status === 'closed') {
    throw conflict(`${label(parent)} er lukket; gjenåpne den først.`, `${label(parent)} is closed; reopen it first.`);
  }
  return db.transaction().execute(async (trx) => {
    const due = dueTimes(await deskConfig(trx), parent.category_id, parent.priority, now);
    const child = await trx
      .insertInto('ls_requests')
      .values({
        category_id: parent.category_id,
        subject: input.subject.trim(),
        description: input.description?.trim() ?? '',
        fields: JSON.stringify({}),
        requester_user_id: parent.requester_user_id,
        requester_person_id: parent.requester_person_id,
        requester_name: parent.requester_name,
        unit_id: parent.unit_id,
        unit_name: parent.unit_name,
        unit_level: parent.unit_level,
        sector_unit_id: parent.sector_unit_id,
        sector_name: parent.sector_name,
        registered_by_user_id: actor.userId,
        channel: parent.channel,
        priority: parent.priority,
        line: group.line,
        highest_line: group.line,
        group_id: group.id,
        parent_id: parent.id,
        created_at: now,
        updated_at: now,
        ...due,
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    await writeEvent(trx, context, child.id, 'created', { parentId: parent.id, groupName: group.name });
    await writeEvent(trx, context, parent.id, 'child_created', { childId: child.id, number: Number(child.number), groupName: group.name });
    await auditRequest(trx, context, child.id, 'create_child', { after: { parentId: parent.id, groupId: group.id } });
    return { id: child.id };
  });
}
