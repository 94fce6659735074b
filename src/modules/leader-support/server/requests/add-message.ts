import { can, conflict, forbidden, type WriteContext } from '../../../../kernel/index.js';
import type { Visibility } from '../leader-support.tables.js';
import { resumeWithSettings } from './service-levels.js';
import type { Updateable } from 'kysely';
import type { LeaderSupportDb, LeaderSupportTables } from '../leader-support.tables.js';
import { auditRequest, label, lockRequest, mustBeSignedIn, updateRequest, writeEvent, type RequestRow } from './shared.js';

/**
 * A public reply (the requester sees it) or an internal note (agents only). An agent's first public
 * reply stops the response clock; the requester's reply while the desk waits for them resumes work.
 */
export async function addMessage(
  db: LeaderSupportDb,
  context: WriteContext,
  row: RequestRow,
  input: { visibility: Visibility; body: string },
  now = new Date(),
): Promise<{ id: string }> {
  const actor = mustBeSignedIn(context);
  const agent = await can(actor, 'leader_support:handle');
  if (input.visibility === 'internal' && !agent) {
    throw forbidden('Bare agenter kan skrive interne notater.', 'Only agents may write internal notes.');
  }
  return db.transaction().execute(async (trx) => {
    const locked = await lockRequest(trx, row.id, null);
    if (locked.status === 'closed' || locked.status === 'deleted') {
      throw conflict(
        `${label(locked)} er ${locked.status === 'closed' ? 'lukket' : 'slettet'}. Gjenåpne den eller send en ny henvendelse.`,
        `${label(locked)} is ${locked.status}. Reopen it or send a new request.`,
      );
    }
    const message = await trx
      .insertInto('ls_messages')
      .values({
        request_id: row.id,
        author_user_id: actor.userId,
        author_name: actor.displayName,
        visibility: input.visibility,
        body: input.body.trim(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const fromRequester = locked.requester_user_id === actor.userId;
    const changes: Updateable<LeaderSupportTables['ls_requests']> = {};
    if (input.visibility === 'public' && agent && !fromRequester && !locked.first_response_at) changes.first_response_at = now;
    if (fromRequester && locked.status === 'waiting') {
      changes.status = 'in_progress';
      Object.assign(changes, await resumeWithSettings(trx, locked, now));
    }
    await updateRequest(trx, row.id, changes);
    await writeEvent(trx, context, row.id, input.visibility === 'public' ? 'replied' : 'noted', { messageId: message.id, fromRequester });
    if (changes.status) await writeEvent(trx, context, row.id, 'status', { from: 'waiting', to: 'in_progress' });
    await auditRequest(trx, context, row.id, input.visibility === 'public' ? 'reply' : 'note', {
      after: { messageId: message.id, visibility: input.visibility },
    });
    return { id: message.id };
  });
}
