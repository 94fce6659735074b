import { sql } from 'kysely';
import { AppError, isUuid, registerRoleSource, type RoleOriginRow, type WriteContext } from '../../../../kernel/index.js';
import type { AddBoardMemberBody, BoardMember, BoardMemberList, EndBoardMemberBody } from '../../board.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { audit } from './board.queries.js';
import { assertRevision, invalidDate, isCalendarDate } from './record-decision.js';

/**
 * The board's role follows the board: a person with a seat on `date` is a portfolio board member,
 * from the seat's first day to the day before it ends, like a leader's role follows a position.
 */
registerRoleSource(
  'board',
  (userId, date) => sql<RoleOriginRow>`
    select 'portfolio_board_member' as role, 'board' as kind, 'Medlem av porteføljestyret' as label, m.valid_to
    from org_user_people up
    join pf_board_members m on m.person_id = up.person_id
      and m.valid_from <= ${date}::date and (m.valid_to is null or m.valid_to > ${date}::date)
    where up.user_id = ${userId}::uuid`,
);

/** The board's seats that overlap `date` or start after it, and the past ones, newest first. */
export async function selectBoardMembers(db: PortfolioDb, date: string): Promise<BoardMemberList> {
  const rows = await db
    .selectFrom('pf_board_members as m')
    .innerJoin('org_people as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.valid_from', 'm.valid_to', 'm.note', 'm.revision', 'p.id as person_id', 'p.key', 'p.name'])
    .orderBy('m.valid_from', 'desc')
    .orderBy('p.name')
    .execute();
  const members: BoardMember[] = rows.map((r) => ({
    id: r.id,
    person: { id: r.person_id, key: r.key, name: r.name },
    validFrom: r.valid_from,
    validTo: r.valid_to,
    note: r.note,
    current: r.valid_from <= date && (r.valid_to === null || r.valid_to > date),
    revision: r.revision,
  }));
  return { date, members };
}

function memberNotFound(id: string): AppError {
  return new AppError('not_found', {
    message: { nb: `Fant ikke styreplassen (id ${id}).`, en: `The board seat was not found (id ${id}).` },
  });
}

/** Gives a person a seat on the board from `validFrom` (and to `validTo`, exclusive). */
export async function addBoardMember(trx: PortfolioDb, context: WriteContext, input: AddBoardMemberBody): Promise<{ id: string }> {
  if (!isCalendarDate(input.validFrom)) throw invalidDate('/validFrom', input.validFrom);
  if (input.validTo && !isCalendarDate(input.validTo)) throw invalidDate('/validTo', input.validTo);
  if (input.validTo && input.validTo <= input.validFrom)
    throw new AppError('invalid', {
      message: { nb: 'Sluttdatoen må være etter startdatoen.', en: 'The end date must be after the start date.' },
      details: [{ in: 'body', path: '/validTo', problem: 'not after validFrom' }],
    });
  const ref = input.person.trim();
  const person = await trx
    .selectFrom('org_people')
    .select(['id', 'key', 'name'])
    .where((eb) => (isUuid(ref) ? eb.or([eb('id', '=', ref), eb('key', '=', ref)]) : eb('key', '=', ref)))
    .executeTakeFirst();
  if (!person)
    throw new AppError('invalid', {
      message: { nb: `Fant ingen person med id eller nøkkel «${ref}».`, en: `No person has the id or key "${ref}".` },
      details: [{ in: 'body', path: '/person', problem: 'unknown person' }],
    });
  const overlapping = await trx
    .selectFrom('pf_board_members')
    .select('id')
    .where('person_id', '=', person.id)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', input.validFrom)]))
    .where((eb) => (input.validTo ? eb('valid_from', '<', input.validTo) : eb.val(true)))
    .executeTakeFirst();
  if (overlapping)
    throw new AppError('conflict', {
      message: {
        nb: `${person.name} har allerede en plass i porteføljestyret i denne perioden.`,
        en: `${person.name} already has a seat on the portfolio board in this period.`,
      },
    });
  const row = await trx
    .insertInto('pf_board_members')
    .values({
      person_id: person.id,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      note: input.note?.trim() ?? '',
      source: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: 'create',
    entityType: 'portfolio_board_member',
    entityId: row.id,
    after: { person: person.key, name: person.name, validFrom: input.validFrom, validTo: input.validTo ?? null },
  });
  return row;
}

/** Ends a seat: `validTo` is the first day without it (the board's role goes that day). */
export async function endBoardMember(
  trx: PortfolioDb,
  context: WriteContext,
  id: string,
  input: EndBoardMemberBody,
): Promise<{ id: string }> {
  if (!isCalendarDate(input.validTo)) throw invalidDate('/validTo', input.validTo);
  const seat = isUuid(id)
    ? await trx.selectFrom('pf_board_members').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    : undefined;
  if (!seat) throw memberNotFound(id);
  assertRevision(seat.revision, input.revision, { nb: 'styreplassen', en: 'the board seat' });
  if (input.validTo <= seat.valid_from)
    throw new AppError('invalid', {
      message: {
        nb: `Sluttdatoen må være etter startdatoen (${seat.valid_from}).`,
        en: `The end date must be after the start date (${seat.valid_from}).`,
      },
      details: [{ in: 'body', path: '/validTo', problem: 'not after validFrom' }],
    });
  await trx
    .updateTable('pf_board_members')
    .set({ valid_to: input.validTo, revision: sql<number>`revision + 1` })
    .where('id', '=', id)
    .execute();
  await audit(trx, context, {
    action: 'update',
    entityType: 'portfolio_board_member',
    entityId: id,
    before: { validTo: seat.valid_to },
    after: { validTo: input.validTo },
  });
  return { id };
}
