// What the places module gives the web shell: its routes, front page and menu entries (src/web/modules.ts lists it).
import type { DomainWebModule } from '../../../web/routing';
import { placesRoutes } from './routes';

export const placesWeb = {
  key: 'places',
  path: '/steder-og-tjenester',
  routes: placesRoutes,
  // For citizens: the way to a service, before the modules (the public search).
  menu: [{ to: '/finn-tjeneste', label: 'nav.findService', group: 'citizens' }],
} as const satisfies DomainWebModule;
