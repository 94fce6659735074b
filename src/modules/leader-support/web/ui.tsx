import './leader-support.css';
import { Link as RouterLink, useRouterState } from '@tanstack/react-router';
import { hasPermission, useSession } from '../../../web/data/session';
import { useSupportI18n, type SupportKey } from './i18n';
import { UnreadNotificationsCount } from './notifications-badge';

// Pieces shared by the leader-support pages.

type NavLink = { to: string; label: SupportKey; permission: string; exact?: boolean };

const links: NavLink[] = [
  { to: '/lederstotte', label: 'nav.home', permission: 'authenticated', exact: true },
  { to: '/lederstotte/ny', label: 'nav.new', permission: 'leader_support:submit' },
  { to: '/lederstotte/henvendelser', label: 'nav.mine', permission: 'leader_support:submit' },
  { to: '/lederstotte/ko', label: 'nav.queue', permission: 'leader_support:handle' },
  { to: '/lederstotte/kunnskapsbase', label: 'nav.knowledge', permission: 'authenticated' },
  { to: '/lederstotte/tall', label: 'nav.figures', permission: 'leader_support:report' },
  { to: '/lederstotte/varsler', label: 'nav.notifications', permission: 'authenticated' },
  { to: '/lederstotte/innstillinger', label: 'nav.settings', permission: 'leader_support:configure' },
  { to: '/lederstotte/utboks', label: 'nav.outbox', permission: 'leader_support:configure' },
  { to: '/lederstotte/webhooker', label: 'nav.webhooks', permission: 'leader_support:configure' },
];

/** The module's own menu: each user sees the pages their permissions open. */
export function SupportNav() {
  const { t } = useSupportI18n();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const { data: session } = useSession();
  const shown = links.filter((link) =>
    link.permission === 'authenticated' ? Boolean(session?.user) : hasPermission(session, link.permission),
  );
  return (
    <nav aria-label={t('nav.label')} className="kp-support-subnav">
      <ul>
        {shown.map((link) => {
          const current = link.exact ? pathname === link.to : pathname === link.to || pathname.startsWith(`${link.to}/`);
          return (
            <li key={link.to}>
              <RouterLink
                to={link.to}
                className="kp-support-subnav__link ds-focus"
                aria-current={current ? 'page' : undefined}
                activeOptions={{ exact: true, includeSearch: false }}
              >
                {t(link.label)}
                {link.to === '/lederstotte/varsler' && session?.user ? (
                  <>
                    {' '}
                    <UnreadNotificationsCount />
                  </>
                ) : null}
              </RouterLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
