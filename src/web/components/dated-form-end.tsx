import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { ReactNode, Ref } from 'react';
import { useI18n } from '../i18n/i18n';
import { formatLongDate } from './format';
import { WriteError } from './write-error';

/**
 * The end every dated edit form shares: from which day the change holds, its source, the server's
 * refusal (with reload when someone else changed it first), what was saved, and the submit button.
 *
 * @example
 * <form onSubmit={submit} noValidate className="kp-form">
 *   …the form's own fields…
 *   <DatedFormEnd fieldIds={{ validFrom: 'hub-from', source: 'hub-source', name: 'hub-name' }}
 *     validFrom={validFrom} onValidFrom={setValidFrom} source={source} onSource={setSource}
 *     mutation={save} onReload={() => void query.refetch()} submitLabel={t('hub.save')} />
 * </form>
 */
export function DatedFormEnd({
  fieldIds,
  validFrom,
  onValidFrom,
  validFromError,
  source,
  onSource,
  sourceError,
  mutation,
  onReload,
  submitLabel,
  nothingChanged = false,
  savedRef,
  savedExtra,
  validFromLabel,
  afterValidFrom,
}: {
  fieldIds: Record<string, string> & { validFrom: string; source: string };
  validFrom: string;
  onValidFrom: (value: string) => void;
  validFromError?: string;
  source: string;
  onSource: (value: string) => void;
  sourceError?: string;
  mutation: { error: unknown; isSuccess: boolean; isPending: boolean; reset: () => void };
  onReload: () => void;
  submitLabel: string;
  /** The form was sent without a change: said, and nothing saved. */
  nothingChanged?: boolean;
  /** Focus goes to the saved message (useFocusWhen). */
  savedRef?: Ref<HTMLDivElement>;
  /** More to say under "saved", such as a link to what was made. */
  savedExtra?: ReactNode;
  /** «Gjelder fra» by default. */
  validFromLabel?: string;
  /** A field that belongs right after «valid from», such as the day it ends. */
  afterValidFrom?: ReactNode;
}) {
  const { t, language } = useI18n();
  return (
    <>
      <Textfield
        id={fieldIds.validFrom}
        label={validFromLabel ?? t('form.validFrom')}
        type="date"
        value={validFrom}
        onChange={(e) => onValidFrom(e.target.value)}
        error={validFromError}
        required
      />
      {afterValidFrom}
      <Textfield
        id={fieldIds.source}
        label={t('form.source')}
        description={t('form.sourceHelp')}
        value={source}
        onChange={(e) => onSource(e.target.value)}
        error={sourceError}
      />
      <WriteError
        error={mutation.error}
        fieldIds={fieldIds}
        onReload={() => {
          mutation.reset();
          onReload();
        }}
      />
      {nothingChanged && (
        <Alert data-color="info" role="status">
          <Paragraph>{t('form.nothingChanged')}</Paragraph>
        </Alert>
      )}
      {mutation.isSuccess && !mutation.error && (
        <Alert data-color="success" role="status" ref={savedRef} tabIndex={savedRef ? -1 : undefined}>
          <Paragraph>{t('form.saved', { date: validFrom ? formatLongDate(language, validFrom) : '' })}</Paragraph>
          {savedExtra}
        </Alert>
      )}
      <div className="kp-form__actions">
        <Button type="submit" loading={mutation.isPending}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
