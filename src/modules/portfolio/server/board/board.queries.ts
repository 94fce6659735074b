import { createHash } from 'node:crypto';
// The board's reads: initiatives by number or id, decisions, checklists, status reports, meetings.
import { sql } from 'kysely';
import {
  AppError,
  recordAudit,
  type AuditEntry,
  type KernelTables,
  type WriteContext,
  isUuid,
  todayInNorway,
} from '../../../../kernel/index.js';
import type { Kysely } from 'kysely';
import type {
  AgendaItem,
  BoardPosition,
  ChecklistItem,
  Decision,
  DueReports,
  Meeting,
  MeetingList,
  MeetingSummary,
  StatusReport,
} from '../../board.schemas.js';
import type { DecisionPoint, PortfolioDb, PortfolioTables } from '../portfolio.tables.js';
import { decisionPointOrder, nextDecisionPoint, previousPeriod, reportingPhases } from './phases.js';

export { isUuid, todayInNorway };

export type InitiativeRow = Pick<
  PortfolioTables['pf_initiatives'],
  'owner_unit_id' | 'digital_agent_id' | 'proposed_by' | 'merged_into_id' | 'title' | 'problem' | 'need'
> & {
  id: string;
  number: number;
  phase: import('../portfolio.tables.js').Phase;
  state: import('../portfolio.tables.js').InitiativeState;
  revision: number;
};

export function initiativeNotFound(ref: string): AppError {
  return new AppError('not_found', {
    message: { nb: `Fant ikke initiativ ${ref}.`, en: `Initiative ${ref} was not found.` },
    details: { ref },
  });
}

/** The initiative named by its number or id (locked for update inside a command when `lock`). */
export async function findInitiative(db: PortfolioDb, ref: string, options: { lock?: boolean } = {}): Promise<InitiativeRow> {
  const trimmed = ref.trim().replace(/^#/, '');
  let query = db
    .selectFrom('pf_initiatives')
    .select([
      'id',
      'number',
      'title',
      'problem',
      'need',
      'phase',
      'state',
      'revision',
      'owner_unit_id',
      'digital_agent_id',
      'proposed_by',
      'merged_into_id',
    ]);
  if (/^\d{1,9}$/.test(trimmed)) query = query.where('number', '=', Number(trimmed));
  else if (isUuid(trimmed)) query = query.where('id', '=', trimmed);
  else throw initiativeNotFound(ref);
  const row = await (options.lock ? query.forUpdate() : query).executeTakeFirst();
  if (!row) throw initiativeNotFound(ref);
  return row as unknown as InitiativeRow;
}

export function positionOf(row: InitiativeRow): BoardPosition {
  return {
    initiativeId: row.id,
    number: row.number,
    title: row.title,
    phase: row.phase,
    state: row.state,
    revision: row.revision,
    nextDecisionPoint: nextDecisionPoint(row),
  };
}

/** The active checklist items of a decision point, in order. */
export async function selectActiveChecklist(
  db: PortfolioDb,
  point: DecisionPoint,
): Promise<{ key: string; label: { nb: string; en: string } }[]> {
  const rows = await db
    .selectFrom('pf_checklist_items')
    .select(['key', 'label_nb', 'label_en'])
    .where('decision_point', '=', point)
    .where('active', '=', true)
    .orderBy('sort_order')
    .orderBy('key')
    .execute();
  return rows.map((r) => ({ key: r.key, label: { nb: r.label_nb, en: r.label_en } }));
}

/** Every decision point's checklist (inactive items too), in order. */
/** A checklist's version: a fingerprint of its items, so a change made from an older list is refused as stale. */
export function checklistVersion(items: ChecklistItem[]): string {
  return createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 16);
}

