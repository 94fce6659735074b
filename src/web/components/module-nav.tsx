import './module-nav.css';
import { Link as RouterLink, useRouterState } from '@tanstack/react-router';
import { hasPermission, useSession } from '../data/session';

export interface ModuleNavLink {
  to: string;
  label: string;
  /** A permission from the API's list, or 'authenticated' for anyone signed in. */
  permission: string;
  /** Current only on this exact path (a module's front page). */
  exact?: boolean;
}

/** A module's own menu under the page title: each user sees the pages their permissions open. */
export function ModuleNav({ label, links }: { label: string; links: readonly ModuleNavLink[] }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const { data: session } = useSession();
  const shown = links.filter((link) =>
    link.permission === 'authenticated' ? Boolean(session?.user) : hasPermission(session, link.permission),
  );
  return (
    <nav aria-label={label} className="kp-module-nav">
      <ul>
        {shown.map((link) => {
          const current = link.exact ? pathname === link.to : pathname === link.to || pathname.startsWith(`${link.to}/`);
          return (
            <li key={link.to}>
              <RouterLink
                to={link.to}
                className="kp-module-nav__link ds-focus"
                aria-current={current ? 'page' : undefined}
                activeOptions={{ exact: true, includeSearch: false }}
              >
                {link.label}
              </RouterLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
