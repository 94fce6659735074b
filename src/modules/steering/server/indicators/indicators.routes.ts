import { Type } from 'typebox';
import {
  sendTableExport,
  writeContext,
  type App,
  type ExportColumn,
  type ModuleContext,
  type WriteContext,
} from '../../../../kernel/index.js';
import {
  AreaOverview,
  CreateComment,
  CreateIndicator,
  Dashboard,
  DashboardQuery,
  type DashboardRow,
  IndicatorDetail,
  IndicatorKey,
  IndicatorList,
  IndicatorsQuery,
  PutTargets,
  PutValues,
  UpdateIndicator,
  Written,
} from '../../indicators.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import { addComment, createIndicator, putTargets, putValues, unitsActedFor, updateIndicator } from './indicators.commands.js';
import { listIndicators, readAreaOverview, readDashboard, readIndicator } from './indicators.read.js';
import { refreshFirstLineRate } from './leader-support-source.js';

const tags = ['steering'];
const KeyParams = Type.Object({ key: IndicatorKey });

const statusNames = { green: 'Grønn', yellow: 'Gul', red: 'Rød', none: 'Ingen status' } as const;
const frequencyNames = { year: 'År', tertial: 'Tertial', month: 'Måned' } as const;
const dashboardColumns: ExportColumn<DashboardRow>[] = [
  { header: 'Indikator', value: (r) => r.name },
  { header: 'Nøkkel', value: (r) => r.key },
  { header: 'Status', value: (r) => statusNames[r.status] },
  { header: 'Siste verdi', value: (r) => r.latest?.value },
  { header: 'Periode', value: (r) => r.latest?.period },
  { header: 'Mål', value: (r) => r.target },
  { header: 'Måleenhet', value: (r) => r.unitOfMeasure },
  { header: 'Retning', value: (r) => (r.direction === 'higher' ? 'Høyere er bedre' : 'Lavere er bedre') },
  { header: 'Frekvens', value: (r) => frequencyNames[r.frequency] },
  { header: 'Eiere', value: (r) => r.owners.map((o) => o.name).join(', ') },
  { header: 'Kommentarer', value: (r) => r.commentCount },
  { header: 'Syntetisk', value: (r) => (r.synthetic ? 'Ja' : 'Nei') },
];
const Created = Type.Object({ id: Type.String(), key: Type.Optional(Type.String()) });

/** Indicators: definitions, thresholds, targets, values, comments, dashboards — routes under /api/steering. */
export function registerIndicatorRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as SteeringDb;
  // Each write is one transaction: the command checks, writes and audits, or nothing changes.
  const inTransaction = <T>(context: WriteContext, run: (trx: SteeringDb) => Promise<T>) =>
    db.transaction().execute((trx) => run(trx as unknown as SteeringDb));

  app.get(
    '/api/steering/indicators',
    {
      config: { access: 'steering:read' },
      schema: {
        tags,
        summary: 'Indicators, by programme area code, goal or owning unit, with the latest status',
        querystring: IndicatorsQuery,
        response: { 200: IndicatorList },
      },
    },
    async (request) => listIndicators(db, request.query),
  );

  app.post(
    '/api/steering/indicators',
    {
      config: { access: 'steering:write' },
      schema: {
        tags,
        summary: 'Create an indicator (thresholds both or neither, in the order the direction needs)',
        body: CreateIndicator,
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const context = writeContext(request);
      const id = await inTransaction(context, (trx) => createIndicator(trx, context, request.body));
      return reply.code(201).send({ id, key: request.body.key });
    },
  );

  app.get(
    '/api/steering/indicators/:key',
    {
      config: { access: 'steering:read' },
      schema: {
        tags,
        summary: 'An indicator: definition, thresholds, targets, owners, goals, values per period, unit and district, comments',
        params: KeyParams,
        response: { 200: IndicatorDetail },
      },
    },
    async (request) => readIndicator(db, request.params.key, request.actor),
  );

  app.put(
    '/api/steering/indicators/:key',
    {
      config: { access: 'steering:write' },
      schema: {
        tags,
        summary: 'Change an indicator (send the revision you read)',
        params: KeyParams,
        body: UpdateIndicator,
        response: { 200: IndicatorDetail },
      },
    },
    async (request) => {
      const context = writeContext(request);
      await inTransaction(context, (trx) => updateIndicator(trx, context, request.params.key, request.body));
      return readIndicator(db, request.params.key, request.actor);
    },
  );

  app.put(
    '/api/steering/indicators/:key/values',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Enter values per period (municipality, unit or district); null removes',
        description:
          'steering:write, or a leader of an owning unit for that unit’s own values. Every period is checked first: one bad period and nothing is written.',
        params: KeyParams,
        body: PutValues,
        response: { 200: Written },
      },
    },
    async (request) => {
      const context = writeContext(request);
      const actedFor = await unitsActedFor(
        db,
        request.actor,
        request.body.values.map((v) => v.unitId),
      );
      return inTransaction(context, (trx) => putValues(trx, context, request.params.key, request.body, actedFor));
    },
  );

  app.put(
    '/api/steering/indicators/:key/targets',
    {
      config: { access: 'steering:write' },
      schema: { tags, summary: 'Set targets per period; null removes', params: KeyParams, body: PutTargets, response: { 200: Written } },
    },
    async (request) => {
      const context = writeContext(request);
      return inTransaction(context, (trx) => putTargets(trx, context, request.params.key, request.body));
    },
  );

  app.post(
    '/api/steering/indicators/:key/comments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Comment (and a measure) by an owning unit',
        description: 'A leader of one of the owning units, for that unit, or steering:write.',
        params: KeyParams,
        body: CreateComment,
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const context = writeContext(request);
      const actedFor = await unitsActedFor(db, request.actor, [request.body.unitId]);
      const id = await inTransaction(context, (trx) => addComment(trx, context, request.params.key, request.body, actedFor));
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/api/steering/indicators/:key/refresh',
    {
      config: { access: 'steering:write' },
      schema: {
        tags,
        summary:
          'Fetch the values of an indicator fed by another module (leader support: the first-line resolution rate per month, last 12 months)',
        params: KeyParams,
        response: { 200: Written },
      },
    },
    async (request) => {
      const context = writeContext(request);
      return inTransaction(context, (trx) => refreshFirstLineRate(trx, context, request.params.key));
    },
  );

  app.get(
    '/api/steering/dashboard',
    {
      config: { access: 'steering:read' },
      schema: {
        tags,
        summary:
          'The indicator dashboard of a programme area: latest value up to the period, status, target, sparkline, owners, comments (format=csv|xlsx to export the table)',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (request, reply) => {
      const { area, period, format } = request.query;
      const board = await readDashboard(db, area, period);
      if (format)
        return sendTableExport(
          reply,
          format,
          `indikatorer-${board.area?.code ?? 'alle'}-${board.period}`,
          dashboardColumns,
          board.indicators,
        );
      return board;
    },
  );

  app.get(
    '/api/steering/dashboard/areas',
    {
      config: { access: 'steering:read' },
      schema: {
        tags,
        summary: 'Per programme area: how many indicators are green, yellow, red or without status',
        querystring: Type.Object({ period: Type.Optional(Type.String({ maxLength: 20 })) }),
        response: { 200: AreaOverview },
      },
    },
    async (request) => readAreaOverview(db, request.query.period),
  );
}
