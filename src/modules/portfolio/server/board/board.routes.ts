import { Type } from 'typebox';
import { sendTableExport, type ExportColumn, writeContext, type App, type ModuleContext } from '../../../../kernel/index.js';
import {
  AddAgendaItemBody,
  AddBoardMemberBody,
  BoardMemberList,
  EndBoardMemberBody,
  AgendaItemParams,
  ChecklistParams,
  Checklists,
  CreateMeetingBody,
  CreateStatusReportBody,
  Decision,
  DecisionBody,
  DecisionList,
  DecisionResult,
  DueReports,
  ExportQuery,
  IdParams,
  InitiativeRefParams,
  Meeting,
  MeetingList,
  PutChecklistBody,
  StatusReport,
  StatusReportList,
  StatusReportParams,
  UpdateMeetingBody,
  UpdateStatusReportBody,
} from '../../board.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import {
  findInitiative,
  meetingNotFound,
  positionOf,
  selectActiveChecklist,
  selectChecklists,
  selectDecisions,
  selectDueReports,
  selectMeeting,
  selectMeetings,
  selectReportDueDay,
  selectStatusReports,
  todayInNorway,
} from './board.queries.js';
import { addBoardMember, endBoardMember, selectBoardMembers } from './board-members.js';
import { addAgendaItem, createMeeting, removeAgendaItem, updateMeeting } from './meetings.js';
import { nextDecisionPoint, reportDue } from './phases.js';
import { putChecklist } from './put-checklist.js';
import { recordDecision } from './record-decision.js';
import { createStatusReport, mayReport, updateStatusReport } from './status-reports.js';

const tags = ['portfolio'];
const base = '/api/portfolio';
const read = { access: 'portfolio:read' as const };
const propose = { access: 'portfolio:propose' as const };

/** A board write: only portfolio:decide, refused (before the body is read) in the board's own words. */
function boardOnly(message: { nb: string; en: string }) {
  return { config: { access: 'portfolio:decide' as const, forbiddenMessage: message } };
}
const decisionsByBoard = boardOnly({
  nb: 'Bare porteføljestyrets medlemmer kan fatte beslutninger.',
  en: 'Only members of the portfolio board can make decisions.',
});
const checklistsByBoard = boardOnly({
  nb: 'Bare porteføljestyrets medlemmer og administratorer kan endre sjekklistene.',
  en: 'Only members of the portfolio board and administrators can change the checklists.',
});
const meetingsByBoard = boardOnly({
  nb: 'Bare porteføljestyrets medlemmer kan planlegge styremøter, sette opp saksliste og skrive referat.',
  en: 'Only members of the portfolio board can plan board meetings, set the agenda and write minutes.',
});

const outcomeNames = { approve: 'Godkjent', return: 'Sendt tilbake med spørsmål', pause: 'Satt på vent', stop: 'Stoppet' } as const;
const phaseNames = {
  idea: 'Idé',
  concept: 'Konsept',
  planning: 'Planlegge',
  execution: 'Gjennomføre',
  closing: 'Avslutte',
  realisation: 'Realisere',
} as const;

const exportColumns: ExportColumn<Decision>[] = [
  { header: 'Initiativ', value: (d) => d.initiativeNumber },
  { header: 'Tittel', value: (d) => d.initiativeTitle },
  { header: 'Beslutningspunkt', value: (d) => d.decisionPoint },
  { header: 'Utfall', value: (d) => outcomeNames[d.outcome] },
  { header: 'Begrunnelse', value: (d) => d.rationale },
  { header: 'Dato', value: (d) => d.decidedOn },
  { header: 'Besluttet av', value: (d) => d.decidedBy.name },
  { header: 'Fase før', value: (d) => phaseNames[d.phaseBefore] },
  { header: 'Fase etter', value: (d) => phaseNames[d.phaseAfter] },
  {
    header: 'Sjekkliste',
    value: (d) =>
      Object.entries(d.checklist)
        .map(([key, ok]) => `${key}: ${ok ? 'ja' : 'nei'}`)
        .join(', '),
  },
];

