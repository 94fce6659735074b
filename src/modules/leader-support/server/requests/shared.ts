import type { Kysely, Selectable, Updateable } from 'kysely';
import {
  AppError,
  recordAudit,
  type Actor,
  type AuditEntry,
  type KernelTables,
  type WriteContext,
  isUuid,
  conflict,
  forbidden,
  invalid,
  notFound,
} from '../../../../kernel/index.js';
import type { BusinessCalendar } from '../sla/business-time.js';
import type { LeaderSupportDb, LeaderSupportTables, Visibility } from '../leader-support.tables.js';
export { conflict, forbidden, invalid, notFound };

export { isUuid };

// What the request commands share: messages, locking with the revision read, events, audit.

export type RequestRow = Selectable<LeaderSupportTables['ls_requests']>;
export type SettingsRow = Selectable<LeaderSupportTables['ls_settings']>;

export const openStatuses = ['new', 'in_progress', 'waiting'] as const;
export const isOpen = (status: string) => (openStatuses as readonly string[]).includes(status);

/** «LS-1042», «ls-1042», «1042» → 1042; anything else is not a number. */
export function requestNumber(ref: string): number | null {
  const match = /^(?:ls-?)?(\d{1,15})$/i.exec(ref.trim());
  return match ? Number(match[1]) : null;
}

export const label = (row: { number: string | number }) => `LS-${row.number}`;

/** Today in Norway, YYYY-MM-DD. */
export function todayInNorway(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function audit(trx: LeaderSupportDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

/** The audit line of a change to one request. */
export async function auditRequest(
  trx: LeaderSupportDb,
  context: WriteContext,
  requestId: string,
  action: string,
  change: Pick<AuditEntry, 'before' | 'after'>,
): Promise<void> {
  await audit(trx, context, { action, entityType: 'leader_support_request', entityId: requestId, ...change });
}

/** One line of a request's history; the dispatcher turns it into notifications and webhooks. */
export async function writeEvent(
  trx: LeaderSupportDb,
  context: WriteContext,
  requestId: string,
  type: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await trx
    .insertInto('ls_request_events')
    .values({
      request_id: requestId,
      type,
      actor_user_id: context.actor?.userId ?? null,
      actor_name: context.actor?.displayName ?? null,
      data: JSON.stringify(data),
    })
    .execute();
}

/** A message on a request in the actor's name: a public reply or an internal note. */
export async function writeMessage(
  trx: LeaderSupportDb,
  requestId: string,
  actor: Actor,
  visibility: Visibility,
  body: string,
): Promise<void> {
  await trx
    .insertInto('ls_messages')
    .values({ request_id: requestId, author_user_id: actor.userId, author_name: actor.displayName, visibility, body })
    .execute();
}

/**
 * The request locked for the change, refused as stale when someone changed it after `revision` was
 * read (the message says what to do).
 */
export async function lockRequest(trx: LeaderSupportDb, id: string, revision: number | null): Promise<RequestRow> {
  const row = await trx.selectFrom('ls_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Fant ikke henvendelsen.', 'The request was not found.');
  if (revision !== null && row.revision !== revision) {
    throw new AppError('stale', {
      message: {
        nb: `Noen andre har endret ${label(row)} i mellomtiden (du har versjon ${revision}, gjeldende er ${row.revision}). Last inn på nytt og prøv igjen.`,
        en: `Someone else changed ${label(row)} in the meantime (you have revision ${revision}, the current one is ${row.revision}). Reload and try again.`,
      },
      details: { revision: row.revision },
    });
  }
  return row;
}

/** The request locked as `lockRequest` does, refused unless it is open; `notOpen` words the refusal where a command says more. */
export async function lockOpenRequest(
  trx: LeaderSupportDb,
  id: string,
  revision: number | null,
  notOpen: (label: string) => { nb: string; en: string } = (l) => ({ nb: `${l} er ikke åpen.`, en: `${l} is not open.` }),
): Promise<RequestRow> {
  const locked = await lockRequest(trx, id, revision);
  if (!isOpen(locked.status)) {
    const message = notOpen(label(locked));
    throw conflict(message.nb, message.en);
  }
  return locked;
}

/** Stores a change to a request, moving its revision on. */
export async function updateRequest(
  trx: LeaderSupportDb,
  id: string,
  changes: Updateable<LeaderSupportTables['ls_requests']>,
): Promise<RequestRow> {
  return trx
    .updateTable('ls_requests')
    .set(changes)
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function selectSettings(db: LeaderSupportDb): Promise<SettingsRow> {
  return db.selectFrom('ls_settings').selectAll().executeTakeFirstOrThrow();
}

export function calendarOf(settings: SettingsRow): BusinessCalendar {
  return { timeZone: settings.time_zone, openingHours: settings.opening_hours, closedDays: settings.closed_days };
}

/** Is the actor one of the group's agents? Administrators act for every group. */
export async function isGroupMember(db: LeaderSupportDb, actor: Actor, groupId: string): Promise<boolean> {
  if (actor.roles.includes('administrator')) return true;
  const row = await db
    .selectFrom('ls_group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return row !== undefined;
}

export function mustBeSignedIn(context: WriteContext): Actor {
  if (!context.actor) throw forbidden('Du må være logget inn.', 'You must be signed in.');
  return context.actor;
}

export async function assertGroupMember(
  db: LeaderSupportDb,
  actor: Actor,
  row: RequestRow,
  what: { nb: string; en: string },
): Promise<void> {
  if (!(await isGroupMember(db, actor, row.group_id)) && row.assignee_user_id !== actor.userId) {
    const group = await db.selectFrom('ls_groups').select('name').where('id', '=', row.group_id).executeTakeFirst();
    throw forbidden(
      `Bare agentene i ${group?.name ?? 'gruppen'} kan ${what.nb} ${label(row)}.`,
      `Only the agents of ${group?.name ?? 'the group'} may ${what.en} ${label(row)}.`,
    );
  }
}
