import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireSignedIn, rootRoute } from '../../../web/routing';
import { validatePeopleSearch } from './people-search';
import { validateAnalyticsSearch, validateAsOfSearch, validateOverviewSearch } from './search-params';
import { validatePostsSearch } from './posts/posts-search';

// The organisation module: every page needs a signed-in user (the API does too), and each is
// its own chunk. The as-of date travels in `?dato=` so a view can be bookmarked and shared.
export const organisationRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon',
    validateSearch: validateOverviewSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./organisation.page'), 'OrganisationPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/enheter/$id',
    validateSearch: validateAsOfSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./unit.page'), 'UnitPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/stillinger/$id',
    validateSearch: validateAsOfSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./position.page'), 'PositionPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/personer',
    validateSearch: validatePeopleSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./people.page'), 'PeoplePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/personer/$id',
    validateSearch: validateAsOfSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./person.page'), 'PersonPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/regler',
    validateSearch: validateAsOfSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./rules.page'), 'RulesPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/analyse',
    validateSearch: validateAnalyticsSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./analytics.page'), 'AnalyticsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/stillinger-og-arsverk',
    validateSearch: validatePostsSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./posts/posts.page'), 'PostsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/scenarioer',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./scenarios.page'), 'ScenariosPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/scenarioer/$id',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./scenario.page'), 'ScenarioPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/endre-flere-enheter',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./bulk-change.page'), 'BulkChangePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/import-eksport',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./import-export.page'), 'ImportExportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/hr-innlesing',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./hr-feed.page'), 'HrFeedPage'),
  }),
] as const;
