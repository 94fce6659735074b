import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId, type ReactNode } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { SectionHeading } from '../../../web/components/section-heading';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import { coLocationQuery } from './api';
import { todayInNorway, usePlacesI18n } from './i18n';
import { LocationForm } from './location-form';
import { DistrictLink, hubCell, PlacesNav } from './ui';

/** Which units share each site, and which units serving a district share no site with its hub. */
export function CoLocationPage() {
  const { t, date: formatDate } = usePlacesI18n();
  const ids = useId();
  const date = todayInNorway();
  const query = useQuery(coLocationQuery(date));
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'places:write');
  return (
    <Page title={t('coLocation.title')}>
      <PlacesNav />
      <Paragraph className="kp-lead">{t('coLocation.lead', { date: formatDate(date) })}</Paragraph>
      {query.isPending && <Loading label={t('coLocation.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <section aria-labelledby={`${ids}-districts`} className="kp-places-section">
            <SectionHeading id={`${ids}-districts`}>{t('coLocation.districtsHeading')}</SectionHeading>
            <Paragraph>{t('coLocation.districtsHelp')}</Paragraph>
            <DataTable
              caption={t('coLocation.districtsCaption')}
              headers={[t('offering.district'), t('district.hub'), t('coLocation.unitsNotAtHub')]}
              empty={t('overview.noDistricts')}
              rowHeaders
              rows={query.data.districts.map((district) => ({
                key: String(district.number),
                cells: [
                  <DistrictLink key="d" number={district.number}>
                    {t('district.numbered', { number: district.number, name: district.name })}
                  </DistrictLink>,
                  hubCell(district.hub, t('district.noHub')),
                  district.unitsNotAtHub.length === 0 ? t('coLocation.allAtHub') : <UnitList key="u" units={district.unitsNotAtHub} />,
                ],
              }))}
            />
          </section>
          <section aria-labelledby={`${ids}-sites`} className="kp-places-section">
            <SectionHeading id={`${ids}-sites`}>{t('coLocation.sitesHeading')}</SectionHeading>
            <DataTable
              caption={t('coLocation.sitesCaption')}
              headers={[t('coLocation.site'), t('district.hub'), t('coLocation.units'), t('coLocation.positions')]}
              empty={t('coLocation.noSites')}
              rowHeaders
              rows={query.data.sites.map((row) => ({
                key: row.site.id,
                cells: [
                  row.site.name,
                  hubCell(row.hub, t('coLocation.noHub')),
                  row.units.length === 0 ? t('coLocation.noUnits') : <UnitList key="u" units={row.units} />,
                  row.positions.length === 0
                    ? t('coLocation.noPositions')
                    : (row.positions.map((p) => `${p.title} (${p.unitName})`).join(', ') as ReactNode),
                ],
              }))}
            />
          </section>
          {canWrite && (
            <section aria-labelledby={`${ids}-add`} className="kp-places-section">
              <SectionHeading id={`${ids}-add`}>{t('location.heading')}</SectionHeading>
              <Paragraph>{t('location.help')}</Paragraph>
              <LocationForm onReload={() => void query.refetch()} />
            </section>
          )}
        </>
      )}
    </Page>
  );
}

/** Units linked to their pages in the organisation module. */
function UnitList({ units }: { units: { id: string; name: string }[] }) {
  return (
    <ul className="kp-places-list kp-places-list--compact">
      {units.map((unit) => (
        <li key={unit.id}>
          <Link asChild>
            <RouterLink to="/organisasjon/enheter/$id" params={{ id: unit.id }} search={{}}>
              {unit.name}
            </RouterLink>
          </Link>
        </li>
      ))}
    </ul>
  );
}
