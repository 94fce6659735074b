import type { KnutepunktModule } from '../../kernel/index.js';

/** One digital door in for leaders' requests, with first, second and third line. Planned: see its issue. */
export const leaderSupportModule: KnutepunktModule = {
  name: 'leader-support',
  status: 'planned',
};
