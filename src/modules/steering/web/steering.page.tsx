import { Paragraph } from '@digdir/designsystemet-react';
import { Page } from '../../../web/components/page';
import { useSteeringI18n } from './i18n';
import { SteeringNav } from './ui';

// Stub: the indicators part's owner replaces it (/styring).
export function SteeringPage() {
  const { t } = useSteeringI18n();
  return (
    <Page title={t('nav.label')}>
      <SteeringNav />
      <Paragraph>{t('indicators.placeholder')}</Paragraph>
    </Page>
  );
}
