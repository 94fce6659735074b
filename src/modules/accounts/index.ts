import type { KnutepunktModule } from '../../kernel/index.js';
import { registerAccountRoutes } from './server/accounts.routes.js';

export { ensureDemoAccounts, prepareProductionAccounts, demoAccounts } from './server/demo-accounts.js';
export { insertUser } from './server/accounts.queries.js';

/** Sign-in, sign-out and the accounts behind them. */
export const accountsModule: KnutepunktModule = {
  name: 'accounts',
  status: 'available',
  registerRoutes: registerAccountRoutes,
};
