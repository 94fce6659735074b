// What the leader-support module gives the web shell: its routes, front page and menu entries (src/web/modules.ts lists it).
import type { DomainWebModule } from '../../../web/routing';
import { leaderSupportRoutes } from './routes';

export const leaderSupportWeb = {
  key: 'leader-support',
  path: '/lederstotte',
  routes: leaderSupportRoutes,
  menu: [],
} as const satisfies DomainWebModule;
