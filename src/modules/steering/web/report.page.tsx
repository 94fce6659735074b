import { Paragraph } from '@digdir/designsystemet-react';
import { Page } from '../../../web/components/page';
import { useSteeringI18n } from './i18n';
import { SteeringNav } from './ui';

// Stub: the reports part's owner replaces it (/styring/rapporter/$id).
export function ReportPage() {
  const { t } = useSteeringI18n();
  return (
    <Page title={t('nav.label')}>
      <SteeringNav />
      <Paragraph>{t('reports.placeholder')}</Paragraph>
    </Page>
  );
}
