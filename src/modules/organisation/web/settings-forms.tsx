import { Alert, Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { WriteError } from '../../../web/components/write-error';
import { useOrgI18n } from './i18n';

// The small forms of the rules page's settings (spans, level exceptions, baselines): one row's
// form below its table, and the announcement of a save that takes the focus.

/**
 * A success message that is announced (role="status") and takes the focus after a save, so
 * keyboard and screen-reader users land on what happened rather than on a vanished form.
 */
export function useAnnouncer() {
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const announce = useCallback((text: string) => {
    flushSync(() => setMessage(text));
    ref.current?.focus();
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  return { ref, message, announce, clear };
}

export function Announcement({ announcerRef, message }: { announcerRef: RefObject<HTMLDivElement | null>; message: string | null }) {
  return (
    <div ref={announcerRef} role="status" tabIndex={-1} className="kp-settings-status">
      {message && (
        <Alert data-color="success">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

/** A small form that opens below a table for one row: a legend, fields, the refusal, save and cancel. */
export function RowForm({
  legend,
  onSubmit,
  onCancel,
  error,
  onReload,
  fieldIds,
  errorHeading,
  submitLabel,
  pending,
  danger,
  children,
}: {
  legend: string;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  error: unknown;
  onReload: () => void;
  fieldIds: Record<string, string>;
  errorHeading?: string;
  submitLabel: string;
  pending: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useOrgI18n();
  return (
    <form className="kp-org-form kp-row-form" onSubmit={onSubmit} noValidate>
      <Fieldset>
        <Fieldset.Legend>{legend}</Fieldset.Legend>
        {children}
      </Fieldset>
      <WriteError error={error} onReload={onReload} fieldIds={fieldIds} heading={errorHeading} />
      <div className="kp-org-form__actions">
        <Button type="submit" loading={pending} data-color={danger ? 'danger' : undefined}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('settings.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function SubHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Heading level={3} data-size="xs" id={id} className="kp-org-subheading">
      {children}
    </Heading>
  );
}
