import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnutepunktModule } from '../../kernel/index.js';
import { loadPlacesDataset } from './server/places.dataset.js';
import { registerPlacesRoutes } from './server/places.routes.js';
import type { PlacesDb } from './server/places.tables.js';

export type { PlacesTables, PlacesDb } from './server/places.tables.js';

/** Districts, local hubs, sites and the service catalogue with a public "find a service", effective-dated. */
export const placesModule: KnutepunktModule = {
  name: 'places',
  status: 'available',
  migrations: { owner: 'places', dir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations') },
  registerRoutes: registerPlacesRoutes,
  loadDataset: (trx) => loadPlacesDataset(trx as unknown as PlacesDb),
};
