import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnutepunktModule } from '../../kernel/index.js';
import { registerDispatchRoutes } from './server/dispatch/dispatch.routes.js';
import { registerFiguresRoutes } from './server/figures/figures.routes.js';
import { registerKnowledgeBaseRoutes } from './server/knowledge-base/knowledge-base.routes.js';
import { loadLeaderSupportDataset } from './server/leader-support.dataset.js';
import { registerRequestRoutes } from './server/leader-support.routes.js';
import type { LeaderSupportDb } from './server/leader-support.tables.js';
import { prepareSupportDemo } from './server/demo.js';
import { registerSettingsRoutes } from './server/settings/settings.routes.js';
// Registers the 'desk' role source: the first line follows positions in its unit.
import './server/desk-roles.js';
// Registers what a user owns, for the identity module's reassignment list of disabled users.
import './server/owned-items.js';

export type { LeaderSupportTables, LeaderSupportDb } from './server/leader-support.tables.js';

/** One digital door in for leaders' requests: first, second and third line, service levels, knowledge base, figures. */
export const leaderSupportModule: KnutepunktModule = {
  name: 'leader-support',
  status: 'available',
  migrations: { owner: 'leader-support', dir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations') },
  registerRoutes: (app, context) => {
    registerRequestRoutes(app, context);
    registerSettingsRoutes(app, context);
    registerKnowledgeBaseRoutes(app, context);
    registerDispatchRoutes(app, context);
    registerFiguresRoutes(app, context);
  },
  loadDataset: (trx) => loadLeaderSupportDataset(trx as unknown as LeaderSupportDb),
  prepareDemo: (db, log) => prepareSupportDemo(db as unknown as LeaderSupportDb, log),
};
export { computeFigures } from './server/figures/figures.js';
