import { ModuleNav, type ModuleNavLink } from '../../../web/components/module-nav';
import { useSupportI18n, type SupportKey } from './i18n';
import { UnreadNotificationsCount } from './notifications-badge';

// Pieces shared by the leader-support pages.

const links: (Omit<ModuleNavLink, 'label'> & { label: SupportKey })[] = [
  { to: '/lederstotte', label: 'nav.home', permission: 'authenticated', exact: true },
  { to: '/lederstotte/ny', label: 'nav.new', permission: 'leader_support:submit' },
  { to: '/lederstotte/henvendelser', label: 'nav.mine', permission: 'leader_support:submit' },
  { to: '/lederstotte/ko', label: 'nav.queue', permission: 'leader_support:handle' },
  { to: '/lederstotte/kunnskapsbase', label: 'nav.knowledge', permission: 'authenticated' },
  { to: '/lederstotte/tall', label: 'nav.figures', permission: 'leader_support:report' },
  { to: '/lederstotte/varsler', label: 'nav.notifications', permission: 'authenticated', extra: <UnreadNotificationsCount /> },
  { to: '/lederstotte/innstillinger', label: 'nav.settings', permission: 'leader_support:configure' },
  { to: '/lederstotte/utboks', label: 'nav.outbox', permission: 'leader_support:configure' },
  { to: '/lederstotte/webhooker', label: 'nav.webhooks', permission: 'leader_support:configure' },
];

/** The module's own menu: each user sees the pages their permissions open; «Varsler» with the unread count. */
export function SupportNav() {
  const { t } = useSupportI18n();
  return <ModuleNav label={t('nav.label')} links={links.map((link) => ({ ...link, label: t(link.label) }))} />;
}
