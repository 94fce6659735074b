import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireSignedIn, rootRoute } from '../../../web/routing';

// Leader support: every page needs a signed-in user (the API decides what each may see and do).
// Each page is its own chunk (lazyRouteComponent), loaded when first visited or preloaded on intent.
export const leaderSupportRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./leader-support.page'), 'LeaderSupportPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/ny',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./new-request.page'), 'NewRequestPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/henvendelser',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./requests.page'), 'RequestsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/henvendelser/$number',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./request.page'), 'RequestPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/ko',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./queue.page'), 'QueuePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/kunnskapsbase',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./knowledge-base.page'), 'KnowledgeBasePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/kunnskapsbase/ny',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./article-edit.page'), 'ArticleEditPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/kunnskapsbase/$key',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./article.page'), 'ArticlePage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/kunnskapsbase/$key/endre',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./article-edit.page'), 'ArticleEditPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/tall',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./figures.page'), 'FiguresPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/innstillinger',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./settings.page'), 'SettingsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/varsler',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./notifications.page'), 'NotificationsPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/utboks',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./outbox.page'), 'OutboxPage'),
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lederstotte/webhooker',
    beforeLoad: requireSignedIn,
    component: lazyRouteComponent(() => import('./webhooks.page'), 'WebhooksPage'),
  }),
] as const;
