import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnutepunktModule } from '../../kernel/index.js';
import { registerBenefitRoutes } from './server/benefits/benefits.routes.js';
import { registerBoardRoutes } from './server/board/board.routes.js';
import { ensureDemoBoardSeat } from './server/board/demo-board.js';
import { registerInitiativeRoutes } from './server/initiatives/initiatives.routes.js';
import { registerPoolRoutes } from './server/pool/pool.routes.js';
import { loadPortfolioDataset } from './server/portfolio.dataset.js';
import type { PortfolioDb } from './server/portfolio.tables.js';
import { registerPrioritisationRoutes } from './server/prioritisation/prioritisation.routes.js';
// Registers what a user owns, for the identity module's reassignment list of disabled users.
import './server/owned-items.js';

export type { PortfolioTables, PortfolioDb } from './server/portfolio.tables.js';

/** Development initiatives decided and prioritised together, a shared resource pool, and benefits followed up. */
export const portfolioModule: KnutepunktModule = {
  name: 'portfolio',
  status: 'available',
  migrations: { owner: 'portfolio', dir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations') },
  registerRoutes: (app, context) => {
    registerInitiativeRoutes(app, context);
    registerBoardRoutes(app, context);
    registerPrioritisationRoutes(app, context);
    registerPoolRoutes(app, context);
    registerBenefitRoutes(app, context);
  },
  loadDataset: (trx) => loadPortfolioDataset(trx as unknown as PortfolioDb),
  prepareDemo: (db, log) => ensureDemoBoardSeat(db as unknown as PortfolioDb, log),
};
