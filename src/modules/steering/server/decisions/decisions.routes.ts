import { Type } from 'typebox';
import {
  can,
  sendTableExport,
  sortByNorwegian,
  writeContext,
  type App,
  type ExportColumn,
  type ModuleContext,
  type WriteContext,
} from '../../../../kernel/index.js';
import {
  AddNoteBody,
  DecisionDetail,
  DecisionInput,
  DecisionList,
  DecisionListQuery,
  DecisionSummary,
  DecisionUpdate,
  IdParams,
} from '../../decisions.schemas.js';
import { selectAdjustments } from '../budget/budget.queries.js';
import { addDecisionNote, createDecision, mayAddNote, updateDecision } from './decisions.commands.js';
import { selectDecisionNotes, selectDecisions, selectDecisionText } from './decisions.queries.js';
import { asDecisionsDb, type DecisionsDb, isUuid, notFound, todayInNorway } from './shared.js';

const tags = ['steering'];
const read = { access: 'steering:read' as const };
const write = { access: 'steering:write' as const };

const bodyNames: Record<string, string> = {
  city_council: 'Bystyret/kommunestyret',
  executive_committee: 'Formannskapet',
  committee: 'Utvalg',
  joint_committee: 'Fellesnemnda',
};
const statusNames: Record<string, string> = {
  not_started: 'Ikke startet',
  in_progress: 'Pågår',
  completed: 'Fullført',
  delayed: 'Forsinket',
  cannot_be_done: 'Kan ikke gjennomføres (tilbake til bystyret)',
};
const exportColumns: ExportColumn<DecisionSummary>[] = [
  { header: 'Organ', value: (d) => (d.body === 'committee' && d.committeeName ? d.committeeName : bodyNames[d.body]) },
  { header: 'Møtedato', value: (d) => d.meetingDate },
  { header: 'Saksnummer', value: (d) => d.caseNumber },
  { header: 'Arkivreferanse', value: (d) => d.archiveReference },
  { header: 'Tittel', value: (d) => d.title },
  { header: 'Ansvarlig enhet', value: (d) => d.responsibleUnitName },
  { header: 'Ansvarlig person', value: (d) => d.responsiblePersonName },
  { header: 'Frist', value: (d) => d.deadline },
  { header: 'Status', value: (d) => statusNames[d.status] },
  { header: 'Forfalt', value: (d) => (d.overdue ? 'Ja' : 'Nei') },
  { header: 'Kilde', value: (d) => d.source },
];

// The parent's id lets the picker show each unit's path, so two of the same name differ.
const UnitOption = Type.Object({ id: Type.String(), name: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]) });

/** Political decisions followed to the end — routes under /api/steering. */
export function registerDecisionRoutes(app: App, { database }: ModuleContext): void {
  const db = asDecisionsDb(database.db);
  const inTransaction = <T>(context: WriteContext, run: (trx: DecisionsDb) => Promise<T>) => db.transaction().execute((trx) => run(trx));

  app.get(
    '/api/steering/decisions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Political decisions, newest meeting first (filters: status, body, overdue, unit, q; format=csv|xlsx to export)',
        querystring: DecisionListQuery,
        response: { 200: DecisionList },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const decisions = await selectDecisions(db, filter);
      if (format) return sendTableExport(reply, format, 'politiske-vedtak', exportColumns, decisions);
      return { decisions, total: decisions.length };
    },
  );

  app.get(
    '/api/steering/decisions/overdue',
    {
      config: read,
      schema: {
        tags,
        summary: 'Decisions past their deadline and neither completed nor returned to the council',
        response: { 200: DecisionList },
      },
    },
    async () => {
      const decisions = await selectDecisions(db, { overdue: true });
      return { decisions, total: decisions.length };
    },
  );

  app.get(
    '/api/steering/decision-units',
    {
      config: read,
      schema: {
        tags,
        summary: 'The units a decision can be given to (as of today), sorted by name',
        response: { 200: Type.Object({ units: Type.Array(UnitOption) }) },
      },
    },
    async () => {
      const today = todayInNorway();
      const rows = await db
        .selectFrom('org_unit_versions')
        .select(['unit_id as id', 'name', 'parent_id as parentId'])
        .where('valid_from', '<=', today)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', today)]))
        .execute();
      return { units: sortByNorwegian(rows, (r) => r.name) };
    },
  );

  app.get(
    '/api/steering/decisions/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One decision with its progress notes and linked budget adjustments',
        params: IdParams,
        response: { 200: DecisionDetail },
      },
    },
    async (request) => {
      const id = request.params.id;
      const [decision] = isUuid(id) ? await selectDecisions(db, { id }) : [];
      if (!decision) throw notFound('Fant ikke vedtaket.', 'Decision not found.');
      const [text, notes, adjustments, canAddNote] = await Promise.all([
        selectDecisionText(db, id),
        selectDecisionNotes(db, [id]),
        selectAdjustments(db, { decisionId: id }),
        mayAddNote(db, writeContext(request), decision.responsibleUnitId),
      ]);
      const areaNames = new Map(
        (await db.selectFrom('st_programme_areas').select(['id', 'name']).execute()).map((a) => [a.id, a.name] as const),
      );
      return {
        ...decision,
        decisionText: text ?? '',
        notes: notes.map(({ decisionId: _d, ...note }) => note),
        adjustments: adjustments.map((a) => ({
          id: a.id,
          areaCode: a.areaCode,
          areaName: areaNames.get(a.areaId) ?? a.areaCode,
          year: a.year,
          title: a.title,
          amount: a.amount,
          status: a.status,
        })),
        canAddNote,
        canEdit: await can(request.actor, 'steering:write'),
      };
    },
  );

  app.post(
    '/api/steering/decisions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Register a political decision (a responsible unit is required)',
        body: DecisionInput,
        response: { 201: DecisionSummary },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx) => createDecision(trx, writeContext(request), request.body))),
  );

  app.put(
    '/api/steering/decisions/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Revise a decision (send the revision you read)',
        params: IdParams,
        body: DecisionUpdate,
        response: { 200: DecisionSummary },
      },
    },
    async (request) =>
      inTransaction(writeContext(request), (trx) => updateDecision(trx, writeContext(request), request.params.id, request.body)),
  );

  app.post(
    '/api/steering/decisions/:id/notes',
    {
      // Analysts, and the leader of the responsible unit (checked in the command).
      config: read,
      schema: {
        tags,
        summary: 'Add a progress note, optionally changing the status (analysts and the responsible unit’s leader)',
        params: IdParams,
        body: AddNoteBody,
        response: { 201: DecisionSummary },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inTransaction(writeContext(request), (trx) => addDecisionNote(trx, writeContext(request), request.params.id, request.body)),
        ),
  );
}
