import { sendSerialised, serialisedOnce, type App, type ModuleContext } from '../../../kernel/index.js';
import { AsOfQuery, ChartLines, OrganisationTree } from '../organisation.schemas.js';
import { selectChartLines, selectUnitTree, todayInNorway } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';
import { registerAccessRoutes } from './access.routes.js';
import { registerAnalyticsRoutes } from './analytics.routes.js';
import { registerPostRoutes } from './posts.routes.js';
import { registerRecordRoutes } from './records.routes.js';
import { registerRulesRoutes } from './rules.routes.js';
import { registerScenarioRoutes } from './scenarios.routes.js';
import { registerBulkChangeRoutes } from './bulk-change.routes.js';
import { registerImportExportRoutes } from './import-export.routes.js';
import { registerHrFeedRoutes } from './hr-feed/hr-feed.routes.js';
import { registerPeopleRoutes } from './people.routes.js';
import { registerUnitScope } from './unit-scope.js';

const tags = ['organisation'];

export function registerOrganisationRoutes(app: App, { database, config }: ModuleContext): void {
  const db = database.db as unknown as OrganisationDb;

  app.get(
    '/api/organisation/tree',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'Every unit as of a date (default today), with its leader',
        querystring: AsOfQuery,
        response: { 200: OrganisationTree },
      },
    },
    async (request, reply) => {
      const date = request.query.date ?? todayInNorway();
      const units = await selectUnitTree(db, date);
      // Kept while the organisation is unchanged, and so is its JSON (megabytes at 10×).
      return sendSerialised(
        request,
        reply,
        serialisedOnce(units, (): OrganisationTree => ({ date, units })),
      );
    },
  );

  app.get(
    '/api/organisation/lines',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'The reporting lines the org chart draws between units, as of a date (default today)',
        querystring: AsOfQuery,
        response: { 200: ChartLines },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      return { date, lines: await selectChartLines(db, date) };
    },
  );

  // Lets any module ask "is this user a leader of this unit or above?" through the kernel's can().
  registerUnitScope();
  registerRecordRoutes(app, db);
  registerPostRoutes(app, db);
  registerAccessRoutes(app, db);
  registerRulesRoutes(app, db);
  registerAnalyticsRoutes(app, db);
  registerScenarioRoutes(app, db);
  registerBulkChangeRoutes(app, db);
  registerImportExportRoutes(app, db);
  registerHrFeedRoutes(app, db, config.hrFeed);
  registerPeopleRoutes(app, db);
}
