import { Paragraph } from '@digdir/designsystemet-react';
import { Page } from '../../../web/components/page';
import { usePortfolioI18n } from './i18n';
import { PortfolioNav } from './ui';

// Stub: the board part's owner replaces it (/portefolje/styret/moter/$id).
export function MeetingPage() {
  const { t } = usePortfolioI18n();
  return (
    <Page title={t('nav.label')}>
      <PortfolioNav />
      <Paragraph>{t('board.placeholder')}</Paragraph>
    </Page>
  );
}
