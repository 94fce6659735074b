import './module-nav.css';
import { Link as RouterLink, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { hasPermission, useSession } from '../data/session';

export interface ModuleNavLink {
  to: string;
  label: string;
  /** A permission from the API's list, or 'authenticated' for anyone signed in. None: everyone (a public page). */
  permission?: string;
  /** Current only on this exact path (a module's front page). */
  exact?: boolean;
  /** Search params the link carries (the as-of date); none by default. */
  search?: Record<string, string>;
  /** The module's own rule for when this link is the current page (e.g. pages reached through it). */
  current?: (pathname: string) => boolean;
  /** Shown after the label, inside the link (a count badge). */
  extra?: ReactNode;
}

/**
 * A module's own menu under the page title: each user sees the pages their permissions open, the current one
 * marked with `aria-current`. `after` is shown beside the list (an alert that belongs to the menu).
 *
 * @example
 * <ModuleNav label={t('nav.label')} links={[{ to: '/lederstotte', label: t('nav.home'), permission: 'authenticated', exact: true }]} />
 */
export function ModuleNav({ label, links, after }: { label: string; links: readonly ModuleNavLink[]; after?: ReactNode }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const { data: session } = useSession();
  const shown = links.filter((link) =>
    link.permission === undefined
      ? true
      : link.permission === 'authenticated'
        ? Boolean(session?.user)
        : hasPermission(session, link.permission),
  );
  return (
    <nav aria-label={label} className="kp-module-nav">
      <ul>
        {shown.map((link) => {
          const current = link.current
            ? link.current(pathname)
            : link.exact
              ? pathname === link.to
              : pathname === link.to || pathname.startsWith(`${link.to}/`);
          return (
            <li key={link.to}>
              {/* `current` decides; the router only adds it on an exact match, which agrees. */}
              <RouterLink
                to={link.to}
                search={link.search ?? {}}
                className="kp-module-nav__link ds-focus"
                aria-current={current ? 'page' : undefined}
                activeOptions={{ exact: true, includeSearch: false }}
              >
                {link.label}
                {link.extra !== undefined && link.extra !== null ? <> {link.extra}</> : null}
              </RouterLink>
            </li>
          );
        })}
      </ul>
      {after}
    </nav>
  );
}
