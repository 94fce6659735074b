// The route tree: the shell's own pages (home, accessibility, sign-in, audit log) and every
// module's routes, which the modules declare in their web/routes.ts and src/web/modules.ts lists.
// Every page except the not-found page is its own chunk (lazyRouteComponent), so the first load
// only carries the shell. Links preload a page's chunk on hover or focus (defaultPreload: 'intent').
import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { sessionQuery } from './data/session';
import { ErrorPage, PendingPage } from './components/route-states';
import { AppLayout } from './layout/app-layout';
import { moduleRoutes } from './modules';
import { validateAuditSearch } from './pages/audit-log/audit-search';
import { NotFoundPage } from './pages/not-found.page';
import { requireSignedIn, rootRoute, safeRedirect } from './routing';

rootRoute.update({ component: AppLayout, notFoundComponent: NotFoundPage });

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

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/revisjonslogg',
  validateSearch: validateAuditSearch,
  beforeLoad: requireSignedIn,
  component: lazyRouteComponent(() => import('./pages/audit-log/audit-log.page'), 'AuditLogPage'),
});

const routeTree = rootRoute.addChildren([homeRoute, accessibilityRoute, signInRoute, auditRoute, ...moduleRoutes]);

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
