import { can, conflict, forbidden, type Actor, type WriteContext } from '../../../../kernel/index.js';
import type { TransitionBody } from '../../leader-support.schemas.js';
import { resumeWithSettings } from './service-levels.js';
import type { Updateable } from 'kysely';
import type { LeaderSupportDb, LeaderSupportTables, RequestStatus } from '../leader-support.tables.js';
import {
  auditRequest,
  isGroupMember,
  label,
  lockRequest,
  mustBeSignedIn,
  updateRequest,
  writeEvent,
  writeMessage,
  type RequestRow,
} from './shared.js';

type Action = TransitionBody['action'];

const statusNames: Record<RequestStatus, { nb: string; en: string }> = {
  new: { nb: 'ny', en: 'new' },
  in_progress: { nb: 'under arbeid', en: 'in progress' },
  waiting: { nb: 'venter på innmelder', en: 'waiting for the requester' },
  resolved: { nb: 'løst', en: 'resolved' },
  closed: { nb: 'lukket', en: 'closed' },
  deleted: { nb: 'slettet', en: 'deleted' },
};

const actionNames: Record<Action, { nb: string; en: string }> = {
  start: { nb: 'starte arbeidet med', en: 'start work on' },
  wait: { nb: 'sette på vent', en: 'put on hold' },
  resume: { nb: 'gjenoppta', en: 'resume' },
  resolve: { nb: 'løse', en: 'resolve' },
  close: { nb: 'lukke', en: 'close' },
  reopen: { nb: 'gjenåpne', en: 'reopen' },
  delete: { nb: 'slette', en: 'delete' },
};

/** From which statuses each action makes sense, and where it leads. */
const moves: Record<Action, { from: RequestStatus[]; to: RequestStatus }> = {
  start: { from: ['new'], to: 'in_progress' },
  wait: { from: ['new', 'in_progress'], to: 'waiting' },
  resume: { from: ['waiting'], to: 'in_progress' },
  resolve: { from: ['new', 'in_progress', 'waiting'], to: 'resolved' },
  close: { from: ['new', 'in_progress', 'waiting', 'resolved'], to: 'closed' },
  reopen: { from: ['resolved', 'closed'], to: 'in_progress' },
  delete: { from: ['new', 'in_progress', 'waiting', 'resolved', 'closed'], to: 'deleted' },
};

/** Who may take an action: the agents of the request's group, and the requester for some. */
async function mayAct(db: LeaderSupportDb, actor: Actor, row: RequestRow, action: Action): Promise<boolean> {
  const requester = row.requester_user_id === actor.userId;
  const agent =
    (await can(actor, 'leader_support:handle')) &&
    ((await isGroupMember(db, actor, row.group_id)) || row.assignee_user_id === actor.userId);
  switch (action) {
    case 'close':
    case 'reopen':
      return requester || agent;
    case 'delete':
      // A requester may withdraw what nobody has started on; agents may delete what is theirs.
      return agent || (requester && row.status === 'new' && row.assignee_user_id === null);
    default:
      return agent;
  }
}

export function allowedMove(row: Pick<RequestRow, 'status'>, action: Action): boolean {
  return moves[action].from.includes(row.status as RequestStatus);
}

/** Moves a request through its life cycle, with the service-level clock paused while waiting. */
export async function transitionRequest(
  db: LeaderSupportDb,
  context: WriteContext,
  row: RequestRow,
  input: TransitionBody,
  now = new Date(),
): Promise<void> {
  const actor = mustBeSignedIn(context);
  const action = input.action;
  if (!(await mayAct(db, actor, row, action))) {
    throw forbidden(`Du kan ikke ${actionNames[action].nb} ${label(row)}.`, `You may not ${actionNames[action].en} ${label(row)}.`);
  }
  await db.transaction().execute(async (trx) => {
    const locked = await lockRequest(trx, row.id, input.revision);
    const status = locked.status as RequestStatus;
    if (!allowedMove(locked, action)) {
      const why =
        status === 'deleted'
          ? { nb: ' En slettet henvendelse kan ikke endres; send en ny.', en: ' A deleted request cannot be changed; send a new one.' }
          : { nb: '', en: '' };
      throw conflict(
        `Kan ikke ${actionNames[action].nb} ${label(locked)} fordi den er ${statusNames[status].nb}.${why.nb}`,
        `Cannot ${actionNames[action].en} ${label(locked)} because it is ${statusNames[status].en}.${why.en}`,
        { status },
      );
    }
    const to = moves[action].to;
    const changes: Updateable<LeaderSupportTables['ls_requests']> = { status: to };
    // Leaving «waiting» moves the deadlines on by the open time that passed while paused.
    if (status === 'waiting') Object.assign(changes, await resumeWithSettings(trx, locked, now));
    if (to === 'waiting') changes.paused_at = now;
    if (to === 'resolved') {
      changes.resolved_at = now;
      if (!locked.first_response_at) changes.first_response_at = now;
      changes.resolution_breached =
        locked.resolution_breached || (locked.resolution_due_at !== null && now > new Date(locked.resolution_due_at));
    }
    if (to === 'closed') {
      changes.closed_at = now;
      if (!locked.resolved_at && locked.status !== 'resolved') changes.resolved_at = null;
    }
    if (action === 'reopen') {
      changes.resolved_at = null;
      changes.closed_at = null;
    }
    await updateRequest(trx, row.id, changes);

    const note = input.note?.trim();
    if (note) {
      await writeMessage(trx, row.id, actor, 'public', note);
    }
    if (to === 'resolved' && locked.requester_user_id) {
      await trx
        .insertInto('ls_surveys')
        .values({ request_id: row.id, sent_at: now })
        .onConflict((oc) => oc.column('request_id').doNothing())
        .execute();
    }
    const eventType = {
      start: 'status',
      wait: 'status',
      resume: 'status',
      resolve: 'resolved',
      close: 'closed',
      reopen: 'reopened',
      delete: 'deleted',
    }[action];
    await writeEvent(trx, context, row.id, eventType, { from: status, to, note: note ?? null });
    await auditRequest(trx, context, row.id, action, { before: { status }, after: { status: to } });
  });
}
