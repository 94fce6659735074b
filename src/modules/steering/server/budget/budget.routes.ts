import { Type } from 'typebox';
import { sendTableExport, writeContext, type App, type ExportColumn, type ModuleContext } from '../../../../kernel/index.js';
import {
  Adjustment,
  AdjustmentCreate,
  AdjustmentUpdate,
  AreaDetail,
  AreaInput,
  AreaList,
  AreaUpdate,
  BudgetOverview,
  CodeParams,
  IdParams,
  ImportActualsBody,
  ImportActualsResult,
  ProgrammeArea,
  PutBudgetsBody,
  PutForecastBody,
  RevisionQuery,
  type AreaBudgetStatus,
} from '../../budget.schemas.js';
import { asDecisionsDb, type DecisionsDb, notFound, todayInNorway } from '../decisions/shared.js';
import {
  createAdjustment,
  createArea,
  deleteAdjustment,
  importActuals,
  putBudgets,
  putForecast,
  updateAdjustment,
  updateArea,
} from './budget.commands.js';
import { selectAreaBudgetStatus, selectAreaDetail, selectProgrammeAreas } from './budget.queries.js';

const tags = ['steering'];
const read = { access: 'steering:read' as const };
const write = { access: 'steering:write' as const };

const BudgetQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  asOfMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])),
});

/** The year and month a budget view is for: the current year up to this month, a past year in full. */
export function budgetPeriod(query: { year?: number; asOfMonth?: number }, today = todayInNorway()) {
  const thisYear = Number(today.slice(0, 4));
  const year = query.year ?? thisYear;
  const asOfMonth = query.asOfMonth ?? (year < thisYear ? 12 : year > thisYear ? 1 : Number(today.slice(5, 7)));
  return { year, asOfMonth };
}

const exportColumns: ExportColumn<AreaBudgetStatus>[] = [
  { header: 'Kode', value: (a) => a.code },
  { header: 'Programområde', value: (a) => a.name },
  { header: 'Utvalg', value: (a) => a.committee },
  { header: 'År', value: (a) => a.year },
  { header: 'Per måned', value: (a) => a.asOfMonth },
  { header: 'Budsjett (kr)', value: (a) => a.budget },
  { header: 'Regnskap hittil i år (kr)', value: (a) => a.actualToDate },
  { header: 'Prognose (kr)', value: (a) => a.forecast },
  { header: 'Avvik (kr, merforbruk positivt)', value: (a) => a.deviation },
  { header: 'Avvik (%)', value: (a) => a.deviationPercent },
  { header: 'Avvik i ord', value: (a) => a.deviationText.nb + (a.deviationStated ? ' (oppgitt i kilden)' : '') },
  { header: 'Foreslåtte tiltak (kr)', value: (a) => a.adjustmentsProposed },
  { header: 'Vedtatte tiltak (kr)', value: (a) => a.adjustmentsAdopted },
  { header: 'Kilde', value: (a) => a.source },
];

/** Budget programme areas: budget, plan, actuals, forecast, deviation, adjustments — routes under /api/steering. */
export function registerBudgetRoutes(app: App, { database }: ModuleContext): void {
  const db = asDecisionsDb(database.db);
  const inTransaction = <T>(run: (trx: DecisionsDb) => Promise<T>) => db.transaction().execute((trx) => run(trx));

  app.get(
    '/api/steering/areas',
    { config: read, schema: { tags, summary: 'The budget programme areas with their linked units', response: { 200: AreaList } } },
    async () => ({ areas: await selectProgrammeAreas(db) }),
  );

  app.post(
    '/api/steering/areas',
    { config: write, schema: { tags, summary: 'Add a programme area', body: AreaInput, response: { 201: ProgrammeArea } } },
    async (request, reply) => reply.code(201).send(await inTransaction((trx) => createArea(trx, writeContext(request), request.body))),
  );

  app.put(
    '/api/steering/areas/:code',
    {
      config: write,
      schema: {
        tags,
        summary: 'Revise a programme area (send the revision you read)',
        params: CodeParams,
        body: AreaUpdate,
        response: { 200: ProgrammeArea },
      },
    },
    async (request) => inTransaction((trx) => updateArea(trx, writeContext(request), request.params.code, request.body)),
  );

  app.get(
    '/api/steering/budget',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Per area for a year as of a month: budget, actuals to date, forecast, deviation (kr, %; overspend positive), adjustments (format=csv|xlsx to export)',
        querystring: BudgetQuery,
        response: { 200: BudgetOverview },
      },
    },
    async (request, reply) => {
      const { year, asOfMonth } = budgetPeriod(request.query);
      const areas = await selectAreaBudgetStatus(db, { year, asOfMonth });
      if (request.query.format) return sendTableExport(reply, request.query.format, `budsjett-${year}-${asOfMonth}`, exportColumns, areas);
      return { year, asOfMonth, areas };
    },
  );

  app.get(
    '/api/steering/areas/:code/budget',
    {
      config: read,
      schema: {
        tags,
        summary: "An area's year: budget and plan, monthly actuals, forecasts, adjustments with their decisions",
        params: CodeParams,
        querystring: BudgetQuery,
        response: { 200: AreaDetail },
      },
    },
    async (request) => {
      const { year, asOfMonth } = budgetPeriod(request.query);
      const detail = await selectAreaDetail(db, request.params.code, year, asOfMonth);
      if (!detail) throw notFound(`Fant ikke programområdet ${request.params.code}.`, `Programme area ${request.params.code} not found.`);
      return detail;
    },
  );

  app.put(
    '/api/steering/areas/:code/budgets',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set the annual budget and the four-year financial plan adopted in a year',
        params: CodeParams,
        body: PutBudgetsBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await inTransaction((trx) => putBudgets(trx, writeContext(request), request.params.code, request.body));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/steering/areas/:code/forecast',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set the year-end forecast as of a month',
        params: CodeParams,
        body: PutForecastBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await inTransaction((trx) => putForecast(trx, writeContext(request), request.params.code, request.body));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/steering/actuals/import',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Import monthly actuals (CSV text: area code; year; month; amount). All or nothing: every problem is reported in error.details',
        body: ImportActualsBody,
        response: { 200: ImportActualsResult },
      },
    },
    async (request) => inTransaction((trx) => importActuals(trx, writeContext(request), request.body)),
  );

  app.post(
    '/api/steering/adjustments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Propose an adjustment (tiltak) with reason, amount and the decision it follows',
        body: AdjustmentCreate,
        response: { 201: Adjustment },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inTransaction((trx) => createAdjustment(trx, writeContext(request), request.body))),
  );

  app.put(
    '/api/steering/adjustments/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Revise an adjustment (send the revision you read)',
        params: IdParams,
        body: AdjustmentUpdate,
        response: { 200: Adjustment },
      },
    },
    async (request) => inTransaction((trx) => updateAdjustment(trx, writeContext(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/steering/adjustments/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove an adjustment (send the revision you read)',
        params: IdParams,
        querystring: RevisionQuery,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await inTransaction((trx) => deleteAdjustment(trx, writeContext(request), request.params.id, request.query.revision));
      return reply.code(204).send(null);
    },
  );
}
