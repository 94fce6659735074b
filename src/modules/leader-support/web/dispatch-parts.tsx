import './notifications.css';
import { Alert, Button, ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../../../web/data/client';
import { useI18n } from '../../../web/i18n/i18n';
import { useSupportI18n } from './i18n';

// Pieces the notifications, outbox and webhook pages share.

/** A status region that is always in the page, so a message put in it is read out (and seen). */
export function LiveMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className="kp-dispatch-status">
      {message && (
        <Alert data-color="success">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

/** «LS-12», linking to the request. */
export function RequestNumberLink({ number, children }: { number: number; children?: ReactNode }) {
  const { requestNumber } = useSupportI18n();
  return (
    <RouterLink to="/lederstotte/henvendelser/$number" params={{ number: String(number) }}>
      {children ?? requestNumber(number)}
    </RouterLink>
  );
}

/** The server's message per field, from `details` ([{ path, problem }] or { path }). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return {};
  const result: Record<string, string> = {};
  const fieldOf = (path: unknown) => (typeof path === 'string' ? path.replace(/^\//, '').split(/[/.]/)[0] : undefined);
  const items = Array.isArray(error.details) ? (error.details as unknown[]) : [error.details];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const name = fieldOf((item as { path?: unknown }).path);
    if (name && !result[name]) result[name] = error.message;
  }
  return result;
}

/**
 * A refused write: «changed in the meantime» with a reload button for a stale revision, otherwise the
 * server's message in an error summary linking to the fields it names.
 */
export function WriteError({
  error,
  heading,
  onReload,
  fieldIds = {},
}: {
  error: unknown;
  heading: string;
  onReload: () => void;
  fieldIds?: Record<string, string>;
}) {
  const { t } = useSupportI18n();
  const { language } = useI18n();
  if (!error) return null;
  if (error instanceof ApiError && error.code === 'stale') {
    return (
      <Alert data-color="warning" role="alert">
        <Paragraph>{t('notifications.stale')}</Paragraph>
        <Button variant="secondary" data-size="sm" type="button" onClick={onReload}>
          {t('notifications.reload')}
        </Button>
      </Alert>
    );
  }
  const linked = Object.keys(fieldErrors(error)).filter((name) => fieldIds[name]);
  return (
    <ErrorSummary>
      <ErrorSummary.Heading level={3}>{heading}</ErrorSummary.Heading>
      {linked.length === 0 ? (
        <Paragraph>{errorMessage(error, language)}</Paragraph>
      ) : (
        <ErrorSummary.List>
          {linked.map((name) => (
            <ErrorSummary.Item key={name}>
              <ErrorSummary.Link href={`#${fieldIds[name]}`}>{errorMessage(error, language)}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      )}
    </ErrorSummary>
  );
}

export { useFocusWhen } from '../../../web/components/use-focus-when';

export const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
