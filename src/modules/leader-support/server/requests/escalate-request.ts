import { conflict, invalid, type WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { chooseGroup } from '../routing/choose-group.js';
import {
  assertGroupMember,
  auditRequest,
  label,
  lockOpenRequest,
  mustBeSignedIn,
  todayInNorway,
  updateRequest,
  writeEvent,
  writeMessage,
  type RequestRow,
} from './shared.js';

/**
 * From the first line to the second: the group is chosen by the routing rules defined in advance,
 * reading the requester's unit in the organisation as it is today (so a unit moved to another
 * service area is routed by its new place). A reason is required and kept as an internal note.
 */
export async function escalateRequest(
  db: LeaderSupportDb,
  context: WriteContext,
  row: RequestRow,
  input: { revision: number; reason: string },
  now = new Date(),
) {
  const actor = mustBeSignedIn(context);
  await assertGroupMember(db, actor, row, { nb: 'eskalere', en: 'escalate' });
  return db.transaction().execute(async (trx) => {
    const locked = await lockOpenRequest(trx, row.id, input.revision, (l) => ({
      nb: `${l} er ikke åpen og kan ikke eskaleres. Gjenåpne den først.`,
      en: `${l} is not open and cannot be escalated. Reopen it first.`,
    }));
    if (locked.line !== 1) {
      throw conflict(
        `${label(locked)} er allerede i ${locked.line}. linje. Fra 2. linje går saken videre til 3. linje.`,
        `${label(locked)} is already in line ${locked.line}. From the second line, it goes on to the third line.`,
      );
    }
    const choice = await chooseGroup(trx, locked.category_id, locked.unit_id, todayInNorway(now));
    if (!choice.group) {
      throw invalid(
        `Ingen rutingregel passer for kategorien og enheten til ${label(locked)}. Be administratoren for lederstøtten legge inn en regel.`,
        `No routing rule matches the category and unit of ${label(locked)}. Ask the leader-support administrator to add one.`,
      );
    }
    const reason = input.reason.trim();
    await updateRequest(trx, row.id, {
      line: 2,
      highest_line: Math.max(2, locked.highest_line),
      group_id: choice.group.id,
      assignee_user_id: null,
      status: 'new',
      paused_at: null,
    });
    await writeMessage(trx, row.id, actor, 'internal', `Eskalert til ${choice.group.name} (2. linje): ${reason}`);
    await writeEvent(trx, context, row.id, 'escalated', {
      fromLine: 1,
      toLine: 2,
      groupId: choice.group.id,
      groupName: choice.group.name,
      ruleId: choice.rule?.id ?? null,
      reason,
    });
    await auditRequest(trx, context, row.id, 'escalate', {
      before: { line: locked.line, groupId: locked.group_id },
      after: { line: 2, groupId: choice.group.id, reason },
    });
    return choice.group;
  });
}
