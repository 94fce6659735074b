import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { areaOverviewQuery } from './indicators-api';
import { useSteeringI18n } from './i18n';
import { SteeringNav } from './ui';
import './indicators.css';
import { SectionHeading } from '../../../web/components/section-heading';
import { EmptyState } from '../../../web/components/empty-state';

/** /styring: per programme area, how many indicators are green, yellow and red, linking to its dashboard. */
export function SteeringPage() {
  const { t } = useSteeringI18n();
  const overview = useQuery(areaOverviewQuery());
  return (
    <Page title={t('nav.label')}>
      <SteeringNav />
      <Paragraph>{t('indicators.front.lead')}</Paragraph>
      <SectionHeading>{t('indicators.front.areas')}</SectionHeading>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
      ) : overview.data.areas.length === 0 ? (
        <EmptyState>{t('indicators.front.noAreas')}</EmptyState>
      ) : (
        <ul className="kp-st-areas">
          {overview.data.areas.map((area) => (
            <li key={area.id}>
              <Link asChild>
                <RouterLink to="/styring/indikatorer" search={{ omrade: area.code }}>
                  {area.code} {area.name}
                </RouterLink>
              </Link>
              {area.indicators === 0 ? (
                <Paragraph data-size="sm">{t('indicators.front.none')}</Paragraph>
              ) : (
                <ul className="kp-st-counts" aria-label={t('indicators.front.countsLabel', { area: area.name })}>
                  {(['green', 'yellow', 'red', 'none'] as const).map((status) =>
                    area.counts[status] > 0 || status !== 'none' ? (
                      <li key={status}>
                        <span className={`kp-st-status kp-st-status--${status}`}>
                          {area.counts[status]} {t(`indicators.status.${status}`).toLowerCase()}
                        </span>
                      </li>
                    ) : null,
                  )}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
