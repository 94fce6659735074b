import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { DetailPage } from '../../../web/components/detail-page';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import type { HubDetail, SiteView } from '../places.schemas';
import { hubQuery, useMayEditWholeMunicipality } from './api';
import { hubFunctionKey, usePlacesI18n } from './i18n';
import { HubEditor } from './hub-edit';
import { SiteEditor } from './site-edit';
import { DistrictLink, offeringRow, PlacesNav, Unknown, useTimes } from './ui';

const route = getRouteApi('/steder-og-tjenester/knutepunkter/$id');

/** A local hub: its sites with address and opening hours, and the services there and when. */
export function HubPage() {
  const { t } = usePlacesI18n();
  const { id } = route.useParams();
  const query = useQuery(hubQuery(id));
  const canWrite = useMayEditWholeMunicipality() === true;
  return (
    <DetailPage
      query={query}
      fallbackTitle={t('hub.fallbackTitle')}
      loadingLabel={t('hub.loading')}
      title={(hub) => hub.name}
      header={<PlacesNav />}
    >
      {(hub) => <HubContent hub={hub} canWrite={canWrite} onReload={() => void query.refetch()} />}
    </DetailPage>
  );
}

function HubContent({ hub, canWrite, onReload }: { hub: HubDetail; canWrite: boolean; onReload: () => void }) {
  const { t, list } = usePlacesI18n();
  const ids = useId();
  return (
    <>
      <Facts
        items={[
          {
            term: t('hub.district'),
            value: (
              <DistrictLink number={hub.district.number}>
                {t('district.numbered', { number: hub.district.number, name: hub.district.name })}
              </DistrictLink>
            ),
          },
          {
            term: t('hub.functions'),
            value: hub.functions.length > 0 ? list(hub.functions.map((f) => t(hubFunctionKey(f)))) : t('hub.noFunctions'),
          },
          ...(hub.pilotUnit ? [{ term: t('hub.pilotUnit'), value: hub.pilotUnit.name }] : []),
        ]}
      />
      {canWrite && <HubEditor hub={hub} onReload={onReload} />}

      <section aria-labelledby={`${ids}-services`} className="kp-places-section">
        <SectionHeading id={`${ids}-services`}>{t('hub.servicesHeading')}</SectionHeading>
        <DataTable
          caption={t('hub.servicesCaption', { name: hub.name })}
          headers={[t('offering.service'), t('offering.where'), t('offering.when')]}
          empty={t('hub.noServices')}
          rows={hub.services
            // One row per coverage: a shared service is delivered here to several districts under one name.
            .filter((o, i, all) => all.findIndex((other) => other.serviceId === o.serviceId && other.site?.id === o.site?.id) === i)
            .map(offeringRow)}
        />
      </section>

      <section aria-labelledby={`${ids}-sites`} className="kp-places-section">
        <SectionHeading id={`${ids}-sites`}>{t('hub.sitesHeading')}</SectionHeading>
        {hub.sites.length === 0 ? (
          <Paragraph>{t('hub.noSites')}</Paragraph>
        ) : (
          hub.sites.map((site) => <SiteBlock key={site.id} site={site} canWrite={canWrite} onReload={onReload} />)
        )}
      </section>

      {(hub.successCriteria || hub.evaluationNotes) && (
        <section aria-labelledby={`${ids}-eval`} className="kp-places-section">
          <SectionHeading id={`${ids}-eval`}>{t('hub.evaluationHeading')}</SectionHeading>
          {hub.successCriteria && (
            <Paragraph>
              <strong>{t('hub.successCriteria')}:</strong> {hub.successCriteria}
            </Paragraph>
          )}
          {hub.evaluationNotes && (
            <Paragraph>
              <strong>{t('hub.evaluationNotes')}:</strong> {hub.evaluationNotes}
            </Paragraph>
          )}
        </section>
      )}
    </>
  );
}

function SiteBlock({ site, canWrite, onReload }: { site: SiteView; canWrite: boolean; onReload: () => void }) {
  const { t } = usePlacesI18n();
  const times = useTimes();
  const hours = site.openingHours && site.openingHours.length > 0 ? times.opening(site.openingHours) : (site.openingHoursText ?? null);
  return (
    <div className="kp-places-site">
      <Heading level={3} data-size="xs">
        {site.name}
      </Heading>
      <Facts
        items={[
          { term: t('site.address'), value: site.address ?? <Unknown /> },
          { term: t('site.openingHours'), value: hours ?? <Unknown /> },
          { term: t('site.accessibility'), value: site.accessibilityNotes ?? <Unknown /> },
        ]}
      />
      {site.openingHours && site.openingHoursText && (
        <Paragraph data-size="sm" className="kp-muted">
          {site.openingHoursText}
        </Paragraph>
      )}
      {/* The form reads the revision from here at each save, so it follows a refetch. */}
      {canWrite && <SiteEditor site={site} onReload={onReload} />}
    </div>
  );
}
