import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { errorMessage } from '../data/client';
import { useI18n } from '../i18n/i18n';

/** Shown while data loads. The label is what screen readers announce. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  const text = label ?? t('app.loading');
  return (
    <div className="kp-loading" role="status">
      <Spinner aria-hidden data-size="md" />
      <Paragraph>{text}</Paragraph>
    </div>
  );
}

/**
 * Shows the server's (already localised) message for a failed request.
 * role="alert" so screen readers announce it when it appears.
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, language } = useI18n();
  return (
    <Alert data-color="danger" role="alert" className="kp-error">
      <Paragraph>{errorMessage(error, language)}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('error.retry')}
        </Button>
      )}
    </Alert>
  );
}
