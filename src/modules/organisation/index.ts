import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnutepunktModule } from '../../kernel/index.js';
import { loadOrganisationDataset } from './server/organisation.dataset.js';
import { registerOrganisationRoutes } from './server/organisation.routes.js';
import type { OrganisationDb } from './server/organisation.tables.js';
import { ensureDemoPeople } from './server/synthetic/demo-people.js';

export type { OrganisationTables, OrganisationDb } from './server/organisation.tables.js';

/** Units, positions, people and reporting lines (levels 1–5), effective-dated. */
export const organisationModule: KnutepunktModule = {
  name: 'organisation',
  status: 'available',
  migrations: { owner: 'organisation', dir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations') },
  registerRoutes: registerOrganisationRoutes,
  loadDataset: (trx) => loadOrganisationDataset(trx as unknown as OrganisationDb),
  prepareDemo: (db, log) => ensureDemoPeople(db as unknown as OrganisationDb, log),
};
