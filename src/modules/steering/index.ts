import type { KnutepunktModule } from '../../kernel/index.js';

/** Goals, shared indicators, political decisions, budget programme areas and reports. Planned: see its issue. */
export const steeringModule: KnutepunktModule = {
  name: 'steering',
  status: 'planned',
};
