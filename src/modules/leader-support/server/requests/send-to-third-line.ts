import { conflict, invalid, type WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import {
  assertGroupMember,
  auditRequest,
  label,
  lockOpenRequest,
  mustBeSignedIn,
  updateRequest,
  writeEvent,
  writeMessage,
  type RequestRow,
} from './shared.js';

export interface ThirdLineInput {
  revision: number;
  reason: string;
  kind: 'internal' | 'external';
  groupId?: string;
  party?: string;
}

/**
 * From the second line to the rare third: internal experts (a line-3 group takes the request) or an
 * external party (the second line keeps it and records who was brought in).
 */
export async function sendToThirdLine(db: LeaderSupportDb, context: WriteContext, row: RequestRow, input: ThirdLineInput): Promise<void> {
  const actor = mustBeSignedIn(context);
  await assertGroupMember(db, actor, row, { nb: 'sende til 3. linje', en: 'send to the third line' });
  await db.transaction().execute(async (trx) => {
    const locked = await lockOpenRequest(trx, row.id, input.revision, (l) => ({
      nb: `${l} er ikke åpen og kan ikke sendes videre.`,
      en: `${l} is not open and cannot be passed on.`,
    }));
    if (locked.line !== 2) {
      throw conflict(
        `Bare 2. linje kan sende en sak til 3. linje; ${label(locked)} er i ${locked.line}. linje.`,
        `Only the second line may send a request to the third line; ${label(locked)} is in line ${locked.line}.`,
      );
    }
    const reason = input.reason.trim();
    let party: string;
    let groupId = locked.group_id;
    if (input.kind === 'internal') {
      const group = input.groupId
        ? await trx.selectFrom('ls_groups').select(['id', 'name', 'line', 'active']).where('id', '=', input.groupId).executeTakeFirst()
        : undefined;
      if (!group || group.line !== 3 || !group.active) {
        throw invalid('Velg en gruppe i 3. linje.', 'Choose a third-line group.', [
          { in: 'body', path: 'groupId', problem: 'not an active line-3 group' },
        ]);
      }
      party = group.name;
      groupId = group.id;
    } else {
      if (!input.party?.trim()) {
        throw invalid(
          'Skriv hvem saken sendes til (for eksempel leverandøren).',
          'Write who the request is sent to (the vendor, for example).',
          [{ in: 'body', path: 'party', problem: 'required' }],
        );
      }
      party = input.party.trim();
    }
    await updateRequest(trx, row.id, {
      line: 3,
      highest_line: 3,
      group_id: groupId,
      third_line_kind: input.kind,
      third_line_party: party,
      ...(input.kind === 'internal' ? { assignee_user_id: null, status: 'new' } : {}),
    });
    await writeMessage(
      trx,
      row.id,
      actor,
      'internal',
      `Sendt til 3. linje (${input.kind === 'internal' ? 'intern' : 'ekstern'}: ${party}): ${reason}`,
    );
    await writeEvent(trx, context, row.id, 'third_line', {
      kind: input.kind,
      party,
      groupId: input.kind === 'internal' ? groupId : null,
      reason,
    });
    await auditRequest(trx, context, row.id, 'third_line', {
      before: { line: locked.line, groupId: locked.group_id },
      after: { line: 3, groupId, kind: input.kind, party, reason },
    });
  });
}
