import { Button, Heading, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert } from '../../../web/components/status';
import { ApiError, errorMessage } from '../../../web/data/client';
import { useI18n } from '../../../web/i18n/i18n';
import type { SearchHit } from '../places.schemas';
import { coveredClasses, districtsQuery, searchQuery, servicesQuery } from './api';
import { proximityKey, usePlacesI18n } from './i18n';
import { PlacesNav, ServiceLink } from './ui';

const route = getRouteApi('/finn-tjeneste');

/**
 * «Finn tjeneste»: search the catalogue in Norwegian (the server stems words and forgives small
 * typos), narrowed by district and target group. The search lives in the URL, so it can be
 * bookmarked, shared and reached with «Back».
 */
export function FindServicePage() {
  const i18n = usePlacesI18n();
  const { t } = i18n;
  const { language } = useI18n();
  const ids = useId();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const searched = search.q !== undefined;

  // The form's draft; the URL holds the search made. A new URL (e.g. «Back») resets the draft.
  const [draft, setDraft] = useState({ q: search.q ?? '', district: search.kommunedel, group: search.malgruppe });
  const [shownFor, setShownFor] = useState(search);
  if (shownFor !== search) {
    setShownFor(search);
    setDraft({ q: search.q ?? '', district: search.kommunedel, group: search.malgruppe });
  }

  const districts = useQuery(districtsQuery());
  const results = useQuery({
    ...searchQuery({ q: search.q ?? '', district: search.kommunedel, targetGroup: search.malgruppe }),
    enabled: searched,
  });
  // The server refuses empty and overlong searches with a plain message: shown at the field.
  const refused = results.error instanceof ApiError && results.error.status === 400 ? errorMessage(results.error, language) : undefined;

  // Target groups to narrow by: those the catalogue names (and the one chosen, even if unknown).
  const catalogue = useQuery(servicesQuery());
  const groups = useMemo(() => {
    const found = new Set<string>(catalogue.data?.services.flatMap((service) => service.targetGroups) ?? []);
    if (search.malgruppe) found.add(search.malgruppe);
    return [...found].sort(i18n.collator.compare);
  }, [catalogue.data, search.malgruppe, i18n.collator]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ search: { q: draft.q, kommunedel: draft.district, malgruppe: draft.group } });
  };

  const districtName = (number: number) => districts.data?.districts.find((d) => d.number === number)?.name;

  return (
    <Page title={t('find.title')}>
      <PlacesNav />
      <Paragraph data-size="lg" className="kp-lead">
        {t('find.lead')}
      </Paragraph>
      <div className="kp-places-search">
        <form onSubmit={submit} noValidate role="search" aria-label={t('find.formLabel')} className="kp-form">
          <Textfield
            id={`${ids}-q`}
            label={t('find.queryLabel')}
            description={t('find.queryHelp')}
            type="search"
            autoComplete="off"
            value={draft.q}
            onChange={(event) => setDraft((d) => ({ ...d, q: event.target.value }))}
            error={refused}
          />
          <div className="kp-places-search__filters">
            <div>
              <Label htmlFor={`${ids}-district`}>{t('find.districtLabel')}</Label>
              <Select
                id={`${ids}-district`}
                value={draft.district ?? ''}
                onChange={(event) => setDraft((d) => ({ ...d, district: event.target.value ? Number(event.target.value) : undefined }))}
              >
                <option value="">{t('find.allDistricts')}</option>
                {districts.data?.districts.map((district) => (
                  <option key={district.id} value={district.number}>
                    {t('district.numbered', { number: district.number, name: district.name })}
                  </option>
                ))}
              </Select>
            </div>
            {groups.length > 0 && (
              <div>
                <Label htmlFor={`${ids}-group`}>{t('find.groupLabel')}</Label>
                <Select
                  id={`${ids}-group`}
                  value={draft.group ?? ''}
                  onChange={(event) => setDraft((d) => ({ ...d, group: event.target.value || undefined }))}
                >
                  <option value="">{t('find.allGroups')}</option>
                  {groups.map((group) => (
                    <option key={group} value={group}>
                      {group}
                    </option>
                  ))}
                </Select>
              </div>
            )}
          </div>
          <div>
            <Button type="submit">{t('find.submit')}</Button>
          </div>
        </form>
      </div>

      {/* One live region: says how the search went (found, nothing, or what is wrong). */}
      <div role="status" className="kp-places-search__status">
        {searched && results.isFetching && !results.data && <Paragraph>{t('find.searching')}</Paragraph>}
        {searched && refused && <Paragraph>{refused}</Paragraph>}
        {searched && results.data && !results.isError && (
          <Paragraph>
            {results.data.results.length === 0
              ? t('find.none', { q: results.data.q })
              : t(results.data.results.length === 1 ? 'find.countOne' : 'find.count', {
                  count: results.data.results.length,
                  q: results.data.q,
                })}
            {search.kommunedel !== undefined &&
              ` ${t('find.inDistrict', { number: search.kommunedel, name: districtName(search.kommunedel) ?? '' })}`}
            {search.malgruppe && ` ${t('find.forGroup', { group: search.malgruppe })}`}
          </Paragraph>
        )}
      </div>
      {searched && results.isError && !refused && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
      {searched && results.data && !results.isError && results.data.results.length === 0 && (
        <Paragraph>{search.kommunedel !== undefined || search.malgruppe ? t('find.noneFiltered') : t('find.noneHelp')}</Paragraph>
      )}
      {searched && results.data && !results.isError && results.data.results.length > 0 && (
        <ul className="kp-places-results" aria-label={t('find.resultsLabel')}>
          {results.data.results.map((hit) => (
            <li key={hit.id}>
              <SearchResultItem hit={hit} district={search.kommunedel} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function SearchResultItem({ hit, district }: { hit: SearchHit; district?: number }) {
  const { t, list } = usePlacesI18n();
  const covered = coveredClasses.includes(hit.proximityClass);
  return (
    <article className="kp-places-result">
      <Heading level={2} data-size="xs">
        <ServiceLink id={hit.id}>{hit.name}</ServiceLink>
      </Heading>
      {hit.description && <Paragraph>{hit.description}</Paragraph>}
      <Paragraph data-size="sm">
        {covered
          ? hit.districts.length === 0
            ? t('find.whereUnknown')
            : district !== undefined && hit.districts.includes(district)
              ? t('find.inYourDistrict', { number: district })
              : t('find.inDistricts', { districts: list(hit.districts) })
          : t(proximityKey(hit.proximityClass))}
      </Paragraph>
      {hit.targetGroups.length > 0 && (
        <ul className="kp-places-tags" aria-label={t('service.targetGroups')}>
          {hit.targetGroups.map((group) => (
            <li key={group}>
              <Tag data-size="sm">{group}</Tag>
            </li>
          ))}
        </ul>
      )}
      {hit.match === 'similar' && (
        <Paragraph data-size="sm" className="kp-muted">
          {t('find.similar')}
        </Paragraph>
      )}
    </article>
  );
}
