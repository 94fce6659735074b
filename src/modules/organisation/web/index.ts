// What the organisation module gives the web shell: its routes, front page and menu entries (src/web/modules.ts lists it).
import { hasPermission } from '../../../web/data/session';
import type { DomainWebModule } from '../../../web/routing';
import { organisationRoutes } from './routes';

export const organisationWeb = {
  key: 'organisation',
  path: '/organisasjon',
  routes: organisationRoutes,
  menu: [
    // «Personer»: the person search, for everyone who may read the organisation.
    {
      to: '/organisasjon/personer',
      label: 'nav.people',
      group: 'administration',
      shownTo: (session) => hasPermission(session, 'organisation:read'),
    },
  ],
} as const satisfies DomainWebModule;
