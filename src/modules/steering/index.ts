import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnutepunktModule } from '../../kernel/index.js';
import { registerBudgetRoutes } from './server/budget/budget.routes.js';
import { registerDecisionRoutes } from './server/decisions/decisions.routes.js';
import { registerGoalRoutes } from './server/goals/goals.routes.js';
import { registerImportRoutes } from './server/imports/imports.routes.js';
import { registerIndicatorRoutes } from './server/indicators/indicators.routes.js';
import { registerReportRoutes } from './server/reports/reports.routes.js';
import { loadSteeringDataset } from './server/steering.dataset.js';
import type { SteeringDb } from './server/steering.tables.js';
// Registers what a user owns, for the identity module's reassignment list of disabled users.
import './server/owned-items.js';

export type { SteeringTables, SteeringDb } from './server/steering.tables.js';

/** Goals and shared indicators, political decisions, budget programme areas, and the monthly, tertial and annual reports. */
export const steeringModule: KnutepunktModule = {
  name: 'steering',
  status: 'available',
  migrations: { owner: 'steering', dir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations') },
  registerRoutes: (app, context) => {
    registerGoalRoutes(app, context);
    registerIndicatorRoutes(app, context);
    registerImportRoutes(app, context);
    registerDecisionRoutes(app, context);
    registerBudgetRoutes(app, context);
    registerReportRoutes(app, context);
  },
  loadDataset: (trx) => loadSteeringDataset(trx as unknown as SteeringDb),
};

// For the portfolio module: the goals initiatives serve, and the political decisions they follow.
export { selectGoalOptions, type GoalOption } from './server/goals/goal-options.queries.js';
