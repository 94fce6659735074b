import { AppError, can, type WriteContext } from '../../../../kernel/index.js';
import { leadsUnit } from '../../../organisation/index.js';
import type { AddNoteBody, DecisionInput, DecisionStatus, DecisionSummary, DecisionUpdate } from '../../decisions.schemas.js';
import { selectDecisions } from './decisions.queries.js';
import {
  assertRevision,
  audit,
  type DecisionsDb,
  existingUnits,
  forbidden,
  invalid,
  isDate,
  isUuid,
  lockById,
  notFound,
  todayInNorway,
} from './shared.js';

// Writes of the political decisions register. Each runs inside the caller's transaction: it checks
// everything first (a clear 400, nothing written), then writes and audits.

type FieldProblem = { path: string; problem: { nb: string; en: string } };
const field = (path: string, nb: string, en: string): FieldProblem => ({ path, problem: { nb, en } });

const casePattern = /^\d{1,4}\/\d{2,4}$/;

interface CleanDecision {
  body: DecisionInput['body'];
  committee_name: string | null;
  meeting_date: string;
  case_number: string;
  archive_reference: string | null;
  title: string;
  decision_text: string;
  responsible_unit_id: string;
  responsible_person_id: string | null;
  deadline: string | null;
  source: string | null;
}

const trimOrNull = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === '' ? null : value.trim();

/** Checks a decision's fields; throws one 400 listing every problem. */
async function clean(trx: DecisionsDb, input: DecisionInput): Promise<CleanDecision> {
  const problems: FieldProblem[] = [];
  const unitId = trimOrNull(input.responsibleUnitId);
  if (!unitId) {
    problems.push(
      field(
        'responsibleUnitId',
        'Vedtaket må ha en ansvarlig enhet: velg enheten som skal følge det opp.',
        'The decision needs a responsible unit: choose the unit that will follow it up.',
      ),
    );
  } else if (!(await existingUnits(trx, [unitId])).has(unitId)) {
    problems.push(field('responsibleUnitId', 'Den ansvarlige enheten finnes ikke.', 'The responsible unit does not exist.'));
  }
  const personId = trimOrNull(input.responsiblePersonId);
  if (personId) {
    const person = isUuid(personId)
      ? await trx.selectFrom('org_people').select('id').where('id', '=', personId).executeTakeFirst()
      : undefined;
    if (!person)
      problems.push(field('responsiblePersonId', 'Den ansvarlige personen finnes ikke.', 'The responsible person does not exist.'));
  }
  const title = input.title.trim();
  if (!title) problems.push(field('title', 'Skriv en tittel.', 'Enter a title.'));
  const caseNumber = input.caseNumber.trim();
  if (!casePattern.test(caseNumber))
    problems.push(
      field(
        'caseNumber',
        'Saksnummeret skrives som i arkivet, for eksempel «53/17».',
        'Write the case number as in the archive, e.g. "53/17".',
      ),
    );
  const meetingDate = input.meetingDate.trim();
  if (!isDate(meetingDate))
    problems.push(field('meetingDate', 'Møtedatoen er ikke en gyldig dato.', 'The meeting date is not a valid date.'));
  const deadline = trimOrNull(input.deadline);
  if (deadline !== null && !isDate(deadline))
    problems.push(field('deadline', 'Fristen er ikke en gyldig dato.', 'The deadline is not a valid date.'));
  else if (deadline !== null && isDate(meetingDate) && deadline < meetingDate)
    problems.push(field('deadline', 'Fristen kan ikke være før møtedatoen.', 'The deadline cannot be before the meeting date.'));
  const committeeName = trimOrNull(input.committeeName);
  if (input.body === 'committee' && !committeeName)
    problems.push(field('committeeName', 'Skriv navnet på utvalget.', 'Enter the name of the committee.'));
  if (problems.length) {
    const first = problems[0]!.problem;
    throw invalid(first.nb, first.en, problems);
  }
  return {
    body: input.body,
    committee_name: input.body === 'committee' ? committeeName : null,
    meeting_date: meetingDate,
    case_number: caseNumber,
    archive_reference: trimOrNull(input.archiveReference),
    title,
    decision_text: (input.decisionText ?? '').trim(),
    responsible_unit_id: unitId!,
    responsible_person_id: personId,
    deadline,
    source: trimOrNull(input.source),
  };
}

async function assertUnique(trx: DecisionsDb, values: CleanDecision, exceptId?: string): Promise<void> {
  let query = trx
    .selectFrom('st_political_decisions')
    .select('id')
    .where('body', '=', values.body)
    .where('case_number', '=', values.case_number)
    .where('meeting_date', '=', values.meeting_date);
  query =
    values.committee_name === null ? query.where('committee_name', 'is', null) : query.where('committee_name', '=', values.committee_name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('conflict', {
      message: {
        nb: `Sak ${values.case_number} fra dette møtet er allerede registrert.`,
        en: `Case ${values.case_number} from this meeting is already registered.`,
      },
      details: [field('caseNumber', 'Allerede registrert.', 'Already registered.')],
    });
  }
}

