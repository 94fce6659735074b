import { Paragraph } from '@digdir/designsystemet-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { AsOfDateForm } from '../../../web/components/as-of-date';
import { rulesQuery } from './api';
import { todayInNorway, useOrgI18n } from './i18n';
import { AcceptedFindings, FindingsByRule, FindingsSummary } from './rules-report';
import { RuleSettingsSection } from './rule-settings';
import { BeforeDatasetNote, OrganisationNav } from './ui';

const route = getRouteApi('/organisasjon/regler');

/** The organisation rules checked as of a date: findings grouped by rule, linked to what they concern. */
export function RulesPage() {
  const { t } = useOrgI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const date = search.dato ?? todayInNorway();
  // The last report stays while another date loads, so the page keeps its height meanwhile.
  const report = useQuery({ ...rulesQuery(date), placeholderData: keepPreviousData });
  return (
    <Page title={t('rules.title')}>
      <OrganisationNav date={search.dato} />
      <Paragraph className="kp-lead">{t('rules.lead')}</Paragraph>
      <AsOfDateForm date={date} label={t('asOf.label')} onChange={(dato) => void navigate({ search: { dato } })} />
      <BeforeDatasetNote date={date} />
      {report.isPending && <Loading label={t('rules.loading')} />}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <>
          <FindingsSummary errors={report.data.summary.errors} warnings={report.data.summary.warnings} />
          <FindingsByRule findings={report.data.findings} date={report.data.date} />
          <AcceptedFindings accepted={report.data.accepted ?? []} date={report.data.date} />
        </>
      )}
      {/* Below the report, so shown once the report has settled: the report arriving above a form
          that is already on screen pushed it down under the pointer, and a click on «Lagre» hit
          something else (the flaky settings test, and a lost submit for a user). */}
      {!report.isPending && <RuleSettingsSection date={date} />}
    </Page>
  );
}
