import type { KnutepunktModule } from '../../kernel/index.js';

/** Districts, local hubs, sites and the service catalogue with a public "find a service". Planned: see its issue. */
export const placesModule: KnutepunktModule = {
  name: 'places',
  status: 'planned',
};
