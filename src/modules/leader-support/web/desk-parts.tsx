import './desk.css';
import { Alert, Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { SectionHeading } from '../../../web/components/section-heading';
import { isStale } from '../../../web/components/write-error';
import { ApiError, errorMessage } from '../../../web/data/client';
import type { SlaClock } from '../leader-support.schemas';
import { slaKey, useSupportI18n } from './i18n';
import { useTake } from './request-api';

// Pieces shared by the desk pages (one request, the queue).

/**
 * A message announced (role="status") that takes the focus after an action, so keyboard and
 * screen-reader users land on what happened rather than on a vanished form.
 */
export function useAnnouncer() {
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'warning' } | null>(null);
  const announce = useCallback((text: string, tone: 'success' | 'warning' = 'success') => {
    flushSync(() => setMessage({ text, tone }));
    ref.current?.focus();
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  return { ref, message, announce, clear };
}

export function Announcement({
  announcerRef,
  message,
}: {
  announcerRef: RefObject<HTMLDivElement | null>;
  message: { text: string; tone: 'success' | 'warning' } | null;
}) {
  return (
    <div ref={announcerRef} role="status" tabIndex={-1} className="kp-desk-status">
      {message && (
        <Alert data-color={message.tone}>
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

/**
 * A refused action: the server's message (it names the request and the revisions); for a stale
 * revision or a conflict with a «Last inn på nytt» button. An alert rather than the kit's
 * WriteError: these are buttons, not forms with fields to link to.
 */
export function ActionError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t, language } = useSupportI18n();
  if (!error) return null;
  const stale = changedMeanwhile(error);
  return (
    <Alert data-color={stale ? 'warning' : 'danger'} role="alert">
      <Paragraph>{errorMessage(error, language)}</Paragraph>
      {stale && (
        <Button variant="secondary" data-size="sm" onClick={onReload}>
          {t('desk.reload')}
        </Button>
      )}
    </Alert>
  );
}

/** A service-level clock in words: the state, the due time, the business minutes left or over. Never colour alone. */
export function useSlaText() {
  const { t, dateTime, number } = useSupportI18n();
  return (clock: SlaClock) => {
    const parts = [t(slaKey(clock.state))];
    if (clock.dueAt) parts.push(t('desk.sla.due', { time: dateTime(clock.dueAt) }));
    if (clock.minutesLeft !== null && (clock.state === 'ok' || clock.state === 'warning' || clock.state === 'breached')) {
      parts.push(
        clock.minutesLeft >= 0
          ? t('desk.sla.left', { minutes: number(clock.minutesLeft) })
          : t('desk.sla.over', { minutes: number(-clock.minutesLeft) }),
      );
    }
    return parts.join(' – ');
  };
}

/** Someone else changed the request (a stale revision) or took it first (a conflict) since it was read. */
export const changedMeanwhile = (error: unknown): error is ApiError =>
  isStale(error) || (error instanceof ApiError && error.code === 'conflict');

/** A section of the request page, named by its heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="kp-desk-section">
      <SectionHeading id={id}>{title}</SectionHeading>
      {children}
    </section>
  );
}

/** A link to a request's page: «LS-1042 Subject». */
export function RequestLink({ number, children }: { number: number; children: ReactNode }) {
  return (
    <Link asChild>
      <RouterLink to="/lederstotte/henvendelser/$number" params={{ number: String(number) }}>
        {children}
      </RouterLink>
    </Link>
  );
}

/** The request is still open: new, in progress or waiting for the requester. */
export const isOpen = (status: string) => status === 'new' || status === 'in_progress' || status === 'waiting';

/**
 * «Ta saken» on the request page and in the queue: when someone else was quicker (or changed the
 * request), the server's message says who has it and the list or page is read again; any other
 * refusal goes to `onError`.
 */
export function useTakeRequest({
  announce,
  reread,
  onError,
}: {
  announce: (text: string, tone?: 'success' | 'warning') => void;
  reread: () => Promise<unknown>;
  onError: (error: unknown) => void;
}) {
  const { t, requestNumber } = useSupportI18n();
  const take = useTake();
  const takeRequest = async (request: { number: number; revision: number }) => {
    onError(null);
    try {
      await take.mutateAsync({ ref: String(request.number), revision: request.revision });
      announce(t('desk.done.take', { number: requestNumber(request.number) }));
    } catch (caught) {
      if (changedMeanwhile(caught)) {
        await reread();
        announce(caught.message, 'warning');
      } else {
        onError(caught);
      }
    }
  };
  return { takeRequest, take };
}
