import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type ParsedLocation,
} from '@tanstack/react-router';
import { sessionQuery } from './data/session';
import { ErrorPage, PendingPage } from './components/route-states';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './pages/not-found.page';
import { validateAnalyticsSearch, validateAsOfSearch, validateOverviewSearch } from '../modules/organisation/web/search-params';
import { validateFindServiceSearch } from '../modules/places/web/search-params';
import { districtQuery, hubQuery, serviceQuery } from '../modules/places/web/api';
import { districtNumber } from '../modules/places/web/search-params';
import { validateBudgetSearch } from '../modules/steering/web/budget-search';
import { validateComparisonSearch } from '../modules/steering/web/comparison-search';
import { validateDecisionsSearch } from '../modules/steering/web/decisions-search';
import { validateIndicatorsSearch } from '../modules/steering/web/indicators-search';
import { validatePortfolioSearch } from '../modules/portfolio/web/overview-search';
import { validateBenefitsSearch } from '../modules/portfolio/web/benefits-search';
import { validateRoadmapSearch } from '../modules/portfolio/web/roadmap-search';
import { validateUserSearch, validateUsersSearch } from '../modules/identity/web/search-params';

export type RouterContext = { queryClient: QueryClient };

// Every page except the not-found page is its own chunk (lazyRouteComponent),
// so the first load only carries the shell. Links preload a page's chunk on
// hover or focus (defaultPreload: 'intent').

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/home.page'), 'HomePage'),
});

const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tilgjengelighet',
  component: lazyRouteComponent(() => import('./pages/accessibility.page'), 'AccessibilityPage'),
});

export type SignInSearch = { redirect?: string; feil?: string };

/** Only same-site paths: a crafted link must not send users elsewhere after signing in. */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/logg-inn',
  // Set the key even when undefined: the router merges validated search over
  // the raw one, so an omitted key would let the unchecked value through.
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    redirect: safeRedirect(search.redirect),
    feil: typeof search.feil === 'string' && /^[a-z_]{1,40}$/.test(search.feil) ? search.feil : undefined,
  }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery).catch(() => null);
    // Already signed in: go straight on. (If the session could not be read,
    // show the form; signing in will tell what is wrong.)
    if (session?.user) throw redirect({ href: search.redirect ?? '/' });
  },
  component: lazyRouteComponent(() => import('./pages/sign-in.page'), 'SignInPage'),
});

/** For pages that need a signed-in user: anyone else goes to sign-in, and comes back afterwards. */
async function requireSignedIn({ context, location }: { context: RouterContext; location: ParsedLocation }) {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session.user) throw redirect({ to: '/logg-inn', search: { redirect: location.href } });
}

export type AuditSearch = {
  entityType?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page?: number;
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validateAuditSearch(search: Record<string, unknown>): AuditSearch {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const date = (value: unknown) => (typeof value === 'string' && isoDate.test(value) ? value : undefined);
  const page = Number(search.page);
  return {
    entityType: text(search.entityType),
    action: text(search.action),
    actor: text(search.actor),
    from: date(search.from),
    to: date(search.to),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/revisjonslogg',
  validateSearch: validateAuditSearch,
  beforeLoad: requireSignedIn,
  component: lazyRouteComponent(() => import('./pages/audit-log/audit-log.page'), 'AuditLogPage'),
});

// The organisation module: every page needs a signed-in user (the API does too), and each is
// its own chunk. The as-of date travels in `?dato=` so a view can be bookmarked and shared.
const organisationRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon',
    validateSearch: validateOverviewSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/organisation/web/organisation.page'), 'OrganisationPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/enheter/$id',
    validateSearch: validateAsOfSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/organisation/web/unit.page'), 'UnitPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/stillinger/$id',
    validateSearch: validateAsOfSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/organisation/web/position.page'), 'PositionPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/personer/$id',
    validateSearch: validateAsOfSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/organisation/web/person.page'), 'PersonPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/regler',
    validateSearch: validateAsOfSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/organisation/web/rules.page'), 'RulesPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/analyse',
    validateSearch: validateAnalyticsSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/organisation/web/analytics.page'), 'AnalyticsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/scenarioer',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/organisation/web/scenarios.page'), 'ScenariosPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/scenarioer/$id',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/organisation/web/scenario.page'), 'ScenarioPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/import-eksport',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/organisation/web/import-export.page'), 'ImportExportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/organisasjon/hr-innlesing',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/organisation/web/hr-feed.page'), 'HrFeedPage'),
  }),
] as const;

