import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link as RouterLink } from '@tanstack/react-router';
import { useId } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { DetailPage } from '../../../web/components/detail-page';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import { Page } from '../../../web/components/page';
import { useI18n } from '../../../web/i18n/i18n';
import type { DistrictDetail } from '../places.schemas';
import { districtQuery, useMayEditWholeMunicipality } from './api';
import { DistrictEditor } from './district-edit';
import { proximityKey, usePlacesI18n } from './i18n';
import { districtNumber } from './search-params';
import { HubLink, offeringRow, PlacesNav, ServiceLink, Unknown } from './ui';

const route = getRouteApi('/steder-og-tjenester/kommunedeler/$number');

/** A district: its hub, the services delivered there, where the shared ones are, and what is open to all. */
export function DistrictPage() {
  const { t } = usePlacesI18n();
  const kit = useI18n().t;
  const { number: raw } = route.useParams();
  const number = districtNumber(raw);
  const query = useQuery({ ...districtQuery(number ?? 0), enabled: number !== undefined });
  const canWrite = useMayEditWholeMunicipality() === true;
  if (number === undefined) {
    return (
      <Page title={kit('kit.notFound')}>
        <PlacesNav />
        <Paragraph>{t('district.badNumber')}</Paragraph>
      </Page>
    );
  }
  return (
    <DetailPage
      query={query}
      fallbackTitle={t('district.fallbackTitle', { number })}
      loadingLabel={t('district.loading')}
      title={(detail) => t('district.numbered', { number: detail.district.number, name: detail.district.name })}
      header={<PlacesNav />}
    >
      {(detail) => <DistrictContent detail={detail} canWrite={canWrite} onReload={() => void query.refetch()} />}
    </DetailPage>
  );
}

function DistrictContent({ detail, canWrite, onReload }: { detail: DistrictDetail; canWrite: boolean; onReload: () => void }) {
  const { t, number, list, period } = usePlacesI18n();
  const ids = useId();
  const { district } = detail;
  const own = detail.services.filter((offering) => offering.servedDistricts.length <= 1);
  const shared = detail.services.filter((offering) => offering.servedDistricts.length > 1);
  const offeringRows = (offerings: DistrictDetail['services']) => offerings.map(offeringRow);
  const headers = [t('offering.service'), t('offering.where'), t('offering.when')];

  return (
    <>
      <section aria-labelledby={`${ids}-hub`} className="kp-places-section">
        <SectionHeading id={`${ids}-hub`}>{t('district.hubHeading')}</SectionHeading>
        {district.hub ? (
          <Paragraph>
            {t('district.hubIntro')} <HubLink id={district.hub.id}>{district.hub.name}</HubLink>
          </Paragraph>
        ) : (
          <Paragraph>{t('district.noHubText')}</Paragraph>
        )}
      </section>

      <section aria-labelledby={`${ids}-own`} className="kp-places-section">
        <SectionHeading id={`${ids}-own`}>{t('district.servicesHeading')}</SectionHeading>
        <DataTable
          caption={t('district.servicesCaption', { number: district.number })}
          headers={headers}
          rows={offeringRows(own)}
          empty={t('district.noServices')}
        />
      </section>

      <section aria-labelledby={`${ids}-shared`} className="kp-places-section">
        <SectionHeading id={`${ids}-shared`}>{t('district.sharedHeading')}</SectionHeading>
        <Paragraph>{t('district.sharedHelp')}</Paragraph>
        <DataTable caption={t('district.sharedCaption')} headers={headers} rows={offeringRows(shared)} empty={t('district.noShared')} />
      </section>

      <section aria-labelledby={`${ids}-all`} className="kp-places-section">
        <SectionHeading id={`${ids}-all`}>{t('district.forEveryoneHeading')}</SectionHeading>
        <Paragraph>{t('district.forEveryoneHelp')}</Paragraph>
        {detail.forEveryone.length === 0 ? (
          <Paragraph>{t('district.noForEveryone')}</Paragraph>
        ) : (
          <ul className="kp-places-list">
            {detail.forEveryone.map((service) => (
              <li key={service.id}>
                <ServiceLink id={service.id}>{service.name}</ServiceLink>{' '}
                <span className="kp-muted">({t(proximityKey(service.proximityClass))})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${ids}-facts`} className="kp-places-section">
        <SectionHeading id={`${ids}-facts`}>{t('district.factsHeading')}</SectionHeading>
        <Facts
          items={[
            ...(district.shortName ? [{ term: t('district.shortName'), value: district.shortName }] : []),
            {
              term: t('district.population'),
              value:
                district.population === null ? (
                  <Unknown />
                ) : district.populationYear ? (
                  t('district.populationIn', { population: number(district.population), year: district.populationYear })
                ) : (
                  number(district.population)
                ),
            },
            { term: t('district.committee'), value: district.localCommitteeName ?? <Unknown /> },
            { term: t('district.coordinator'), value: district.localCoordinator?.title ?? <Unknown /> },
          ]}
        />
        {district.populationSource && (
          <Paragraph data-size="sm" className="kp-muted">
            {t('district.populationSource', { source: district.populationSource })}
          </Paragraph>
        )}
        {detail.names.length > 1 && (
          <>
            <Paragraph>{t('district.namesHeading')}</Paragraph>
            <ul className="kp-places-list">
              {detail.names.map((name) => (
                <li key={name.validFrom}>
                  {name.name} <span className="kp-muted">({period(name.validFrom, name.validTo)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {shared.length > 0 && (
          <Paragraph data-size="sm" className="kp-muted">
            {t('district.sharedWith', {
              districts: list([...new Set(shared.flatMap((o) => o.servedDistricts))].filter((n) => n !== district.number)),
            })}
          </Paragraph>
        )}
        {/* The form reads the revision from here at each save, so it follows a refetch. */}
        {canWrite && <DistrictEditor district={district} onReload={onReload} />}
      </section>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/finn-tjeneste" search={{ kommunedel: district.number }}>
            {t('district.findHere', { number: district.number })}
          </RouterLink>
        </Link>
      </Paragraph>
    </>
  );
}
