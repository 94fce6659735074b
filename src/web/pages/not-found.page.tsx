import { Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('module.backHome')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
