import { writeContext, type App, type WriteContext } from '../../../kernel/index.js';
import { AsOfQuery } from '../organisation.schemas.js';
import {
  AddLineBody,
  AssignPersonBody,
  ChangePositionBody,
  ChangeUnitBody,
  CloseBody,
  CreatePersonBody,
  CreatePositionBody,
  CreateUnitBody,
  IdParams,
  PersonDetail,
  PositionDetail,
  SearchQuery,
  SearchResult,
  UnitDetail,
  WriteResult,
} from '../records.schemas.js';
import {
  addLine,
  assignPerson,
  changePosition,
  changeUnit,
  closePosition,
  closeUnit,
  createPerson,
  createPosition,
  createUnit,
  endAssignment,
  endLine,
} from './commands/index.js';
import { notFound } from './commands/shared.js';
import { norwegianDate } from './dated-versions.js';
import { todayInNorway } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';
import { isUuid, searchRecords, selectPersonDetail, selectPositionDetail, selectUnitDetail } from './records.queries.js';

const tags = ['organisation'];

/** The unit, position and person pages, search, and the organisation editor's dated changes. */
export function registerRecordRoutes(app: App, db: OrganisationDb): void {
  // Each write is one transaction: the command checks, writes and audits, or nothing changes.
  const inTransaction = <T>(context: WriteContext, run: (trx: OrganisationDb, context: WriteContext) => Promise<T>) =>
    db.transaction().execute((trx) => run(trx, context));

  // --- Reads ---------------------------------------------------------------------------------

  app.get(
    '/api/organisation/units/:id',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'A unit as of a date (default today): parent, children, leader, positions, lines, districts and its history',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: UnitDetail },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const unit = await selectUnitDetail(db, request.params.id, date);
      if (!unit) throw await missing(db, 'org_units', request.params.id, date);
      return unit;
    },
  );

  app.get(
    '/api/organisation/positions/:id',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'A position as of a date (default today): unit, holders, lines in and out, history',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: PositionDetail },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const position = await selectPositionDetail(db, request.params.id, date);
      if (!position) throw await missing(db, 'org_positions', request.params.id, date);
      return position;
    },
  );

  app.get(
    '/api/organisation/people/:id',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'A person: assignments (past, current, future) and, as of a date, the lines of the positions they hold',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: PersonDetail },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const person = await selectPersonDetail(db, request.params.id, date);
      if (!person) throw notFound(`Fant ikke personen (id ${request.params.id}).`, `The person was not found (id ${request.params.id}).`);
      return person;
    },
  );

  app.get(
    '/api/organisation/search',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'Units, positions and people whose name or title contains q (at most 20 of each), as of a date',
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (request) => {
      const q = request.query.q.trim();
      const date = request.query.date ?? todayInNorway();
      if (q === '') return { date, units: [], positions: [], people: [] };
      return searchRecords(db, q, date);
    },
  );

  // --- Writes --------------------------------------------------------------------------------

  const write = { access: 'organisation:write' as const };

  app.post(
    '/api/organisation/units',
    { config: write, schema: { tags, summary: 'Create a unit from validFrom', body: CreateUnitBody, response: { 201: WriteResult } } },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => createUnit(trx, ctx, request.body))),
  );

  app.patch(
    '/api/organisation/units/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a unit from validFrom (rename, move, level, kind, classification, keys, districts) as a new version',
        params: IdParams,
        body: ChangeUnitBody,
        response: { 200: WriteResult },
      },
    },
    async (request) => inTransaction(writeContext(request), (trx, ctx) => changeUnit(trx, ctx, { ...request.body, id: request.params.id })),
  );

  app.post(
    '/api/organisation/units/:id/close',
    {
      config: write,
      schema: {
        tags,
        summary: 'Close a unit: validTo is the first day it no longer exists',
        params: IdParams,
        body: CloseBody,
        response: { 200: WriteResult },
      },
    },
    async (request) => inTransaction(writeContext(request), (trx, ctx) => closeUnit(trx, ctx, { ...request.body, id: request.params.id })),
  );

  app.post(
    '/api/organisation/positions',
    {
      config: write,
      schema: { tags, summary: 'Create a position in a unit from validFrom', body: CreatePositionBody, response: { 201: WriteResult } },
    },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => createPosition(trx, ctx, request.body))),
  );

  app.patch(
    '/api/organisation/positions/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a position from validFrom as a new version',
        params: IdParams,
        body: ChangePositionBody,
        response: { 200: WriteResult },
      },
    },
    async (request) =>
      inTransaction(writeContext(request), (trx, ctx) => changePosition(trx, ctx, { ...request.body, id: request.params.id })),
  );

  app.post(
    '/api/organisation/positions/:id/close',
    {
      config: write,
      schema: {
        tags,
        summary: 'Close a position: validTo is the first day it no longer exists; its own lines up end with it',
        params: IdParams,
        body: CloseBody,
        response: { 200: WriteResult },
      },
    },
    async (request) =>
      inTransaction(writeContext(request), (trx, ctx) => closePosition(trx, ctx, { ...request.body, id: request.params.id })),
  );

  app.post(
    '/api/organisation/people',
    { config: write, schema: { tags, summary: 'Record a person', body: CreatePersonBody, response: { 201: WriteResult } } },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => createPerson(trx, ctx, request.body))),
  );

  app.post(
    '/api/organisation/assignments',
    {
      config: write,
      schema: { tags, summary: 'Assign a person to a position for a period', body: AssignPersonBody, response: { 201: WriteResult } },
    },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => assignPerson(trx, ctx, request.body))),
  );

  app.post(
    '/api/organisation/assignments/:id/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'End an assignment: validTo is the first day it no longer holds',
        params: IdParams,
        body: CloseBody,
        response: { 200: WriteResult },
      },
    },
    async (request) =>
      inTransaction(writeContext(request), (trx, ctx) => endAssignment(trx, ctx, { ...request.body, id: request.params.id })),
  );

  app.post(
    '/api/organisation/lines',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a reporting line (personnel, professional, coordination)',
        body: AddLineBody,
        response: { 201: WriteResult },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => addLine(trx, ctx, request.body))),
  );

  app.post(
    '/api/organisation/lines/:id/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'End a reporting line: validTo is the first day it no longer holds',
        params: IdParams,
        body: CloseBody,
        response: { 200: WriteResult },
      },
    },
    async (request) => inTransaction(writeContext(request), (trx, ctx) => endLine(trx, ctx, { ...request.body, id: request.params.id })),
  );
}

/** The 404 of a unit or position page: unknown altogether, or known but not on that date. */
async function missing(db: OrganisationDb, table: 'org_units' | 'org_positions', id: string, date: string) {
  const known = isUuid(id) ? await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst() : undefined;
  const [nb, en] = table === 'org_units' ? ['enheten', 'unit'] : ['stillingen', 'position'];
  return known
    ? notFound(
        `${nb === 'enheten' ? 'Enheten' : 'Stillingen'} finnes ikke ${norwegianDate(date)} (id ${id}).`,
        `The ${en} does not exist on ${date} (id ${id}).`,
      )
    : notFound(`Fant ikke ${nb} (id ${id}).`, `The ${en} was not found (id ${id}).`);
}
