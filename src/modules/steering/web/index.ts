// What the steering module gives the web shell: its routes, front page and menu entries (src/web/modules.ts lists it).
import type { DomainWebModule } from '../../../web/routing';
import { steeringRoutes } from './routes';

export const steeringWeb = {
  key: 'steering',
  path: '/styring',
  routes: steeringRoutes,
  menu: [],
} as const satisfies DomainWebModule;
