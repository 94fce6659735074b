import './organisation.css';
import { Alert, Button, ErrorSummary, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { Link as RouterLink, useRouterState } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import { useI18n } from '../../../web/i18n/i18n';
import { HrFeedAlert } from './hr-feed/hr-feed-alert';
import { useHrFeedI18n } from './hr-feed/i18n';
import { useOrgI18n } from './i18n';
import { isIsoDate } from './search-params';

// Pieces shared by the organisation pages.

/** The first day the organisation is recorded (the merger). */
export const datasetStart = '2020-01-01';

/** The module's own menu: overview, rules, analytics, scenarios, import and export. */
export function OrganisationNav({ date }: { date?: string }) {
  const { t } = useOrgI18n();
  const hrFeed = useHrFeedI18n();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const { data: session } = useSession();
  const search = date ? { dato: date } : {};
  const links = [
    { to: '/organisasjon', label: t('nav.overview'), exact: true },
    { to: '/organisasjon/regler', label: t('nav.rules') },
    { to: '/organisasjon/analyse', label: t('nav.analytics') },
    { to: '/organisasjon/scenarioer', label: t('nav.scenarios'), noDate: true },
    { to: '/organisasjon/import-eksport', label: t('nav.importExport') },
    { to: '/organisasjon/hr-innlesing', label: hrFeed.t('nav.link'), noDate: true },
  ] as const;
  return (
    <nav aria-label={t('nav.label')} className="kp-subnav">
      <ul>
        {links
          // Scenarios are drafts, read by those who may edit the organisation.
          .filter((link) => !('noDate' in link) || hasPermission(session, 'organisation:write'))
          .map((link) => {
            const current = 'exact' in link ? pathname === link.to : pathname.startsWith(link.to);
            return (
              <li key={link.to}>
                <RouterLink
                  to={link.to}
                  search={'noDate' in link ? {} : search}
                  className="kp-subnav__link ds-focus"
                  aria-current={current ? 'page' : undefined}
                  activeOptions={{ exact: true, includeSearch: false }}
                >
                  {link.label}
                </RouterLink>
              </li>
            );
          })}
      </ul>
      <HrFeedAlert />
    </nav>
  );
}

/**
 * The as-of date. Applied on submit (a date field fires changes while the year is still being
 * typed), and kept in the URL by the page.
 */
export function AsOfDateForm({ date, onChange, label }: { date: string; onChange: (date: string) => void; label?: string }) {
  const { t, date: formatDate } = useOrgI18n();
  const [draft, setDraft] = useState(date);
  const [shownFor, setShownFor] = useState(date);
  if (shownFor !== date) {
    // The URL changed (e.g. "Back"): show its date.
    setShownFor(date);
    setDraft(date);
  }
  const invalid = draft !== '' && !isIsoDate(draft);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isIsoDate(draft)) onChange(draft);
  };
  return (
    <form className="kp-asof" onSubmit={submit} noValidate>
      <Textfield
        label={label ?? t('asOf.label')}
        description={t('asOf.description', { date: formatDate(date) })}
        type="date"
        min="1900-01-01"
        max="2999-12-31"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        error={invalid ? t('asOf.invalid') : undefined}
        data-size="sm"
      />
      <Button type="submit" variant="secondary" data-size="sm">
        {t('asOf.show')}
      </Button>
    </form>
  );
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

export function SectionHeading({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <Heading level={2} data-size="sm" id={id} className="kp-org-section__heading">
      {children}
    </Heading>
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
  heading,
}: {
  error: unknown;
  onReload: () => void;
  fieldIds?: Record<string, string>;
  /** What failed, e.g. «The scenario was not applied»; «The change was not saved» by default. */
  heading?: string;
}) {
  const { t } = useOrgI18n();
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
      <ErrorSummary.Heading level={3}>{heading ?? t('write.failed')}</ErrorSummary.Heading>
      {/* A command's refusal that names one field says it there and in the link below: once is enough here. */}
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

/** A facts list: term and value pairs. */
export function Facts({ items }: { items: { term: string; value: ReactNode }[] }) {
  return (
    <dl className="kp-facts">
      {items.map((item) => (
        <div key={item.term} className="kp-facts__item">
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
