import { sql } from 'kysely';
import type { DecisionListQuery, DecisionNote, DecisionStatusRow, DecisionSummary } from '../../decisions.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import { type DecisionsDb, isUuid, todayInNorway, unitNames } from './shared.js';

// Reads of the political decisions register. Overdue: the deadline has passed (before `asOf`) and
// the decision is neither completed nor returned to the council (cannot_be_done).

type AnyDb = DecisionsDb | SteeringDb;
const asDb = (db: AnyDb) => db as unknown as DecisionsDb;
const dateText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value).slice(0, 10));

export function isOverdue(row: { deadline: string | null; status: string }, asOf: string): boolean {
  return row.deadline !== null && row.deadline < asOf && row.status !== 'completed' && row.status !== 'cannot_be_done';
}

type Filter = Omit<DecisionListQuery, 'format'> & { id?: string; ids?: string[]; asOf?: string; unitIds?: string[] };

/** Decisions filtered, newest meeting first (meeting date desc, then case number). */
export async function selectDecisions(anyDb: AnyDb, filter: Filter = {}): Promise<DecisionSummary[]> {
  const db = asDb(anyDb);
  const asOf = filter.asOf ?? todayInNorway();
  let query = db
    .selectFrom('st_political_decisions as d')
    .leftJoin('org_people as p', 'p.id', 'd.responsible_person_id')
    .selectAll('d')
    .select('p.name as person_name');
  if (filter.id) query = query.where('d.id', '=', filter.id);
  if (filter.ids) query = filter.ids.length ? query.where('d.id', 'in', filter.ids) : query.where(sql<boolean>`false`);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  if (filter.body) query = query.where('d.body', '=', filter.body);
  if (filter.unit) query = isUuid(filter.unit) ? query.where('d.responsible_unit_id', '=', filter.unit) : query.where(sql<boolean>`false`);
  if (filter.unitIds)
    query = filter.unitIds.length ? query.where('d.responsible_unit_id', 'in', filter.unitIds) : query.where(sql<boolean>`false`);
  if (filter.overdue === true) {
    query = query
      .where('d.deadline', 'is not', null)
      .where('d.deadline', '<', asOf)
      .where('d.status', 'not in', ['completed', 'cannot_be_done']);
  }
  if (filter.q && filter.q.trim()) {
    const like = `%${filter.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(d.title)`, 'like', like),
        eb(sql`lower(d.case_number)`, 'like', like),
        eb(sql`lower(d.decision_text)`, 'like', like),
        eb(sql`lower(coalesce(d.archive_reference, ''))`, 'like', like),
      ]),
    );
  }
  const rows = await query.orderBy('d.meeting_date', 'desc').orderBy('d.case_number').orderBy('d.id').execute();
  const names = await unitNames(
    db,
    rows.map((r) => r.responsible_unit_id),
    asOf,
  );
  return rows.map((r) => {
    const deadline = dateText(r.deadline);
    return {
      id: r.id,
      body: r.body,
      committeeName: r.committee_name,
      meetingDate: dateText(r.meeting_date)!,
      caseNumber: r.case_number,
      archiveReference: r.archive_reference,
      title: r.title,
      responsibleUnitId: r.responsible_unit_id,
      responsibleUnitName: names.get(r.responsible_unit_id) ?? '',
      responsiblePersonId: r.responsible_person_id,
      responsiblePersonName: r.person_name ?? null,
      deadline,
      status: r.status,
      completedOn: dateText(r.completed_on),
      overdue: isOverdue({ deadline, status: r.status }, asOf),
      source: r.source,
      synthetic: r.synthetic,
      revision: r.revision,
    };
  });
}

export async function selectDecisionText(anyDb: AnyDb, id: string): Promise<string | null> {
  const row = await asDb(anyDb).selectFrom('st_political_decisions').select('decision_text').where('id', '=', id).executeTakeFirst();
  return row?.decision_text ?? null;
}

/** The progress notes of decisions, oldest first. */
export async function selectDecisionNotes(anyDb: AnyDb, decisionIds: string[]): Promise<(DecisionNote & { decisionId: string })[]> {
  if (decisionIds.length === 0) return [];
  const rows = await asDb(anyDb)
    .selectFrom('st_decision_notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.decision_id', 'n.body', 'n.status_from', 'n.status_to', 'n.created_at', 'u.display_name'])
    .where('n.decision_id', 'in', decisionIds)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    decisionId: r.decision_id,
    body: r.body,
    statusFrom: r.status_from,
    statusTo: r.status_to,
    authorName: r.display_name ?? null,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/**
 * The decisions' status table that goes into the tertial report: every decision made on or
 * before `asOf` ('YYYY-MM-DD'), newest meeting first, with its current status, whether it is
 * overdue as of `asOf`, and its latest progress note up to `asOf`. With `areaId`: the decisions
 * whose responsible unit is linked to the area (st_area_units) or that an adjustment of the area
 * follows. Stable signature (used by the reports part).
 */
export async function selectDecisionStatusTable(
  anyDb: AnyDb,
  { asOf, areaId }: { asOf: string; areaId?: string },
): Promise<DecisionStatusRow[]> {
  const db = asDb(anyDb);
  let ids: string[] | undefined;
  if (areaId) {
    if (!isUuid(areaId)) return [];
    const viaUnits = await db
      .selectFrom('st_political_decisions as d')
      .innerJoin('st_area_units as au', 'au.unit_id', 'd.responsible_unit_id')
      .select('d.id')
      .where('au.area_id', '=', areaId)
      .execute();
    const viaAdjustments = await db
      .selectFrom('st_adjustments')
      .select('decision_id')
      .where('area_id', '=', areaId)
      .where('decision_id', 'is not', null)
      .execute();
    ids = [...new Set([...viaUnits.map((r) => r.id), ...viaAdjustments.map((r) => r.decision_id!)])];
  }
  const decisions = (await selectDecisions(db, { ids, asOf })).filter((d) => d.meetingDate <= asOf);
  const endOfDay = new Date(`${asOf}T23:59:59.999+01:00`).toISOString();
  const notes = (
    await selectDecisionNotes(
      db,
      decisions.map((d) => d.id),
    )
  ).filter((n) => n.createdAt <= endOfDay);
  const latest = new Map<string, { body: string; createdAt: string }>();
  for (const note of notes) latest.set(note.decisionId, { body: note.body, createdAt: note.createdAt });
  return decisions.map((d) => ({
    id: d.id,
    body: d.body,
    committeeName: d.committeeName,
    meetingDate: d.meetingDate,
    caseNumber: d.caseNumber,
    archiveReference: d.archiveReference,
    title: d.title,
    responsibleUnitId: d.responsibleUnitId,
    responsibleUnitName: d.responsibleUnitName,
    deadline: d.deadline,
    status: d.status,
    completedOn: d.completedOn,
    overdue: d.overdue,
    latestNote: latest.get(d.id) ?? null,
    source: d.source,
  }));
}
