import { Paragraph } from '@digdir/designsystemet-react';
import { Page } from '../../../web/components/page';
import { usePortfolioI18n } from './i18n';
import { PortfolioNav } from './ui';

// Stub: the benefits part's owner replaces it (/portefolje/gevinster).
export function BenefitsPage() {
  const { t } = usePortfolioI18n();
  return (
    <Page title={t('nav.label')}>
      <PortfolioNav />
      <Paragraph>{t('benefits.placeholder')}</Paragraph>
    </Page>
  );
}
