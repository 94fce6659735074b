import { sendTableExport, writeContext, type App, type ExportColumn, type ModuleContext } from '../../../../kernel/index.js';
import {
  AllocateBody,
  AllocateResult,
  Allocations,
  AllocationsQuery,
  CapacityQuery,
  CapacityReport,
  CreateMemberBody,
  MemberIdParams,
  PoolExportQuery,
  PoolMember,
  PoolMembers,
  PutCapacityBody,
  UpdateMemberBody,
  type Allocation,
  type PoolMember as PoolMemberType,
} from '../../pool.schemas.js';
import { mustFindInitiativeId } from '../initiatives/shared.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { allocate, createMember, putCapacity, updateMember } from './commands.js';
import { currentMonth, selectAllocations, selectCapacityReport, selectMembers } from './pool.queries.js';

const tags = ['portfolio'];
const base = '/api/portfolio/pool';

const roleNames: Record<string, string> = {
  service_designer: 'Tjenestedesigner',
  concept_developer: 'Konseptutvikler',
  enterprise_architect: 'Virksomhetsarkitekt',
  project_manager: 'Prosjektleder',
  line_staff: 'Linjeansatt',
};

/** The resource pool: members, capacity per month, allocations and the capacity report — under /api/portfolio/pool. */
export function registerPoolRoutes(app: App, context: ModuleContext): void {
  const db = context.database.db as unknown as PortfolioDb;
  const inTransaction = <T>(run: (trx: PortfolioDb) => Promise<T>) => db.transaction().execute(run);

  app.get(
    `${base}/members`,
    { config: { access: 'portfolio:read' }, schema: { tags, summary: 'The pool members, by name', response: { 200: PoolMembers } } },
    async () => ({ members: await selectMembers(db) }),
  );

  app.post(
    `${base}/members`,
    {
      config: { access: 'portfolio:decide' },
      schema: { tags, summary: 'Add a member to the pool (board members)', body: CreateMemberBody, response: { 201: PoolMember } },
    },
    async (request, reply) => {
      const id = await inTransaction((trx) => createMember(trx, writeContext(request), request.body));
      const member = (await selectMembers(db)).find((m) => m.id === id)!;
      return reply.status(201).send(member);
    },
  );

  app.put(
    `${base}/members/:id`,
    {
      config: { access: 'portfolio:decide' },
      schema: {
        tags,
        summary: 'Edit a pool member or deactivate them (board members; stale revision → 409)',
        params: MemberIdParams,
        body: UpdateMemberBody,
        response: { 200: PoolMember },
      },
    },
    async (request) => {
      await inTransaction((trx) => updateMember(trx, writeContext(request), request.params.id, request.body));
      return (await selectMembers(db)).find((m) => m.id === request.params.id)!;
    },
  );

  app.put(
    `${base}/members/:id/capacity`,
    {
      config: { access: 'portfolio:decide' },
      schema: {
        tags,
        summary: "Set a member's capacity for a month (share of full time; null = back to the default)",
        params: MemberIdParams,
        body: PutCapacityBody,
        response: { 200: PutCapacityBody },
      },
    },
    async (request) => {
      await inTransaction((trx) => putCapacity(trx, writeContext(request), request.params.id, request.body));
      return request.body;
    },
  );

  app.get(
    `${base}/allocations`,
    {
      config: { access: 'portfolio:read' },
      schema: {
        tags,
        summary: 'Allocations, for an initiative and/or a member',
        querystring: AllocationsQuery,
        response: { 200: Allocations },
      },
    },
    async (request) => {
      const initiativeId = request.query.initiative ? await mustFindInitiativeId(db, request.query.initiative) : undefined;
      return { allocations: await selectAllocations(db, { initiativeId, memberId: request.query.member }) };
    },
  );

  app.put(
    `${base}/allocations`,
    {
      config: { access: 'portfolio:decide' },
      schema: {
        tags,
        summary:
          "Allocate a member's share of a month to an initiative for one or more months; beyond capacity is refused (409) unless overridden with a reason",
        body: AllocateBody,
        response: { 200: AllocateResult },
      },
    },
    async (request) => inTransaction((trx) => allocate(trx, writeContext(request), request.body)),
  );

  app.get(
    `${base}/capacity`,
    {
      config: { access: 'portfolio:read' },
      schema: {
        tags,
        summary: 'Capacity against allocations per member and per role, per month (from=YYYY-MM, months=12), over-allocations flagged',
        querystring: CapacityQuery,
        response: { 200: CapacityReport },
      },
    },
    async (request) => selectCapacityReport(db, request.query.from ?? currentMonth(), request.query.months ?? 12),
  );

  app.get(
    `${base}/members/export`,
    { config: { access: 'portfolio:read' }, schema: { tags, summary: 'The pool members as CSV or XLSX', querystring: PoolExportQuery } },
    async (request, reply) => {
      const columns: ExportColumn<PoolMemberType>[] = [
        { header: 'Navn', value: (m) => m.name },
        { header: 'Rolle', value: (m) => roleNames[m.role] ?? m.role },
        { header: 'Hjemmeenhet', value: (m) => m.homeUnitName },
        { header: 'Standardkapasitet (andel)', value: (m) => m.defaultCapacity },
        { header: 'Aktiv', value: (m) => (m.active ? 'ja' : 'nei') },
        { header: 'Syntetisk', value: (m) => (m.synthetic ? 'ja' : 'nei') },
      ];
      return sendTableExport(reply, request.query.format, 'ressurspool', columns, await selectMembers(db));
    },
  );

  app.get(
    `${base}/allocations/export`,
    { config: { access: 'portfolio:read' }, schema: { tags, summary: 'Every allocation as CSV or XLSX', querystring: PoolExportQuery } },
    async (request, reply) => {
      const columns: ExportColumn<Allocation>[] = [
        { header: 'Måned', value: (a) => a.month },
        { header: 'Navn', value: (a) => a.memberName },
        { header: 'Rolle', value: (a) => roleNames[a.role] ?? a.role },
        { header: 'Initiativ', value: (a) => `INI-${a.initiativeNumber}` },
        { header: 'Tittel', value: (a) => a.initiativeTitle },
        { header: 'Andel', value: (a) => a.share },
        { header: 'Overstyrt (begrunnelse)', value: (a) => a.overrideReason },
      ];
      return sendTableExport(reply, request.query.format, 'tildelinger', columns, await selectAllocations(db, {}));
    },
  );
}
