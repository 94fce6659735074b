// The composition root's list of modules, in dependency order: migrations run and datasets load
// in this order, and a module may use only those listed before it.
import type { KnutepunktModule } from './kernel/index.js';
import { accountsModule } from './modules/accounts/index.js';
import { auditModule } from './modules/audit/index.js';
import { organisationModule } from './modules/organisation/index.js';
import { placesModule } from './modules/places/index.js';
import { leaderSupportModule } from './modules/leader-support/index.js';
import { steeringModule } from './modules/steering/index.js';
import { portfolioModule } from './modules/portfolio/index.js';
import { identityModule } from './modules/identity/index.js';

export const modules: KnutepunktModule[] = [
  accountsModule,
  auditModule,
  organisationModule,
  placesModule,
  leaderSupportModule,
  steeringModule,
  portfolioModule,
  identityModule,
];
