import { ModuleNav } from '../../../web/components/module-nav';
import { useSteeringI18n, type SteeringKey } from './i18n';

// Pieces shared by the steering pages.

const links: { to: string; label: SteeringKey; permission: string; exact?: boolean }[] = [
  { to: '/styring', label: 'nav.overview', permission: 'steering:read', exact: true },
  { to: '/styring/mal', label: 'nav.goals', permission: 'steering:read' },
  { to: '/styring/indikatorer', label: 'nav.indicators', permission: 'steering:read' },
  { to: '/styring/sammenligning', label: 'nav.comparison', permission: 'steering:read' },
  { to: '/styring/vedtak', label: 'nav.decisions', permission: 'steering:read' },
  { to: '/styring/budsjett', label: 'nav.budget', permission: 'steering:read' },
  { to: '/styring/rapporter', label: 'nav.reports', permission: 'steering:read' },
  { to: '/styring/import', label: 'nav.import', permission: 'steering:write' },
];

/** The module's own menu: put it at the top of every page, inside <Page>. */
export function SteeringNav() {
  const { t } = useSteeringI18n();
  return <ModuleNav label={t('nav.label')} links={links.map((link) => ({ ...link, label: t(link.label) }))} />;
}
