import type { KnutepunktModule } from '../../kernel/index.js';

/** Development initiatives decided and prioritised together, with a shared resource pool and benefits. Planned: see its issue. */
export const portfolioModule: KnutepunktModule = {
  name: 'portfolio',
  status: 'planned',
};
