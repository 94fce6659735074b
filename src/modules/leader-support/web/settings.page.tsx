import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import { useSupportI18n } from './i18n';
import { groupsQuery, routingRulesQuery, settingsCatalogueQuery, settingsQuery, slaPoliciesQuery } from './settings-api';
import { HoursSection, RatesSection } from './settings-hours';
import { GroupsSection, RulesSection } from './settings-rules';
import { SlaSection } from './settings-sla';
import { SupportNav } from './ui';

// The desk administrator's settings: opening hours and closed days, rates and targets, service
// levels, routing rules and groups. Agents see the same page read-only.

export function SettingsPage() {
  const { t } = useSupportI18n();
  const { data: session } = useSession();
  const canConfigure = hasPermission(session, 'leader_support:configure');
  const canRead = canConfigure || hasPermission(session, 'leader_support:handle');
  return (
    <Page title={t('settings.title')}>
      <SupportNav />
      {canRead ? <SettingsContent canConfigure={canConfigure} /> : <Alert data-color="warning">{t('settings.noAccess')}</Alert>}
    </Page>
  );
}

function SettingsContent({ canConfigure }: { canConfigure: boolean }) {
  const { t } = useSupportI18n();
  const settings = useQuery(settingsQuery);
  const policies = useQuery(slaPoliciesQuery);
  const rules = useQuery(routingRulesQuery);
  const groups = useQuery(groupsQuery);
  const catalogue = useQuery({ ...settingsCatalogueQuery, enabled: canConfigure });
  const categories = catalogue.data?.categories ?? [];
  const failed = [settings, policies, rules, groups].find((q) => q.isError);
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!settings.data || !policies.data || !rules.data || !groups.data) return <Loading label={t('settings.loading')} />;
  return (
    <>
      <Paragraph>{t('settings.intro')}</Paragraph>
      {!canConfigure && (
        <Alert data-color="info">
          <Paragraph>{t('settings.readOnly')}</Paragraph>
        </Alert>
      )}
      <HoursSection settings={settings.data} canEdit={canConfigure} />
      <RatesSection settings={settings.data} canEdit={canConfigure} />
      <SlaSection policies={policies.data.policies} categories={categories} canEdit={canConfigure} />
      <RulesSection rules={rules.data.rules} categories={categories} groups={groups.data.groups} canEdit={canConfigure} />
      <GroupsSection groups={groups.data.groups} />
    </>
  );
}
