import './places.css';
import { Alert, Button, ErrorSummary, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ApiError, errorMessage } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import { useI18n } from '../../../web/i18n/i18n';
import type { Offering, OpeningHours, WeeklyTime } from '../places.schemas';
import { modeKey, usePlacesI18n } from './i18n';

// Pieces shared by the places pages.

/**
 * The module's own menu. Citizens see «Finn tjeneste» and the districts; signed-in staff also the
 * coverage matrix, the co-location view, the proximity report and import and export.
 */
export function PlacesNav() {
  const { t } = usePlacesI18n();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const { data: session } = useSession();
  const staff = hasPermission(session, 'places:read');
  // The public pages of a district, hub or service belong under «Kommunedeler».
  const publicPages = /^\/steder-og-tjenester(\/(kommunedeler|knutepunkter|tjenester)\/.*)?$/;
  const links = [
    { to: '/finn-tjeneste', label: t('nav.find'), current: pathname.startsWith('/finn-tjeneste') },
    { to: '/steder-og-tjenester', label: t('nav.districts'), current: publicPages.test(pathname) },
    ...(staff
      ? [
          { to: '/steder-og-tjenester/dekning', label: t('nav.coverage') },
          { to: '/steder-og-tjenester/samlokalisering', label: t('nav.coLocation') },
          { to: '/steder-og-tjenester/naerhetsrapport', label: t('nav.report') },
          { to: '/steder-og-tjenester/import-eksport', label: t('nav.importExport') },
        ].map((link) => ({ ...link, current: pathname.startsWith(link.to) }))
      : []),
  ] as const;
  return (
    <nav aria-label={t('nav.label')} className="kp-places-subnav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            {/* `current` decides; the router only adds it on an exact match, which agrees. */}
            <RouterLink
              to={link.to}
              className="kp-places-subnav__link ds-focus"
              aria-current={link.current ? 'page' : undefined}
              activeOptions={{ exact: true, includeSearch: false }}
            >
              {link.label}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

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

export function SectionHeading({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <Heading level={2} data-size="sm" id={id} className="kp-places-section__heading">
      {children}
    </Heading>
  );
}

/** What the sources do not say: shown as unknown, never guessed. */
export function Unknown() {
  const { t } = usePlacesI18n();
  return <span className="kp-places-unknown">{t('common.unknown')}</span>;
}

/** A facts list: term and value pairs. */
export function Facts({ items }: { items: { term: string; value: ReactNode }[] }) {
  return (
    <dl className="kp-places-facts">
      {items.map((item) => (
        <div key={item.term} className="kp-places-facts__item">
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A table with a caption; says so in words when there are no rows. */
export function DataTable({
  caption,
  headers,
  rows,
  empty,
  rowHeaders = false,
}: {
  caption: string;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
  empty: string;
  /** The first cell of each row names the row (a th with scope row). */
  rowHeaders?: boolean;
}) {
  if (rows.length === 0) {
    return (
      <Paragraph>
        <strong>{caption}:</strong> {empty}
      </Paragraph>
    );
  }
  return (
    <div className="kp-table-scroll">
      <Table zebra data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {headers.map((header) => (
              <Table.HeaderCell key={header}>{header}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 && rowHeaders ? (
                  <Table.HeaderCell key={i} scope="row">
                    {cell}
                  </Table.HeaderCell>
                ) : (
                  <Table.Cell key={i}>{cell}</Table.Cell>
                ),
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
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

/**
 * The frame of a detail page: loading, a not-found or other error with its own title, then the
 * page. `children` gets the loaded record.
 */
export function DetailPage<T>({
  query,
  fallbackTitle,
  loadingLabel,
  title,
  header,
  children,
}: {
  query: ReturnType<typeof useQuery<T>>;
  header?: ReactNode;
  fallbackTitle: string;
  loadingLabel: string;
  title: (data: T) => string;
  children: (data: T) => ReactNode;
}) {
  const { t } = usePlacesI18n();
  if (query.isPending) {
    return (
      <Page title={fallbackTitle}>
        {header}
        <Loading label={loadingLabel} />
      </Page>
    );
  }
  if (query.isError) {
    const notFound = (query.error as { status?: number }).status === 404;
    return (
      <Page title={notFound ? t('common.notFound') : fallbackTitle}>
        {header}
        <ErrorAlert error={query.error} onRetry={notFound ? undefined : () => void query.refetch()} />
      </Page>
    );
  }
  return (
    <Page title={title(query.data)}>
      {header}
      {children(query.data)}
    </Page>
  );
}

/**
 * The server's message per field, from `details`: a schema refusal lists `[{ path, problem }]`;
 * a command's refusal names one field (`{ path }`) and its main message says what is wrong.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return {};
  const result: Record<string, string> = {};
  const fieldOf = (path: unknown) => (typeof path === 'string' ? path.replace(/^\//, '').split(/[/.]/)[0] : undefined);
  if (Array.isArray(error.details)) {
    for (const item of error.details as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const { path, problem } = item as { path?: unknown; problem?: unknown };
      const name = fieldOf(path);
      if (name && typeof problem === 'string' && !result[name]) result[name] = problem;
    }
  } else {
    const name = fieldOf((error.details as { path?: unknown }).path);
    if (name) result[name] = error.message;
  }
  return result;
}

/**
 * What a refused write says: «someone else changed it» with a reload button for a stale revision,
 * otherwise the server's message (and its field messages) in an error summary linking to the fields.
 */
export function WriteError({
  error,
  onReload,
  fieldIds = {},
}: {
  error: unknown;
  onReload: () => void;
  fieldIds?: Record<string, string>;
}) {
  const { t } = usePlacesI18n();
  const { language } = useI18n();
  if (!error) return null;
  if (error instanceof ApiError && error.code === 'stale') {
    return (
      <Alert data-color="warning" role="alert">
        <Paragraph>{t('write.stale')}</Paragraph>
        <Button variant="secondary" data-size="sm" onClick={onReload}>
          {t('write.reload')}
        </Button>
      </Alert>
    );
  }
  const fields = fieldErrors(error);
  const linked = Object.entries(fields).filter(([name]) => fieldIds[name]);
  return (
    <ErrorSummary>
      <ErrorSummary.Heading level={3}>{t('write.failed')}</ErrorSummary.Heading>
      {!linked.some(([, message]) => message === errorMessage(error, language)) && <Paragraph>{errorMessage(error, language)}</Paragraph>}
      {linked.length > 0 && (
        <ErrorSummary.List>
          {linked.map(([name, message]) => (
            <ErrorSummary.Item key={name}>
              <ErrorSummary.Link href={`#${fieldIds[name]}`}>{message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      )}
    </ErrorSummary>
  );
}

export { useFocusWhen } from '../../../web/components/use-focus-when';
