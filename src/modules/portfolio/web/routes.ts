import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireSignedIn, rootRoute } from '../../../web/routing';
import { validateBenefitsSearch } from './benefits-search';
import { validatePortfolioSearch } from './overview-search';
import { validateRoadmapSearch } from './roadmap-search';

// Portfolio management: every page needs a signed-in user.
// Each page is its own chunk (lazyRouteComponent), loaded when first visited or preloaded on intent.
export const portfolioRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje',
    validateSearch: validatePortfolioSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./portfolio.page'), 'PortfolioPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/nytt',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./new-initiative.page'), 'NewInitiativePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/initiativ/$number',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./initiative.page'), 'InitiativePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/veikart',
    validateSearch: validateRoadmapSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./roadmap.page'), 'RoadmapPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/styret',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./board.page'), 'BoardPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/styret/moter/$id',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./meeting.page'), 'MeetingPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/prioritering',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./prioritisation.page'), 'PrioritisationPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/kapasitet',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./capacity.page'), 'CapacityPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/gevinster',
    validateSearch: validateBenefitsSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./benefits.page'), 'BenefitsPage'),
  }),
] as const;
