import { Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { AsOfDateForm } from '../../../web/components/as-of-date';
import { Page } from '../../../web/components/page';
import { PageNavigation } from '../../../web/components/pagination';
import { ErrorAlert } from '../../../web/components/status';
import type { PeopleSearchHit } from '../people.schemas';
import { todayInNorway, useOrgI18n } from './i18n';
import { peopleSearchQuery } from './people-api';
import { PersonPhoto } from './people-parts';
import { EntityLink, OrganisationNav } from './ui';

const route = getRouteApi('/organisasjon/personer');

/**
 * «Personer»: find a person by name, employee number, position title or unit, as of a date. The
 * URL holds the search (`?q=…&dato=…&side=…`), so a result can be shared and «Back» returns to it.
 */
export function PeoplePage() {
  const { t, date: formatDate } = useOrgI18n();
  const ids = useId();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const date = search.dato ?? todayInNorway();
  const page = search.side ?? 1;
  const q = search.q ?? '';

  // The field's draft; the URL holds the search made. A new URL (e.g. «Back») resets the draft.
  const [draft, setDraft] = useState(q);
  const [shownFor, setShownFor] = useState(q);
  if (shownFor !== q) {
    setShownFor(q);
    setDraft(q);
  }
  const results = useQuery(peopleSearchQuery(q, date, page));
  const data = q && results.data && !results.isError ? results.data : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ search: { q: draft.trim() || undefined, dato: search.dato, side: undefined } });
  };

  const status = !q
    ? t('people.prompt')
    : !data
      ? results.isFetching
        ? t('people.searching')
        : ''
      : data.total === 0
        ? t('people.none', { q: data.q, date: formatDate(data.date) })
        : data.more
          ? t('people.countMore', { count: data.total, q: data.q, date: formatDate(data.date) })
          : t('people.count', { count: data.total, q: data.q, date: formatDate(data.date) });
  const totalPages = data ? Math.ceil(data.total / data.pageSize) : 0;

  return (
    <Page title={t('people.title')}>
      <OrganisationNav date={search.dato} />
      <AsOfDateForm date={date} onChange={(dato) => void navigate({ search: { ...search, dato, side: undefined } })} />
      <Paragraph>{t('people.lead')}</Paragraph>
      <form onSubmit={submit} noValidate role="search" aria-label={t('people.formLabel')} className="kp-form">
        <Textfield
          id={`${ids}-q`}
          label={t('people.queryLabel')}
          type="search"
          autoComplete="off"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <div>
          <Button type="submit">{t('people.submit')}</Button>
        </div>
      </form>

      {/* One live region: says how the search went. */}
      <div role="status">{status && <Paragraph>{status}</Paragraph>}</div>
      {q && results.isError && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
      {data && data.total === 0 && <Paragraph>{t('people.noneHelp')}</Paragraph>}
      {data && data.people.length > 0 && (
        <>
          <ul className="kp-people-results" aria-label={t('people.resultsLabel')}>
            {data.people.map((person) => (
              <li key={person.id}>
                <PersonResult person={person} date={date} />
              </li>
            ))}
          </ul>
          <PageNavigation
            label={t('people.pages')}
            page={page}
            totalPages={totalPages}
            onChange={(side) => void navigate({ search: { ...search, side: side > 1 ? side : undefined } })}
          />
        </>
      )}
    </Page>
  );
}

function PersonResult({ person, date }: { person: PeopleSearchHit; date: string }) {
  const { t, number } = useOrgI18n();
  return (
    <article className="kp-people-result">
      <PersonPhoto name={person.name} photo={person.photo} decorative />
      <div>
        <Heading level={2} data-size="2xs">
          <EntityLink kind="person" id={person.id} date={date}>
            {person.name}
          </EntityLink>{' '}
          {person.synthetic && (
            <Tag data-size="sm" data-color="neutral" title={t('people.syntheticLong')}>
              {t('people.synthetic')}
            </Tag>
          )}
        </Heading>
        <Paragraph data-size="sm" className="kp-muted">
          {t('people.employeeNumber', { key: person.key })}
          {person.match === 'key' && ` · ${t('people.match.key')}`}
          {person.match === 'similar' && ` · ${t('people.match.similar')}`}
        </Paragraph>
        {person.positions.length === 0 ? (
          <Paragraph data-size="sm">{t('people.noPosition')}</Paragraph>
        ) : (
          <ul>
            {person.positions.map((position) => (
              <li key={position.positionId}>
                <Paragraph data-size="sm">
                  {t('people.positionIn', { title: position.title, unit: position.unitName, share: `${number(position.fte * 100)} %` })}
                </Paragraph>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