export async function selectChecklists(
  db: PortfolioDb,
): Promise<{ decisionPoint: DecisionPoint; items: ChecklistItem[]; version: string }[]> {
  const rows = await db
    .selectFrom('pf_checklist_items')
    .select(['decision_point', 'key', 'label_nb', 'label_en', 'sort_order', 'active', 'source'])
    .orderBy('decision_point')
    .orderBy('sort_order')
    .orderBy('key')
    .execute();
  return decisionPointOrder.map((point) => {
    const items = rows
      .filter((r) => r.decision_point === point)
      .map((r) => ({ key: r.key, label: { nb: r.label_nb, en: r.label_en }, order: r.sort_order, active: r.active, source: r.source }));
    return { decisionPoint: point, items, version: checklistVersion(items) };
  });
}

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/** Decisions, oldest first, for one initiative, one meeting, or all (the export). */
export async function selectDecisions(
  db: PortfolioDb,
  filter: { initiativeId?: string; meetingId?: string; ids?: string[] },
): Promise<Decision[]> {
  let query = db
    .selectFrom('pf_decisions as d')
    .innerJoin('pf_initiatives as i', 'i.id', 'd.initiative_id')
    .innerJoin('users as u', 'u.id', 'd.decided_by')
    .select([
      'd.id',
      'd.initiative_id',
      'i.number',
      'i.title',
      'd.decision_point',
      'd.outcome',
      'd.rationale',
      'd.decided_on',
      'd.decided_by',
      'u.display_name',
      'd.meeting_id',
      'd.checklist',
      'd.phase_before',
      'd.phase_after',
      'd.created_at',
    ]);
  if (filter.initiativeId) query = query.where('d.initiative_id', '=', filter.initiativeId);
  if (filter.meetingId) query = query.where('d.meeting_id', '=', filter.meetingId);
  if (filter.ids) query = query.where('d.id', 'in', filter.ids);
  const rows = await query.orderBy('d.decided_on').orderBy('d.created_at').orderBy('d.id').execute();
  return rows.map((r) => ({
    id: r.id,
    initiativeId: r.initiative_id,
    initiativeNumber: r.number,
    initiativeTitle: r.title,
    decisionPoint: r.decision_point,
    outcome: r.outcome,
    rationale: r.rationale,
    decidedOn: r.decided_on,
    decidedBy: { id: r.decided_by, name: r.display_name },
    meetingId: r.meeting_id,
    checklist: r.checklist ?? {},
    phaseBefore: r.phase_before,
    phaseAfter: r.phase_after,
    createdAt: iso(r.created_at),
  }));
}

/** An initiative's status reports, newest period first. */
export async function selectStatusReports(db: PortfolioDb, filter: { initiativeId: string; id?: string }): Promise<StatusReport[]> {
  let query = db
    .selectFrom('pf_status_reports as r')
    .innerJoin('users as u', 'u.id', 'r.reported_by')
    .selectAll('r')
    .select('u.display_name')
    .where('r.initiative_id', '=', filter.initiativeId);
  if (filter.id) query = query.where('r.id', '=', filter.id);
  const rows = await query.orderBy('r.period', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    initiativeId: r.initiative_id,
    period: r.period,
    progress: r.progress,
    scopeLight: r.scope_light,
    timeLight: r.time_light,
    costLight: r.cost_light,
    benefitsLight: r.benefits_light,
    risks: r.risks,
    issues: r.issues,
    nextSteps: r.next_steps,
    percentComplete: r.percent_complete,
    reportedBy: { id: r.reported_by, name: r.display_name },
    reportedAt: iso(r.reported_at),
    synthetic: r.synthetic,
    revision: r.revision,
  }));
}

export async function selectReportDueDay(db: PortfolioDb): Promise<number> {
  const row = await db.selectFrom('pf_settings').select('report_due_day').executeTakeFirst();
  return row?.report_due_day ?? 10;
}

/** Active initiatives in planning, execution or closing without a report for the previous month, once due. */
export async function selectDueReports(db: PortfolioDb, today: string): Promise<DueReports> {
  const dueDay = await selectReportDueDay(db);
  const period = previousPeriod(today);
  const isDue = Number(today.slice(8, 10)) >= dueDay;
  if (!isDue) return { period, dueDay, today, isDue, initiatives: [] };
  const rows = await db
    .selectFrom('pf_initiatives as i')
    .select(['i.id', 'i.number', 'i.title', 'i.phase'])
    .select(sql<string | null>`(select max(r.period) from pf_status_reports r where r.initiative_id = i.id)`.as('last_period'))
    .where('i.state', '=', 'active')
    .where('i.phase', 'in', [...reportingPhases])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('pf_status_reports as r')
            .select(sql.lit(1).as('one'))
            .whereRef('r.initiative_id', '=', 'i.id')
            .where('r.period', '=', period),
        ),
      ),
    )
    .orderBy('i.number')
    .execute();
  return {
    period,
    dueDay,
    today,
    isDue,
    initiatives: rows.map((r) => ({
      initiativeId: r.id,
      number: r.number,
      title: r.title,
      phase: r.phase,
      lastPeriod: (r.last_period as string | null) ?? null,
    })),
  };
}

