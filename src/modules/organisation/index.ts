import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnutepunktModule } from '../../kernel/index.js';
import { loadOrganisationDataset } from './server/organisation.dataset.js';
import { registerOrganisationRoutes } from './server/organisation.routes.js';
import type { OrganisationDb } from './server/organisation.tables.js';
import { registerPositionRoles } from './server/position-roles.js';
import { ensureDemoPeople } from './server/synthetic/demo-people.js';

registerPositionRoles();

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

// For the other modules: where a signed-in user sits, the units above a unit, "leads this unit",
// and the master-data change leader support applies once the first line approves it.
export { selectMyOrganisation, selectUnitsWithAncestors } from './server/access.queries.js';
export { leadsUnit } from './server/unit-scope.js';
// The one check of an editor limited to an area, for every record that belongs to units or to the whole municipality.
export { assertMayEditInArea, type AreaOwner } from './server/editor-area.js';
export { changeUnitLeader, type ChangeUnitLeaderInput, type UnitLeaderChange } from './server/commands/change-unit-leader.js';
export type { MyOrganisation, MyPosition } from './access.schemas.js';
export { leaderRoleTypes } from './server/organisation.queries.js';
// Sign-ins are linked to people by the HR system's employee number (the person's key), never by name.
export { linkUser, type LinkUserInput } from './server/commands/link-user.js';
export { findPersonByKey } from './server/records.queries.js';
