// What the identity module gives the web shell: its routes and menu entries (src/web/modules.ts lists it).
// Not a domain module: no card on the home page, only administration entries in the menu.
import { hasPermission } from '../../../web/data/session';
import type { WebModule } from '../../../web/routing';
import { identityRoutes } from './routes';

export const identityWeb = {
  key: 'identity',
  routes: identityRoutes,
  menu: [
    { to: '/brukere', label: 'nav.users', group: 'administration', shownTo: (session) => hasPermission(session, 'users:read') },
    // Leaders find what their disabled employees still own; administrators reach it from «Brukere».
    {
      to: '/omfordeling',
      label: 'nav.reassignments',
      group: 'administration',
      shownTo: (session) => !hasPermission(session, 'users:read') && Boolean(session?.user?.roles.includes('leader')),
    },
  ],
} as const satisfies WebModule;
