import { Link } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ModuleNav } from '../../../web/components/module-nav';
import { usePortfolioI18n, type PortfolioKey } from './i18n';

// Pieces shared by the portfolio pages.

const links: { to: string; label: PortfolioKey; permission: string; exact?: boolean }[] = [
  { to: '/portefolje', label: 'nav.overview', permission: 'portfolio:read', exact: true },
  { to: '/portefolje/nytt', label: 'nav.new', permission: 'portfolio:propose' },
  { to: '/portefolje/veikart', label: 'nav.roadmap', permission: 'portfolio:read' },
  { to: '/portefolje/styret', label: 'nav.board', permission: 'portfolio:read' },
  { to: '/portefolje/prioritering', label: 'nav.prioritisation', permission: 'portfolio:read' },
  { to: '/portefolje/kapasitet', label: 'nav.capacity', permission: 'portfolio:read' },
  { to: '/portefolje/gevinster', label: 'nav.benefits', permission: 'portfolio:read' },
];

/** The module's own menu: put it at the top of every page, inside <Page>. */
export function PortfolioNav() {
  const { t } = usePortfolioI18n();
  return <ModuleNav label={t('nav.label')} links={links.map((link) => ({ ...link, label: t(link.label) }))} />;
}

/** A link to one initiative's page, by its number. */
export function InitiativeLink({ number, children }: { number: number | string; children: ReactNode }) {
  return (
    <Link asChild>
      <RouterLink to="/portefolje/initiativ/$number" params={{ number: String(number) }}>
        {children}
      </RouterLink>
    </Link>
  );
}
