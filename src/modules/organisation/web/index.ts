// What the organisation module gives the web shell: its routes, front page and menu entries (src/web/modules.ts lists it).
import type { DomainWebModule } from '../../../web/routing';
import { organisationRoutes } from './routes';

export const organisationWeb = {
  key: 'organisation',
  path: '/organisasjon',
  routes: organisationRoutes,
  menu: [],
} as const satisfies DomainWebModule;