/** The board: decision points, checklists, status reports, meetings — routes under /api/portfolio. */
export function registerBoardRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as PortfolioDb;
  const inTransaction = <T>(run: (trx: PortfolioDb) => Promise<T>) => db.transaction().execute((trx) => run(trx));

  // --- Members: the board's role follows a dated seat ---------------------------------------------

  app.get(
    `${base}/board/members`,
    {
      config: read,
      schema: {
        tags,
        summary: "The portfolio board's seats, dated (current: holds on the date asked for, default today)",
        querystring: Type.Object(
          { date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) },
          { additionalProperties: false },
        ),
        response: { 200: BoardMemberList },
      },
    },
    async (request) => selectBoardMembers(db, request.query.date ?? todayInNorway()),
  );

  app.post(
    `${base}/board/members`,
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: 'Give a person a seat on the board from a date (administrators); the seat gives the board role on those days',
        body: AddBoardMemberBody,
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (request) => inTransaction((trx) => addBoardMember(trx, writeContext(request), request.body)),
  );

  app.post(
    `${base}/board/members/:id/end`,
    {
      config: { access: 'users:write' },
      schema: {
        tags,
        summary: 'End a seat on the board: validTo is the first day without it',
        params: IdParams,
        body: EndBoardMemberBody,
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (request) => inTransaction((trx) => endBoardMember(trx, writeContext(request), request.params.id, request.body)),
  );

  // --- Decisions ----------------------------------------------------------------------------------

  app.get(
    `${base}/initiatives/:ref/decisions`,
    {
      config: read,
      schema: {
        tags,
        summary: "An initiative's board decisions (oldest first), its next decision point and that point's checklist",
        params: InitiativeRefParams,
        response: { 200: DecisionList },
      },
    },
    async (request) => {
      const initiative = await findInitiative(db, request.params.ref);
      const next = nextDecisionPoint(initiative);
      return {
        initiative: positionOf(initiative),
        decisions: await selectDecisions(db, { initiativeId: initiative.id }),
        nextChecklist: next ? await selectActiveChecklist(db, next) : [],
      };
    },
  );

  app.post(
    `${base}/initiatives/:ref/decisions`,
    {
      ...decisionsByBoard,
      schema: {
        tags,
        summary:
          'The board decides at the next decision point (approve → next phase; return; pause; stop). Skipping a point, an open checklist on approve or a stale revision is refused',
        params: InitiativeRefParams,
        body: DecisionBody,
        response: { 201: DecisionResult },
      },
    },
    async (request, reply) => {
      const result = await inTransaction((trx) => recordDecision(trx, writeContext(request), request.params.ref, request.body));
      return reply.code(201).send(result);
    },
  );

  app.get(
    `${base}/decisions/export`,
    { config: read, schema: { tags, summary: 'Every board decision as CSV or XLSX', querystring: ExportQuery } },
    async (request, reply) => {
      const rows = await selectDecisions(db, {});
      return sendTableExport(reply, request.query.format, 'beslutninger', exportColumns, rows);
    },
  );

  // --- Checklists ---------------------------------------------------------------------------------

  app.get(
    `${base}/checklists`,
    {
      config: read,
      schema: { tags, summary: "The board's checklist per decision point (inactive items too)", response: { 200: Checklists } },
    },
    async () => ({ points: await selectChecklists(db) }),
  );

  app.put(
    `${base}/checklists/:decisionPoint`,
    {
      ...checklistsByBoard,
      schema: {
        tags,
        summary: "Replace a decision point's checklist (items left out become inactive)",
        params: ChecklistParams,
        body: PutChecklistBody,
        response: { 200: Checklists.properties.points.items },
      },
    },
    async (request) => inTransaction((trx) => putChecklist(trx, writeContext(request), request.params.decisionPoint, request.body)),
  );

  // --- Status reports -----------------------------------------------------------------------------

  app.get(
    `${base}/initiatives/:ref/status-reports`,
    {
      config: read,
      schema: {
        tags,
        summary: "An initiative's monthly status reports (newest first), whether the reader may report, and a due report",
        params: InitiativeRefParams,
        response: { 200: StatusReportList },
      },
    },
    async (request) => {
      const initiative = await findInitiative(db, request.params.ref);
      const [reports, dueDay, canReport] = await Promise.all([
        selectStatusReports(db, { initiativeId: initiative.id }),
        selectReportDueDay(db),
        mayReport(db, request.actor!, initiative),
      ]);
      const period = reportDue(
        initiative,
        todayInNorway(),
        dueDay,
        reports.map((r) => r.period),
      );
      return { initiative: positionOf(initiative), reports, canReport, due: period ? { period, dueDay } : null };
    },
  );

  app.post(
    `${base}/initiatives/:ref/status-reports`,
    {
      config: propose,
      schema: {
        tags,
        summary: 'Report status for a month (proposer, digital agent, a leader of the owning unit, the board); one per month',
        params: InitiativeRefParams,
        body: CreateStatusReportBody,
        response: { 201: StatusReport },
      },
    },
    async (request, reply) => {
      const report = await inTransaction((trx) => createStatusReport(trx, writeContext(request), request.params.ref, request.body));
      return reply.code(201).send(report);
    },
  );

  app.put(
    `${base}/initiatives/:ref/status-reports/:id`,
    {
      config: propose,
      schema: {
        tags,
        summary: 'Edit a status report read at `revision`',
        params: StatusReportParams,
        body: UpdateStatusReportBody,
        response: { 200: StatusReport },
      },
    },
    async (request) =>
      inTransaction((trx) => updateStatusReport(trx, writeContext(request), request.params.ref, request.params.id, request.body)),
  );

  app.get(
    `${base}/status-reports/due`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Active initiatives in planning, execution or closing missing last month’s report, once due',
        response: { 200: DueReports },
      },
    },
    async () => selectDueReports(db, todayInNorway()),
  );

  // --- Meetings -----------------------------------------------------------------------------------

  app.get(
    `${base}/meetings`,
    { config: read, schema: { tags, summary: 'Board meetings: upcoming and past', response: { 200: MeetingList } } },
    async () => selectMeetings(db, todayInNorway()),
  );

  app.post(
    `${base}/meetings`,
    {
      ...meetingsByBoard,
      schema: {
        tags,
        summary: 'Plan a board meeting',
        body: CreateMeetingBody,
        response: { 201: Type.Object({ id: Type.String(), revision: Type.Integer() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await inTransaction((trx) => createMeeting(trx, writeContext(request), request.body))),
  );

  app.get(
    `${base}/meetings/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'A board meeting: agenda (with latest status and next checklist), minutes, decisions',
        params: IdParams,
        response: { 200: Meeting },
      },
    },
    async (request) => {
      const meeting = await selectMeeting(db, request.params.id);
      if (!meeting) throw meetingNotFound(request.params.id);
      return meeting;
    },
  );

  app.put(
    `${base}/meetings/:id`,
    {
      ...meetingsByBoard,
      schema: {
        tags,
        summary: 'Change a meeting read at `revision`: minutes, status, date, title',
        params: IdParams,
        body: UpdateMeetingBody,
        response: { 200: Type.Object({ id: Type.String(), revision: Type.Integer() }) },
      },
    },
    async (request) => inTransaction((trx) => updateMeeting(trx, writeContext(request), request.params.id, request.body)),
  );

  app.post(
    `${base}/meetings/:id/agenda`,
    { ...meetingsByBoard, schema: { tags, summary: 'Put an initiative on the agenda', params: IdParams, body: AddAgendaItemBody } },
    async (request, reply) => {
      await inTransaction((trx) => addAgendaItem(trx, writeContext(request), request.params.id, request.body));
      return reply.code(204).send();
    },
  );

  app.delete(
    `${base}/meetings/:id/agenda/:initiativeId`,
    { ...meetingsByBoard, schema: { tags, summary: 'Take an initiative off the agenda', params: AgendaItemParams } },
    async (request, reply) => {
      await inTransaction((trx) => removeAgendaItem(trx, writeContext(request), request.params.id, request.params.initiativeId));
      return reply.code(204).send();
    },
  );
}