function refuseCannotBeDoneWithoutNote(): never {
  throw invalid(
    'Status «kan ikke gjennomføres» (sendt tilbake til bystyret) krever et notat som forklarer hvorfor. Legg til et fremdriftsnotat med statusendringen.',
    'The status "cannot be done" (returned to the council) needs a note explaining why. Add a progress note with the status change.',
    [field('status', 'Krever et notat.', 'Needs a note.')],
  );
}

const statusDates = (status: DecisionStatus, previous: { status: DecisionStatus; completed_on: string | null } | null) =>
  status === 'completed' ? (previous?.status === 'completed' ? previous.completed_on : todayInNorway()) : null;

async function readBack(trx: DecisionsDb, id: string): Promise<DecisionSummary> {
  const [decision] = await selectDecisions(trx, { id });
  return decision!;
}

export async function createDecision(trx: DecisionsDb, context: WriteContext, input: DecisionInput): Promise<DecisionSummary> {
  const values = await clean(trx, input);
  const status = input.status ?? 'not_started';
  if (status === 'cannot_be_done') refuseCannotBeDoneWithoutNote();
  await assertUnique(trx, values);
  const row = await trx
    .insertInto('st_political_decisions')
    .values({ ...values, status, completed_on: statusDates(status, null) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created = await readBack(trx, row.id);
  await audit(trx, context, { action: 'create', entityType: 'st_political_decision', entityId: row.id, after: created });
  return created;
}

async function current(trx: DecisionsDb, id: string) {
  if (!isUuid(id) || !(await lockById(trx, 'st_political_decisions', id))) throw notFound('Fant ikke vedtaket.', 'Decision not found.');
  return trx.selectFrom('st_political_decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function updateDecision(trx: DecisionsDb, context: WriteContext, id: string, input: DecisionUpdate): Promise<DecisionSummary> {
  const before = await current(trx, id);
  assertRevision({ nb: 'vedtaket', en: 'the decision' }, before.revision, input.revision);
  const values = await clean(trx, input);
  const status = input.status ?? before.status;
  if (status === 'cannot_be_done' && before.status !== 'cannot_be_done') refuseCannotBeDoneWithoutNote();
  await assertUnique(trx, values, id);
  const completedOn = statusDates(status, {
    status: before.status,
    completed_on: before.completed_on === null ? null : String(before.completed_on).slice(0, 10),
  });
  await trx
    .updateTable('st_political_decisions')
    .set({ ...values, status, completed_on: completedOn, revision: before.revision + 1 })
    .where('id', '=', id)
    .execute();
  if (status !== before.status) {
    await trx
      .insertInto('st_decision_notes')
      .values({
        decision_id: id,
        body: 'Status endret i skjemaet for vedtaket. / Status changed in the decision form.',
        status_from: before.status,
        status_to: status,
        author_id: context.actor?.userId ?? null,
      })
      .execute();
  }
  const after = await readBack(trx, id);
  await audit(trx, context, { action: 'update', entityType: 'st_political_decision', entityId: id, before, after });
  return after;
}

/** May this actor add progress notes to (and change the status of) a decision? Analysts, or the leader of the responsible unit. */
export async function mayAddNote(trx: DecisionsDb, context: WriteContext, responsibleUnitId: string): Promise<boolean> {
  const actor = context.actor;
  if (!actor) return false;
  if (await can(actor, 'steering:write')) return true;
  return leadsUnit(trx as never, actor, responsibleUnitId, todayInNorway());
}

export async function addDecisionNote(trx: DecisionsDb, context: WriteContext, id: string, input: AddNoteBody): Promise<DecisionSummary> {
  const before = await current(trx, id);
  if (!(await mayAddNote(trx, context, before.responsible_unit_id))) {
    throw forbidden(
      'Bare analytikere og lederen for den ansvarlige enheten kan skrive fremdriftsnotater på dette vedtaket.',
      'Only analysts and the leader of the responsible unit can add progress notes to this decision.',
    );
  }
  const body = input.body.trim();
  const status = input.status ?? before.status;
  const changes = status !== before.status;
  if (!body) {
    if (status === 'cannot_be_done' && changes) refuseCannotBeDoneWithoutNote();
    throw invalid('Skriv et notat.', 'Write a note.', [field('body', 'Skriv et notat.', 'Write a note.')]);
  }
  if (changes) {
    if (input.revision === undefined)
      throw invalid('Send versjonen du leste når du endrer status.', 'Send the revision you read when changing the status.', [
        field('revision', 'Mangler.', 'Missing.'),
      ]);
    assertRevision({ nb: 'vedtaket', en: 'the decision' }, before.revision, input.revision);
    await trx
      .updateTable('st_political_decisions')
      .set({
        status,
        completed_on: statusDates(status, {
          status: before.status,
          completed_on: before.completed_on === null ? null : String(before.completed_on).slice(0, 10),
        }),
        revision: before.revision + 1,
      })
      .where('id', '=', id)
      .execute();
  }
  const note = await trx
    .insertInto('st_decision_notes')
    .values({
      decision_id: id,
      body,
      status_from: changes ? before.status : null,
      status_to: changes ? status : null,
      author_id: context.actor?.userId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = await readBack(trx, id);
  await audit(trx, context, {
    action: changes ? 'note_and_status' : 'note',
    entityType: 'st_political_decision',
    entityId: id,
    before: changes ? { status: before.status } : undefined,
    after: { noteId: note.id, body, status },
  });
  return after;
}
