import { Paragraph } from '@digdir/designsystemet-react';
import { Page } from '../../../web/components/page';
import { useSteeringI18n } from './i18n';
import { SteeringNav } from './ui';

// Stub: the decisions part's owner replaces it (/styring/budsjett/$code).
export function BudgetAreaPage() {
  const { t } = useSteeringI18n();
  return (
    <Page title={t('nav.label')}>
      <SteeringNav />
      <Paragraph>{t('decisions.placeholder')}</Paragraph>
    </Page>
  );
}
