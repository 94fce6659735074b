import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { DetailPage } from '../../../web/components/detail-page';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { ServiceDetail } from '../places.schemas';
import { coveredClasses, districtsQuery, serviceQuery, useMayEditWholeMunicipality } from './api';
import { ServiceEditor } from './service-edit';
import { channelKey, entryPointKey, proximityKey, usePlacesI18n } from './i18n';
import { DistrictLink, OfferingWhen, OfferingWhere, PlacesNav, Unknown } from './ui';

const route = getRouteApi('/steder-og-tjenester/tjenester/$id');

/** A service: what it is, how to get in touch, and where and when in each district. */
export function ServicePage() {
  const { t } = usePlacesI18n();
  const { id } = route.useParams();
  const query = useQuery(serviceQuery(id));
  const canWrite = useMayEditWholeMunicipality() === true;
  return (
    <DetailPage
      query={query}
      fallbackTitle={t('service.fallbackTitle')}
      loadingLabel={t('service.loading')}
      title={(service) => service.name}
      header={<PlacesNav />}
    >
      {(service) => (
        <>
          <ServiceContent service={service} />
          {canWrite && <ServiceEditor key={service.id} service={service} onReload={() => void query.refetch()} />}
        </>
      )}
    </DetailPage>
  );
}

function ServiceContent({ service }: { service: ServiceDetail }) {
  const { t, list } = usePlacesI18n();
  const ids = useId();
  const districts = useQuery(districtsQuery());
  const covered = coveredClasses.includes(service.proximityClass);

  // Every district, with the service's coverage there or «not recorded».
  const rows = covered
    ? (districts.data?.districts ?? []).flatMap((district) => {
        const here = service.coverage.filter((o) => o.districtNumber === district.number);
        const name = (
          <DistrictLink key="d" number={district.number}>
            {t('district.numbered', { number: district.number, name: district.name })}
          </DistrictLink>
        );
        if (here.length === 0) return [{ key: district.id, cells: [name, t('service.notHere'), ''] }];
        return here.map((offering) => ({
          key: offering.coverageId,
          cells: [
            name,
            <span key="where">
              <OfferingWhere offering={offering} />
              {offering.servedDistricts.length > 1 && (
                <span className="kp-muted"> ({t('service.sharedBy', { districts: list(offering.servedDistricts) })})</span>
              )}
            </span>,
            <OfferingWhen key="when" offering={offering} />,
          ],
        }));
      })
    : [];

  return (
    <>
      {service.description && (
        <Paragraph data-size="lg" className="kp-lead">
          {service.description}
        </Paragraph>
      )}
      <Facts
        items={[
          { term: t('service.contact'), value: service.contact ?? <Unknown /> },
          {
            term: t('service.targetGroups'),
            value: service.targetGroups.length > 0 ? list(service.targetGroups) : <Unknown />,
          },
          {
            term: t('service.channels'),
            value: service.channels.length > 0 ? list(service.channels.map((c) => t(channelKey(c)))) : <Unknown />,
          },
          ...(service.entryPoints.length > 0
            ? [{ term: t('service.entryPoints'), value: list(service.entryPoints.map((e) => t(entryPointKey(e)))) }]
            : []),
          { term: t('service.deliveredBy'), value: service.deliveringUnit.name || <Unknown /> },
          { term: t('service.proximity'), value: t(proximityKey(service.proximityClass)) },
          ...(service.legalBasis ? [{ term: t('service.legalBasis'), value: service.legalBasis }] : []),
        ]}
      />

      <section aria-labelledby={`${ids}-where`} className="kp-places-section">
        <SectionHeading id={`${ids}-where`}>{t('service.whereHeading')}</SectionHeading>
        {covered && districts.isPending ? (
          <Loading label={t('service.loading')} />
        ) : covered && districts.isError ? (
          <ErrorAlert error={districts.error} onRetry={() => void districts.refetch()} />
        ) : covered ? (
          <DataTable
            caption={t('service.whereCaption', { name: service.name })}
            headers={[t('offering.district'), t('offering.where'), t('offering.when')]}
            empty={t('service.noCoverage')}
            rowHeaders
            rows={rows}
          />
        ) : (
          <Paragraph>{t(`service.open.${service.proximityClass as 'central' | 'digital' | 'where_citizen_is'}`)}</Paragraph>
        )}
      </section>
    </>
  );
}
