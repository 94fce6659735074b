import { can, type Actor } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { forbidden, isUuid, label, notFound, requestNumber, type RequestRow } from './shared.js';

/**
 * Who may read a request: the requester; the agents (leader_support:handle); and a leader of the
 * requester's unit or a unit above it. Everyone else is refused, without learning more than that it exists.
 * `db` is the transaction's handle when the caller is inside one.
 */
export async function mayRead(
  db: LeaderSupportDb,
  actor: Actor,
  row: Pick<RequestRow, 'requester_user_id' | 'registered_by_user_id' | 'unit_id'>,
): Promise<boolean> {
  if (row.requester_user_id === actor.userId || row.registered_by_user_id === actor.userId) return true;
  if (await can(actor, 'leader_support:handle')) return true;
  return row.unit_id !== null && (await can(actor, 'leader_support:submit', { kind: 'unit', id: row.unit_id }, db));
}

/** The request named by `ref` (its number, «LS-12», or its id). */
export async function findRequest(db: LeaderSupportDb, ref: string): Promise<RequestRow> {
  const number = requestNumber(ref);
  const query = db.selectFrom('ls_requests').selectAll();
  const row =
    number !== null
      ? await query.where('number', '=', String(number) as never).executeTakeFirst()
      : isUuid(ref)
        ? await query.where('id', '=', ref).executeTakeFirst()
        : undefined;
  if (!row) throw notFound(`Fant ikke henvendelsen «${ref}».`, `The request "${ref}" was not found.`);
  return row;
}

/** The request named by `ref`, if the actor may read it; not_found or forbidden otherwise. */
export async function findRequestForActor(db: LeaderSupportDb, actor: Actor, ref: string): Promise<RequestRow> {
  const row = await findRequest(db, ref);
  if (!(await mayRead(db, actor, row))) {
    throw forbidden(
      `Du har ikke tilgang til ${label(row)}. Ledere ser henvendelsene fra sin egen enhet og enhetene under den.`,
      `You do not have access to ${label(row)}. Leaders see the requests from their own unit and the units under it.`,
    );
  }
  return row;
}
