import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireSignedIn, rootRoute } from '../../../web/routing';
import { validateUserSearch, validateUsersSearch } from './search-params';

// User administration (identity module): the API decides what each may see; the reassignment list
// is for leaders and administrators, and shows anyone else an empty list.
// Each page is its own chunk (lazyRouteComponent), loaded when first visited or preloaded on intent.
export const identityRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/brukere',
    validateSearch: validateUsersSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./users.page'), 'UsersPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/brukere/grupper',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./group-mappings.page'), 'GroupMappingsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/brukere/$userId',
    validateSearch: validateUserSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./user.page'), 'UserPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/omfordeling',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./reassignments.page'), 'ReassignmentsPage'),
  }),
] as const;