function meetingSummaryOf(r: {
  id: string;
  meeting_date: string;
  title: string;
  status: 'planned' | 'held';
  revision: number;
  agenda_count: unknown;
}): MeetingSummary {
  return {
    id: r.id,
    date: r.meeting_date,
    title: r.title,
    status: r.status,
    revision: r.revision,
    agendaCount: Number(r.agenda_count ?? 0),
  };
}

/** Board meetings: upcoming (from today, soonest first) and past (newest first). */
export async function selectMeetings(db: PortfolioDb, today: string): Promise<MeetingList> {
  const rows = await db
    .selectFrom('pf_board_meetings as m')
    .select(['m.id', 'm.meeting_date', 'm.title', 'm.status', 'm.revision'])
    .select((eb) =>
      eb
        .selectFrom('pf_agenda_items as a')
        .whereRef('a.meeting_id', '=', 'm.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('agenda_count'),
    )
    .orderBy('m.meeting_date')
    .orderBy('m.created_at')
    .execute();
  const all = rows.map(meetingSummaryOf);
  return { upcoming: all.filter((m) => m.date >= today), past: all.filter((m) => m.date < today).reverse() };
}

export function meetingNotFound(id: string): AppError {
  return new AppError('not_found', { message: { nb: 'Fant ikke styremøtet.', en: 'The board meeting was not found.' }, details: { id } });
}

/** One meeting with its agenda (each initiative's position, latest status and next checklist) and its decisions. */
export async function selectMeeting(db: PortfolioDb, id: string): Promise<Meeting | null> {
  const meeting = await db.selectFrom('pf_board_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!meeting) return null;
  const items = await db
    .selectFrom('pf_agenda_items as a')
    .innerJoin('pf_initiatives as i', 'i.id', 'a.initiative_id')
    .select(['a.initiative_id', 'a.position', 'a.note', 'i.number', 'i.title', 'i.problem', 'i.need', 'i.phase', 'i.state'])
    .where('a.meeting_id', '=', id)
    .orderBy('a.position')
    .orderBy('i.number')
    .execute();
  const initiativeIds = items.map((i) => i.initiative_id);
  const latest =
    initiativeIds.length === 0
      ? []
      : await db
          .selectFrom('pf_status_reports as r')
          .select(['r.initiative_id', 'r.period', 'r.scope_light', 'r.time_light', 'r.cost_light', 'r.benefits_light', 'r.progress'])
          .where('r.initiative_id', 'in', initiativeIds)
          .where(sql<boolean>`r.period = (select max(r2.period) from pf_status_reports r2 where r2.initiative_id = r.initiative_id)`)
          .execute();
  const checklistCache = new Map<DecisionPoint, Awaited<ReturnType<typeof selectActiveChecklist>>>();
  const agenda: AgendaItem[] = [];
  for (const item of items) {
    const next = nextDecisionPoint(item);
    let checklist: Awaited<ReturnType<typeof selectActiveChecklist>> = [];
    if (next) {
      if (!checklistCache.has(next)) checklistCache.set(next, await selectActiveChecklist(db, next));
      checklist = checklistCache.get(next)!;
    }
    const report = latest.find((r) => r.initiative_id === item.initiative_id);
    agenda.push({
      initiativeId: item.initiative_id,
      number: item.number,
      title: item.title,
      problem: item.problem,
      need: item.need,
      phase: item.phase,
      state: item.state,
      nextDecisionPoint: next,
      position: item.position,
      note: item.note,
      latestReport: report
        ? {
            period: report.period,
            scopeLight: report.scope_light,
            timeLight: report.time_light,
            costLight: report.cost_light,
            benefitsLight: report.benefits_light,
            progress: report.progress,
          }
        : null,
      checklist,
    });
  }
  return {
    id: meeting.id,
    date: meeting.meeting_date,
    title: meeting.title,
    minutes: meeting.minutes,
    status: meeting.status,
    revision: meeting.revision,
    agenda,
    decisions: await selectDecisions(db, { meetingId: id }),
  };
}

/** The kernel's audit log, written in the command's transaction. */
export function audit(trx: PortfolioDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  return recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}
