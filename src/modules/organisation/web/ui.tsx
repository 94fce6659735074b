import './organisation.css';
import { Alert, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ModuleNav, type ModuleNavLink } from '../../../web/components/module-nav';
import { hasPermission, useSession } from '../../../web/data/session';
import { HrFeedAlert } from './hr-feed/hr-feed-alert';
import { useHrFeedI18n } from './hr-feed/i18n';
import { useOrgI18n } from './i18n';
import { usePostsI18n } from './posts/posts-i18n';

// Pieces shared by the organisation pages (and only theirs: the generic ones are the kit's, src/web/components).

/** The first day the organisation is recorded (the merger). */
export const datasetStart = '2020-01-01';

/** The module's own menu: overview, rules, analytics, scenarios, import and export; the HR feed's alert beside it. */
export function OrganisationNav({ date }: { date?: string }) {
  const { t } = useOrgI18n();
  const hrFeed = useHrFeedI18n();
  const posts = usePostsI18n();
  const approver = hasPermission(useSession().data, 'organisation:approve');
  // The pages that show the organisation on a day keep the as-of date.
  const search = date ? { dato: date } : undefined;
  // Scenarios and the HR feed are drafts and imports, read by those who may edit the organisation.
  const links: ModuleNavLink[] = [
    { to: '/organisasjon', label: t('nav.overview'), exact: true, search },
    { to: '/organisasjon/personer', label: t('people.nav'), search },
    { to: '/organisasjon/regler', label: t('nav.rules'), search },
    { to: '/organisasjon/analyse', label: t('nav.analytics'), search },
    { to: '/organisasjon/stillinger-og-arsverk', label: posts.t('nav.link'), search },
    // Those who approve reorganisations read scenarios too.
    { to: '/organisasjon/scenarioer', label: t('nav.scenarios'), permission: approver ? 'organisation:approve' : 'organisation:write' },
    { to: '/organisasjon/endre-flere-enheter', label: t('bulk.nav'), permission: 'organisation:write' },
    { to: '/organisasjon/import-eksport', label: t('nav.importExport'), search },
    { to: '/organisasjon/hr-innlesing', label: hrFeed.t('nav.link'), permission: 'organisation:write' },
  ];
  return <ModuleNav label={t('nav.label')} links={links} after={<HrFeedAlert />} />;
}

export function BeforeDatasetNote({ date }: { date: string }) {
  const { t, date: formatDate } = useOrgI18n();
  if (date >= datasetStart) return null;
  return (
    <Alert data-color="info">
      <Paragraph>{t('asOf.beforeDataset', { start: formatDate(datasetStart) })}</Paragraph>
    </Alert>
  );
}

/** A link to a unit, position or person page, carrying the as-of date. */
export function EntityLink({
  kind,
  id,
  date,
  children,
}: {
  kind: 'unit' | 'position' | 'person';
  id: string;
  date?: string;
  children: ReactNode;
}) {
  const search = { dato: date };
  const link =
    kind === 'unit' ? (
      <RouterLink to="/organisasjon/enheter/$id" params={{ id }} search={search}>
        {children}
      </RouterLink>
    ) : kind === 'position' ? (
      <RouterLink to="/organisasjon/stillinger/$id" params={{ id }} search={search}>
        {children}
      </RouterLink>
    ) : (
      <RouterLink to="/organisasjon/personer/$id" params={{ id }} search={search}>
        {children}
      </RouterLink>
    );
  return <Link asChild>{link}</Link>;
}

/** "Vacant", or the holders' names linked to their pages. */
export function Holders({ holders, date }: { holders: { personId: string; name: string }[]; date: string }) {
  const { t } = useOrgI18n();
  if (holders.length === 0) return <span className="kp-vacant">{t('common.vacant')}</span>;
  return (
    <>
      {holders.map((holder, index) => (
        <span key={holder.personId}>
          {index > 0 && ', '}
          <EntityLink kind="person" id={holder.personId} date={date}>
            {holder.name}
          </EntityLink>
        </span>
      ))}
    </>
  );
}
