import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { SectionHeading } from '../../../web/components/section-heading';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { districtsQuery } from './api';
import { usePlacesI18n } from './i18n';
import { DistrictLink, hubCell, PlacesNav, Unknown } from './ui';

/** The module's front page: the way to «Finn tjeneste», and the ten districts with their hubs. */
export function PlacesPage() {
  const { t, number } = usePlacesI18n();
  const ids = useId();
  const districts = useQuery(districtsQuery());
  return (
    <Page title={t('overview.title')}>
      <PlacesNav />
      <Paragraph data-size="lg" className="kp-lead">
        {t('overview.lead')}
      </Paragraph>
      <Card data-color="accent" className="kp-places-find-card" data-clickdelegatefor={`${ids}-find`}>
        <Heading level={2} data-size="sm">
          <Link asChild>
            <RouterLink id={`${ids}-find`} to="/finn-tjeneste">
              {t('overview.findLink')}
            </RouterLink>
          </Link>
        </Heading>
        <Paragraph>{t('overview.findHelp')}</Paragraph>
      </Card>

      <section aria-labelledby={`${ids}-districts`} className="kp-places-section">
        <SectionHeading id={`${ids}-districts`}>{t('overview.districtsHeading')}</SectionHeading>
        <Paragraph>{t('overview.districtsHelp')}</Paragraph>
        {districts.isPending && <Loading label={t('overview.loading')} />}
        {districts.isError && <ErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />}
        {districts.data && (
          <DataTable
            caption={t('overview.districtsCaption')}
            headers={[t('district.number'), t('district.name'), t('district.hub'), t('district.population')]}
            empty={t('overview.noDistricts')}
            rows={districts.data.districts.map((district) => ({
              key: district.id,
              cells: [
                district.number,
                <DistrictLink key="d" number={district.number}>
                  {district.name}
                </DistrictLink>,
                hubCell(district.hub, t('district.noHub')),
                district.population === null ? (
                  <Unknown key="p" />
                ) : district.populationYear ? (
                  t('district.populationIn', { population: number(district.population), year: district.populationYear })
                ) : (
                  number(district.population)
                ),
              ],
            }))}
          />
        )}
      </section>
    </Page>
  );
}
