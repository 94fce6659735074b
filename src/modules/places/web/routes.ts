import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireSignedIn, rootRoute } from '../../../web/routing';
import { districtQuery, hubQuery, serviceQuery } from './api';
import { districtNumber, validateFindServiceSearch } from './search-params';

// The places module: «Finn tjeneste» and the district, hub and service pages are public (citizens
// need no sign-in, and neither does the API); the staff pages (coverage matrix, co-location,
// proximity report, import and export) need a signed-in user.
// Each page is its own chunk (lazyRouteComponent), loaded when first visited or preloaded on intent.
export const placesRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/finn-tjeneste',
    validateSearch: validateFindServiceSearch,
    component: lazyRouteComponent(() => import('./find-service.page'), 'FindServicePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester',
    component: lazyRouteComponent(() => import('./places.page'), 'PlacesPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/kommunedeler/$number',
    // The page's data is asked for while its code loads, not after: citizens on slow phones see it sooner.
    loader: ({ context, params }) => {
      const number = districtNumber(params.number);
      if (number !== undefined) void context.queryClient.prefetchQuery(districtQuery(number));
    },
    component: lazyRouteComponent(() => import('./district.page'), 'DistrictPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/knutepunkter/$id',
    loader: ({ context, params }) => void context.queryClient.prefetchQuery(hubQuery(params.id)),
    component: lazyRouteComponent(() => import('./hub.page'), 'HubPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/tjenester/$id',
    loader: ({ context, params }) => void context.queryClient.prefetchQuery(serviceQuery(params.id)),
    component: lazyRouteComponent(() => import('./service.page'), 'ServicePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/dekning',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./coverage.page'), 'CoveragePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/samlokalisering',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./co-location.page'), 'CoLocationPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/naerhetsrapport',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./report.page'), 'ReportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/import-eksport',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./import-export.page'), 'PlacesImportExportPage'),
  }),
] as const;
