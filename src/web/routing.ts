// What a module's routes need from the shell, and nothing more: the root route to hang them on,
// the router's context and the sign-in guard. Modules import this file, never the router
// (src/web/router.tsx), so the router can import the modules without a circle.
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, redirect, type AnyRoute, type ParsedLocation } from '@tanstack/react-router';
import type { ModuleKey } from './data/meta';
import { sessionQuery, type Session } from './data/session';
import type { MessageKey } from './i18n/i18n';

export type RouterContext = { queryClient: QueryClient };

// Its frame (AppLayout) and not-found page are set in router.tsx: the layout shows the modules'
// menu entries, so importing it here would lead back from every module's routes to the modules.
export const rootRoute = createRootRouteWithContext<RouterContext>()({});

/** For pages that need a signed-in user: anyone else goes to sign-in, and comes back afterwards. */
export async function requireSignedIn({ context, location }: { context: RouterContext; location: ParsedLocation }) {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session.user) throw redirect({ to: '/logg-inn', search: { redirect: location.href } });
}

/** Only same-site paths: a crafted link must not send users elsewhere after signing in. */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}

/** An entry in the main menu besides a domain module's own (which is its `path`). */
export type MenuEntry = {
  /** Where it goes: a literal path, checked against the route tree where the menu renders it. */
  to: string;
  /** Its words, in the shell dictionary: the menu is the shell's. */
  label: MessageKey;
  /** Before the domain modules (citizens' ways in) or after them (administration). */
  group: 'citizens' | 'administration';
  /** Shown only to those it is for; the route's guard and the API decide access all the same. */
  shownTo?: (session: Session | undefined) => boolean;
};

/** What a module's web index (`src/modules/<m>/web/index.ts`) gives the shell. */
export type WebModule = {
  /** The module's name, as on the server. */
  key: string;
  routes: readonly AnyRoute[];
  menu: readonly MenuEntry[];
};

/**
 * A domain module: also a front page, which is its main-menu entry and its card on the home page
 * (its name and summary are `module.<key>.name` and `.summary` in the shell dictionary).
 */
export type DomainWebModule = WebModule & { key: ModuleKey; path: string };
