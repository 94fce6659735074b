import { can, sendTableExport, writeContext, type App, type ModuleContext, type WriteContext } from '../../../../kernel/index.js';
import {
  CreateReportBody,
  ExportQuery,
  PublishBody,
  ReportDetail,
  ReportIdParams,
  ReportList,
  ReturnSectionBody,
  RevisionBody,
  SaveSectionBody,
  SectionParams,
} from '../../reports.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import { createReport } from './create-report.js';
import { publishReport } from './publish-report.js';
import { readReport } from './report-detail.js';
import { reportDocx } from './report-docx.js';
import { reportExportColumns, reportExportRows } from './report-export.js';
import { reviewSection } from './review-section.js';
import { saveSection } from './save-section.js';
import { selectReportList } from './reports.queries.js';

const tags = ['steering'];
const read = { access: 'steering:read' as const };
const write = { access: 'steering:write' as const };
// Unit leaders write their areas' texts: the command checks that they lead one of the area's units.
const signedIn = { access: 'authenticated' as const };

/** Monthly, tertial and annual reports — routes under /api/steering. */
export function registerReportRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as SteeringDb;
  const inTransaction = <T>(context: WriteContext, run: (trx: SteeringDb) => Promise<T>) =>
    db.transaction().execute((trx) => run(trx as unknown as SteeringDb));

  app.get(
    '/api/steering/reports',
    { config: read, schema: { tags, summary: 'The monthly, tertial and annual reports, newest first', response: { 200: ReportList } } },
    async (request) => ({ reports: await selectReportList(db), canCreate: await can(request.actor, 'steering:write') }),
  );

  app.post(
    '/api/steering/reports',
    {
      config: write,
      schema: {
        tags,
        summary: "Create a report (month 'YYYY-MM', tertial 'YYYY-T1'/'YYYY-T2', year 'YYYY') with a section per active programme area",
        body: CreateReportBody,
        response: { 201: ReportDetail },
      },
    },
    async (request, reply) => {
      const context = writeContext(request);
      const id = await inTransaction(context, (trx) => createReport(trx, context, request.body));
      return reply.code(201).send(await readReport(db, id, request.actor));
    },
  );

  app.get(
    '/api/steering/reports/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A report assembled per programme area (the frozen snapshot once published)',
        params: ReportIdParams,
        response: { 200: ReportDetail },
      },
    },
    async (request) => readReport(db, request.params.id, request.actor),
  );

  app.put(
    '/api/steering/reports/:id/sections/:areaId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: "Write an area's status, assessment and conclusion (leaders of the area's units, analysts; send the revision read)",
        params: SectionParams,
        body: SaveSectionBody,
        response: { 200: ReportDetail },
      },
    },
    async (request) => {
      const context = writeContext(request);
      await inTransaction(context, (trx) => saveSection(trx, context, request.params.id, request.params.areaId, request.body));
      return readReport(db, request.params.id, request.actor);
    },
  );

  const transitions: {
    action: 'submit' | 'approve' | 'return';
    access: { access: 'authenticated' | 'steering:write' };
    body: typeof RevisionBody | typeof ReturnSectionBody;
    summary: string;
  }[] = [
    { action: 'submit' as const, access: signedIn, body: RevisionBody, summary: "Send the area's texts to the analysts for review" },
    { action: 'approve' as const, access: write, body: RevisionBody, summary: "Approve the area's texts (analysts)" },
    {
      action: 'return' as const,
      access: write,
      body: ReturnSectionBody,
      summary: "Return the area's texts to the unit with a comment (analysts)",
    },
  ];
  for (const transition of transitions)
    app.post(
      `/api/steering/reports/:id/sections/:areaId/${transition.action}`,
      {
        config: transition.access,
        schema: { tags, summary: transition.summary, params: SectionParams, body: transition.body, response: { 200: ReportDetail } },
      },
      async (request) => {
        const context = writeContext(request);
        const { id, areaId } = request.params as { id: string; areaId: string };
        const body = request.body as { revision: number; comment?: string };
        await inTransaction(context, (trx) => reviewSection(trx, context, id, areaId, transition.action, body));
        return readReport(db, id, request.actor);
      },
    );

  app.post(
    '/api/steering/reports/:id/publish',
    {
      config: write,
      schema: {
        tags,
        summary: 'Publish the report when every section is approved: its content is frozen and it is locked',
        params: ReportIdParams,
        body: PublishBody,
        response: { 200: ReportDetail },
      },
    },
    async (request) => {
      const context = writeContext(request);
      await inTransaction(context, (trx) => publishReport(trx, context, request.params.id, request.body.revision));
      return readReport(db, request.params.id, request.actor);
    },
  );

  app.get(
    '/api/steering/reports/:id/export',
    {
      config: read,
      schema: {
        tags,
        summary:
          "The report's tables (indicators, budget, decisions) as CSV or XLSX: all in one with a section column, or ?table=; or the whole report as DOCX",
        params: ReportIdParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const report = await readReport(db, request.params.id, request.actor);
      const table = request.query.table ?? 'all';
      const locale = request.locale === 'en' ? 'en' : 'nb';
      const kindName = report.kind === 'month' ? 'maanedsrapport' : report.kind === 'tertial' ? 'tertialrapport' : 'aarsrapport';
      if (request.query.format === 'docx')
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename="${`${kindName}-${report.period}`.replace(/[^a-zA-Z0-9._-]/g, '-')}.docx"`)
          .header('x-content-type-options', 'nosniff')
          .send(await reportDocx(report, locale));
      const format = request.query.format === 'xlsx' ? 'xlsx' : 'csv';
      const baseName = `${kindName}-${report.period}${table === 'all' ? '' : `-${table}`}`;
      return sendTableExport(reply, format, baseName, reportExportColumns(table, locale), reportExportRows(report.areas, table, locale));
    },
  );
}
