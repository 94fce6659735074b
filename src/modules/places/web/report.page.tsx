import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { ReportFinding } from '../places.schemas';
import { reportQuery } from './api';
import { ruleKey, todayInNorway, usePlacesI18n } from './i18n';
import { DistrictLink, HubLink, PlacesNav, ServiceLink } from './ui';

const rules: ReportFinding['rule'][] = [
  'every_district_missing',
  'district_without_hub',
  'hub_missing_universal',
  'shared_not_covering',
  'pilot_unit_without_hub',
];

/** The proximity report: the documents' principles applied today, each finding linked to what it is about. */
export function ReportPage() {
  const { t, date: formatDate } = usePlacesI18n();
  const ids = useId();
  const date = todayInNorway();
  const query = useQuery(reportQuery(date));
  return (
    <Page title={t('report.title')}>
      <PlacesNav />
      <Paragraph className="kp-lead">{t('report.lead', { date: formatDate(date) })}</Paragraph>
      {query.isPending && <Loading label={t('report.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.findings.length === 0 && <Paragraph role="status">{t('report.none')}</Paragraph>}
      {query.data &&
        query.data.findings.length > 0 &&
        rules.map((rule) => {
          const findings = query.data.findings.filter((f) => f.rule === rule);
          if (findings.length === 0) return null;
          return (
            <section key={rule} aria-labelledby={`${ids}-${rule}`} className="kp-places-section">
              <SectionHeading id={`${ids}-${rule}`}>
                {t('report.ruleHeading', { rule: t(ruleKey(rule)), count: findings.length })}
              </SectionHeading>
              <ul className="kp-places-findings">
                {findings.map((finding, index) => (
                  <li key={`${rule}-${index}`}>
                    <Finding finding={finding} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
    </Page>
  );
}

function Finding({ finding }: { finding: ReportFinding }) {
  const { t, pick } = usePlacesI18n();
  const links = [
    ...(finding.serviceId
      ? [
          <ServiceLink key="s" id={finding.serviceId}>
            {t('report.openService')}
          </ServiceLink>,
          <Link key="m" asChild>
            <RouterLink to="/steder-og-tjenester/dekning" hash={`tjeneste-${finding.serviceId}`}>
              {t('report.openMatrix')}
            </RouterLink>
          </Link>,
        ]
      : []),
    ...(finding.hubId
      ? [
          <HubLink key="h" id={finding.hubId}>
            {t('report.openHub')}
          </HubLink>,
        ]
      : []),
    // A few districts are links; a long list (most of the municipality) is in the message already.
    ...(finding.districtNumbers.length <= 3 ? finding.districtNumbers : []).map((number) => (
      <DistrictLink key={`d${number}`} number={number}>
        {t('district.short', { number })}
      </DistrictLink>
    )),
  ];
  return (
    <div className="kp-places-finding">
      <Paragraph>{pick(finding.message)}</Paragraph>
      {links.length > 0 && (
        <Paragraph data-size="sm" className="kp-places-finding__links">
          {links.map((link, i) => (
            <span key={i}>
              {i > 0 && ' · '}
              {link}
            </span>
          ))}
        </Paragraph>
      )}
    </div>
  );
}
