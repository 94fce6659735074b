import { sql } from 'kysely';
import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { AddAgendaItemBody, CreateMeetingBody, UpdateMeetingBody } from '../../board.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { audit, findInitiative, meetingNotFound } from './board.queries.js';
import { assertRevision, invalidDate, isCalendarDate } from './record-decision.js';

async function lockMeeting(trx: PortfolioDb, id: string) {
  const meeting = await trx.selectFrom('pf_board_meetings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!meeting) throw meetingNotFound(id);
  return meeting;
}

/** Plans a board meeting. */
export async function createMeeting(
  trx: PortfolioDb,
  context: WriteContext,
  input: CreateMeetingBody,
): Promise<{ id: string; revision: number }> {
  if (!isCalendarDate(input.date)) throw invalidDate('date', input.date);
  const row = await trx
    .insertInto('pf_board_meetings')
    .values({ meeting_date: input.date, title: input.title.trim(), created_by: context.actor?.userId ?? null })
    .returning(['id', 'revision'])
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: 'create',
    entityType: 'pf_board_meeting',
    entityId: row.id,
    after: { date: input.date, title: input.title.trim() },
  });
  return row;
}

/** Changes a meeting read at `revision`: date, title, minutes, planned/held. */
export async function updateMeeting(
  trx: PortfolioDb,
  context: WriteContext,
  id: string,
  input: UpdateMeetingBody,
): Promise<{ id: string; revision: number }> {
  const before = await lockMeeting(trx, id);
  assertRevision(before.revision, input.revision, { nb: `styremøtet «${before.title}»`, en: `the board meeting "${before.title}"` });
  if (input.date !== undefined && !isCalendarDate(input.date)) throw invalidDate('date', input.date);
  const changes = {
    ...(input.date !== undefined ? { meeting_date: input.date } : {}),
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.minutes !== undefined ? { minutes: input.minutes } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
  };
  if (Object.keys(changes).length === 0) {
    throw new AppError('invalid', {
      message: { nb: 'Ingenting å endre: send minst ett felt.', en: 'Nothing to change: send at least one field.' },
      details: [{ in: 'body', path: '', problem: 'no fields to change' }],
    });
  }
  const row = await trx
    .updateTable('pf_board_meetings')
    .set({ ...changes, revision: sql<number>`revision + 1` })
    .where('id', '=', id)
    .returning(['id', 'revision'])
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: 'update',
    entityType: 'pf_board_meeting',
    entityId: id,
    before,
    after: { ...changes, revision: row.revision },
  });
  return row;
}

/** Puts an initiative on a meeting's agenda (last unless a position is given); once per meeting. */
export async function addAgendaItem(trx: PortfolioDb, context: WriteContext, meetingId: string, input: AddAgendaItemBody): Promise<void> {
  await lockMeeting(trx, meetingId);
  let initiative;
  try {
    initiative = await findInitiative(trx, input.initiative);
  } catch (error) {
    throw new AppError('invalid', {
      message: { nb: `Fant ikke initiativ ${input.initiative}.`, en: `Initiative ${input.initiative} was not found.` },
      details: [{ in: 'body', path: 'initiative', problem: 'no such initiative' }],
      cause: error,
    });
  }
  const existing = await trx
    .selectFrom('pf_agenda_items')
    .select('position')
    .where('meeting_id', '=', meetingId)
    .where('initiative_id', '=', initiative.id)
    .executeTakeFirst();
  if (existing) {
    throw new AppError('conflict', {
      message: {
        nb: `Initiativ ${initiative.number} står allerede på sakslisten.`,
        en: `Initiative ${initiative.number} is already on the agenda.`,
      },
    });
  }
  const last = await trx
    .selectFrom('pf_agenda_items')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  const position = input.position ?? Number(last?.p ?? 0) + 1;
  await trx
    .insertInto('pf_agenda_items')
    .values({ meeting_id: meetingId, initiative_id: initiative.id, position, note: (input.note ?? '').trim() })
    .execute();
  await audit(trx, context, {
    action: 'create',
    entityType: 'pf_agenda_item',
    entityId: meetingId,
    after: { initiativeId: initiative.id, number: initiative.number, position, note: input.note ?? '' },
  });
}

/** Takes an initiative off a meeting's agenda. */
export async function removeAgendaItem(trx: PortfolioDb, context: WriteContext, meetingId: string, initiativeId: string): Promise<void> {
  await lockMeeting(trx, meetingId);
  const removed = await trx
    .deleteFrom('pf_agenda_items')
    .where('meeting_id', '=', meetingId)
    .where('initiative_id', '=', initiativeId)
    .returningAll()
    .executeTakeFirst();
  if (!removed) {
    throw new AppError('not_found', {
      message: { nb: 'Initiativet står ikke på sakslisten.', en: 'The initiative is not on the agenda.' },
    });
  }
  await audit(trx, context, { action: 'delete', entityType: 'pf_agenda_item', entityId: meetingId, before: removed });
}
