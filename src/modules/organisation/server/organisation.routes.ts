import type { App, ModuleContext } from '../../../kernel/index.js';
import { AsOfQuery, OrganisationTree } from '../organisation.schemas.js';
import { selectUnitTree, todayInNorway } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';
import { registerAnalyticsRoutes } from './analytics.routes.js';
import { registerRecordRoutes } from './records.routes.js';
import { registerRulesRoutes } from './rules.routes.js';
import { registerScenarioRoutes } from './scenarios.routes.js';
import { registerImportExportRoutes } from './import-export.routes.js';
import { registerUnitScope } from './unit-scope.js';

const tags = ['organisation'];

export function registerOrganisationRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as OrganisationDb;

  app.get(
    '/api/organisation/tree',
    {
      config: { access: 'organisation:read' },
      schema: { tags, summary: 'Every unit as of a date (default today), with its leader', querystring: AsOfQuery, response: { 200: OrganisationTree } },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      return { date, units: await selectUnitTree(db, date) };
    },
  );

  // Lets any module ask "is this user a leader of this unit or above?" through the kernel's can().
  registerUnitScope(db);
  registerRecordRoutes(app, db);
  registerRulesRoutes(app, db);
  registerAnalyticsRoutes(app, db);
  registerScenarioRoutes(app, db);
  registerImportExportRoutes(app, db);
}
