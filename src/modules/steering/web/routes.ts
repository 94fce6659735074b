import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireSignedIn, rootRoute } from '../../../web/routing';
import { validateBudgetSearch } from './budget-search';
import { validateComparisonSearch } from './comparison-search';
import { validateDecisionsSearch } from './decisions-search';
import { validateIndicatorsSearch } from './indicators-search';

// Steering: every page needs a signed-in user (the API decides what each may see and do).
// Each page is its own chunk (lazyRouteComponent), loaded when first visited or preloaded on intent.
export const steeringRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./steering.page'), 'SteeringPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/mal',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./goals.page'), 'GoalsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/indikatorer',
    validateSearch: validateIndicatorsSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./indicators.page'), 'IndicatorsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/indikatorer/$key',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./indicator.page'), 'IndicatorPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/import',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./import.page'), 'ImportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/sammenligning',
    validateSearch: validateComparisonSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./comparison.page'), 'ComparisonPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/vedtak',
    validateSearch: validateDecisionsSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./decisions.page'), 'DecisionsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/vedtak/$id',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./decision.page'), 'DecisionPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/budsjett',
    validateSearch: validateBudgetSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./budget.page'), 'BudgetPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/budsjett/$code',
    validateSearch: validateBudgetSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./budget-area.page'), 'BudgetAreaPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/rapporter',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./reports.page'), 'ReportsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/rapporter/$id',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./report.page'), 'ReportPage'),
  }),
] as const;
