import { Paragraph } from '@digdir/designsystemet-react';
import { Page } from '../../../web/components/page';
import { usePortfolioI18n } from './i18n';
import { PortfolioNav } from './ui';

// Stub: the initiatives part's owner replaces it (/portefolje/initiativ/$number).
export function InitiativePage() {
  const { t } = usePortfolioI18n();
  return (
    <Page title={t('nav.label')}>
      <PortfolioNav />
      <Paragraph>{t('initiatives.placeholder')}</Paragraph>
    </Page>
  );
}
