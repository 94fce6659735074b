import { Paragraph } from '@digdir/designsystemet-react';
import { Page } from '../../../web/components/page';
import { usePortfolioI18n } from './i18n';
import { PortfolioNav } from './ui';

// Stub: the prioritisation part's owner replaces it (/portefolje/prioritering).
export function PrioritisationPage() {
  const { t } = usePortfolioI18n();
  return (
    <Page title={t('nav.label')}>
      <PortfolioNav />
      <Paragraph>{t('prioritisation.placeholder')}</Paragraph>
    </Page>
  );
}
