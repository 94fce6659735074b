import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useI18n } from '../i18n/i18n';
import { Page } from './page';
import { ErrorAlert, Loading } from './status';

/** Shown while a page's code (or its beforeLoad check) is still loading. */
export function PendingPage() {
  const { t } = useI18n();
  return <Loading label={t('app.loadingPage')} />;
}

/** Shown when a page fails to load, e.g. the session could not be read. */
export function ErrorPage({ error }: ErrorComponentProps) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <Page title={t('error.title')}>
      <ErrorAlert error={error} onRetry={() => void router.invalidate()} />
    </Page>
  );
}
