import './notifications.css';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import type { ReactNode } from 'react';
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

export const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
