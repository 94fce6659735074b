import { ModuleNav } from '../../../web/components/module-nav';
import { useIdentityI18n, type IdentityKey } from './i18n';

const links: { to: string; label: IdentityKey; permission: string; exact?: boolean }[] = [
  { to: '/brukere', label: 'nav.users', permission: 'users:read', exact: true },
  { to: '/brukere/grupper', label: 'nav.groups', permission: 'users:read' },
  { to: '/omfordeling', label: 'nav.reassignments', permission: 'authenticated' },
];

/** The user administration's own menu, at the top of each of its pages. */
export function IdentityNav() {
  const { t } = useIdentityI18n();
  return <ModuleNav label={t('nav.label')} links={links.map((link) => ({ ...link, label: t(link.label) }))} />;
}