// The places module: «Finn tjeneste» and the district, hub and service pages are public (citizens
// need no sign-in, and neither does the API); the staff pages (coverage matrix, co-location,
// proximity report, import and export) need a signed-in user.
const placesRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/finn-tjeneste',
    validateSearch: validateFindServiceSearch,
    component: lazyRouteComponent(() => import('../modules/places/web/find-service.page'), 'FindServicePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester',
    component: lazyRouteComponent(() => import('../modules/places/web/places.page'), 'PlacesPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/kommunedeler/$number',
    // The page's data is asked for while its code loads, not after: citizens on slow phones see it sooner.
    loader: ({ context, params }) => {
      const number = districtNumber(params.number);
      if (number !== undefined) void context.queryClient.prefetchQuery(districtQuery(number));
    },
    component: lazyRouteComponent(() => import('../modules/places/web/district.page'), 'DistrictPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/knutepunkter/$id',
    loader: ({ context, params }) => void context.queryClient.prefetchQuery(hubQuery(params.id)),
    component: lazyRouteComponent(() => import('../modules/places/web/hub.page'), 'HubPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/tjenester/$id',
    loader: ({ context, params }) => void context.queryClient.prefetchQuery(serviceQuery(params.id)),
    component: lazyRouteComponent(() => import('../modules/places/web/service.page'), 'ServicePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/dekning',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/places/web/coverage.page'), 'CoveragePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/samlokalisering',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/places/web/co-location.page'), 'CoLocationPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/naerhetsrapport',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/places/web/report.page'), 'ReportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/steder-og-tjenester/import-eksport',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/places/web/import-export.page'), 'PlacesImportExportPage'),
  }),
] as const;

// Leader support: every page needs a signed-in user (the API decides what each may see and do).
const leaderSupportRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/leader-support.page'), 'LeaderSupportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/ny',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/new-request.page'), 'NewRequestPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/henvendelser',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/requests.page'), 'RequestsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/henvendelser/$number',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/request.page'), 'RequestPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/ko',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/queue.page'), 'QueuePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/kunnskapsbase',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/knowledge-base.page'), 'KnowledgeBasePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/kunnskapsbase/ny',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/article-edit.page'), 'ArticleEditPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/kunnskapsbase/$key',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/article.page'), 'ArticlePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/kunnskapsbase/$key/endre',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/article-edit.page'), 'ArticleEditPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/tall',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/figures.page'), 'FiguresPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/innstillinger',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/settings.page'), 'SettingsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/varsler',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/notifications.page'), 'NotificationsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/utboks',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/outbox.page'), 'OutboxPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/webhooker',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/leader-support/web/webhooks.page'), 'WebhooksPage'),
  }),
] as const;

// Steering: every page needs a signed-in user (the API decides what each may see and do).
const steeringRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/steering.page'), 'SteeringPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/mal',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/goals.page'), 'GoalsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/indikatorer',
    validateSearch: validateIndicatorsSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/indicators.page'), 'IndicatorsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/indikatorer/$key',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/indicator.page'), 'IndicatorPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/import',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/import.page'), 'ImportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/sammenligning',
    validateSearch: validateComparisonSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/comparison.page'), 'ComparisonPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/vedtak',
    validateSearch: validateDecisionsSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/decisions.page'), 'DecisionsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/vedtak/$id',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/decision.page'), 'DecisionPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/budsjett',
    validateSearch: validateBudgetSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/budget.page'), 'BudgetPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/budsjett/$code',
    validateSearch: validateBudgetSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/budget-area.page'), 'BudgetAreaPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/rapporter',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/reports.page'), 'ReportsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/styring/rapporter/$id',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/steering/web/report.page'), 'ReportPage'),
  }),
] as const;

// Portfolio management: every page needs a signed-in user.
const portfolioRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje',
    validateSearch: validatePortfolioSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/portfolio/web/portfolio.page'), 'PortfolioPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/nytt',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/portfolio/web/new-initiative.page'), 'NewInitiativePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/initiativ/$number',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/portfolio/web/initiative.page'), 'InitiativePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/veikart',
    validateSearch: validateRoadmapSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/portfolio/web/roadmap.page'), 'RoadmapPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/styret',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/portfolio/web/board.page'), 'BoardPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/styret/moter/$id',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/portfolio/web/meeting.page'), 'MeetingPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/prioritering',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/portfolio/web/prioritisation.page'), 'PrioritisationPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/kapasitet',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/portfolio/web/capacity.page'), 'CapacityPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/portefolje/gevinster',
    validateSearch: validateBenefitsSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/portfolio/web/benefits.page'), 'BenefitsPage'),
  }),
] as const;

// User administration (identity module): the API decides what each may see; the reassignment list
// is for leaders and administrators, and shows anyone else an empty list.
const identityRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/brukere',
    validateSearch: validateUsersSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/identity/web/users.page'), 'UsersPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/brukere/grupper',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/identity/web/group-mappings.page'), 'GroupMappingsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/brukere/$userId',
    validateSearch: validateUserSearch,
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/identity/web/user.page'), 'UserPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/omfordeling',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('../modules/identity/web/reassignments.page'), 'ReassignmentsPage'),
  }),
] as const;

const routeTree = rootRoute.addChildren([
  homeRoute,
  accessibilityRoute,
  signInRoute,
  auditRoute,
  ...organisationRoutes,
  ...placesRoutes,
  ...leaderSupportRoutes,
  ...portfolioRoutes,
  ...steeringRoutes,
  ...identityRoutes,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: PendingPage,
    defaultErrorComponent: ErrorPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
