import './places.css';
import { Details, Link } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ModuleNav, type ModuleNavLink } from '../../../web/components/module-nav';
import type { Offering, OpeningHours, WeeklyTime } from '../places.schemas';
import { modeKey, usePlacesI18n } from './i18n';

// Pieces shared by the places pages.

/**
 * The module's own menu. Citizens see «Finn tjeneste» and the districts; signed-in staff also the
 * coverage matrix, the co-location view, the proximity report and import and export.
 */
export function PlacesNav() {
  const { t } = usePlacesI18n();
  const staff = 'places:read';
  const links: ModuleNavLink[] = [
    { to: '/finn-tjeneste', label: t('nav.find') },
    // The public pages of a district, hub or service belong under «Kommunedeler».
    { to: '/steder-og-tjenester', label: t('nav.districts'), current: (pathname) => publicPages.test(pathname) },
    { to: '/steder-og-tjenester/dekning', label: t('nav.coverage'), permission: staff },
    { to: '/steder-og-tjenester/samlokalisering', label: t('nav.coLocation'), permission: staff },
    { to: '/steder-og-tjenester/naerhetsrapport', label: t('nav.report'), permission: staff },
    { to: '/steder-og-tjenester/import-eksport', label: t('nav.importExport'), permission: staff },
  ];
  return <ModuleNav label={t('nav.label')} links={links} />;
}

const publicPages = /^\/steder-og-tjenester(\/(kommunedeler|knutepunkter|tjenester)\/.*)?$/;

/** Links to the public pages. */
export function ServiceLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Link asChild>
      <RouterLink to="/steder-og-tjenester/tjenester/$id" params={{ id }}>
        {children}
      </RouterLink>
    </Link>
  );
}

export function DistrictLink({ number, children }: { number: number; children: ReactNode }) {
  return (
    <Link asChild>
      <RouterLink to="/steder-og-tjenester/kommunedeler/$number" params={{ number: String(number) }}>
        {children}
      </RouterLink>
    </Link>
  );
}

export function HubLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Link asChild>
      <RouterLink to="/steder-og-tjenester/knutepunkter/$id" params={{ id }}>
        {children}
      </RouterLink>
    </Link>
  );
}

/** A table cell naming a hub, linked to its page; `none` where there is no hub. */
export function hubCell(hub: { id: string; name: string } | null | undefined, none: string): ReactNode {
  return hub ? (
    <HubLink key="h" id={hub.id}>
      {hub.name}
    </HubLink>
  ) : (
    none
  );
}

/** An editor folded away on a page, opened by the editors who need it. */
export function EditorDetails({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <Details>
      <Details.Summary>{summary}</Details.Summary>
      <Details.Content>{children}</Details.Content>
    </Details>
  );
}

/** What the sources do not say: shown as unknown, never guessed. */
export function Unknown() {
  const { t } = usePlacesI18n();
  return <span className="kp-places-unknown">{t('common.unknown')}</span>;
}

/** «mandag 09:00–15:00, torsdag 12:00–16:00» */
export function useTimes() {
  const { weekday } = usePlacesI18n();
  return {
    weekly: (times: WeeklyTime[]) => times.map((time) => `${weekday(time.weekday)} ${time.from}–${time.to}`).join(', '),
    opening: (hours: OpeningHours[]) => hours.map((h) => `${weekday(h.weekday)} ${h.opens}–${h.closes}`).join(', '),
  };
}

/** When a service is there: how (always, weekly, rotating, a period), the times, the note. Unknown when not recorded. */
export function OfferingWhen({ offering }: { offering: Offering }) {
  const { t, period } = usePlacesI18n();
  const times = useTimes();
  const parts: string[] = [];
  if (offering.mode) parts.push(t(modeKey(offering.mode)));
  if (offering.weeklyTimes && offering.weeklyTimes.length > 0) parts.push(times.weekly(offering.weeklyTimes));
  if (offering.mode === 'extended_period') parts.push(period(offering.validFrom, offering.validTo));
  if (offering.scheduleNote) parts.push(offering.scheduleNote);
  if (parts.length === 0) return <Unknown />;
  return <>{parts.join('. ')}</>;
}

/** A table row for a service offered: the service, where and when (headers offering.service, .where, .when). */
export function offeringRow(offering: Offering) {
  return {
    key: offering.coverageId,
    cells: [
      <ServiceLink key="s" id={offering.serviceId}>
        {offering.displayName}
      </ServiceLink>,
      <OfferingWhere key="where" offering={offering} />,
      <OfferingWhen key="when" offering={offering} />,
    ],
  };
}

/** Where a service is: the site and its address, or unknown. */
export function OfferingWhere({ offering }: { offering: Offering }) {
  if (!offering.site) return <Unknown />;
  return (
    <>
      {offering.site.name}
      {offering.site.address ? `, ${offering.site.address}` : ''}
    </>
  );
}
