import type { Kysely } from 'kysely';
import type { KernelTables, KnutepunktModule } from '../../kernel/index.js';
import { loadMunicipality } from './server/municipality.dataset.js';

/** Units, positions, people and reporting lines (levels 1–5). Not built yet beyond the municipality. */
export const organisationModule: KnutepunktModule = {
  name: 'organisation',
  status: 'planned',
  loadDataset: (trx) => loadMunicipality(trx as Kysely<KernelTables>),
};
