import { Alert, Button, ErrorSummary, Paragraph } from '@digdir/designsystemet-react';
import { ApiError, errorMessage } from '../data/client';
import { translate, useI18n, type Language } from '../i18n/i18n';

/**
 * The server's message per field, from `details`: a schema refusal lists `[{ path, problem }]`;
 * a command's refusal names one field (`{ path }`, or `{ field }`) and its main message says what is wrong.
 * Keyed by the first segment of the path («/validFrom» → validFrom). A problem may come in both
 * languages (`{ nb, en }`); give `language` to pick one. With `language`, a bare string problem is the
 * server's English validator text («must match format», 'blank'), not words for a user: the first field
 * named gets the refusal's own (localised) message, any other «Sjekk verdien i dette feltet.».
 *
 * @example <Textfield id="unit-name" error={fieldErrors(mutation.error, language).name} … />
 */
export function fieldErrors(error: unknown, language?: Language): Record<string, string> {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return {};
  const result: Record<string, string> = {};
  const fieldOf = (path: unknown) => (typeof path === 'string' ? path.replace(/^\//, '').split(/[/.]/)[0] : undefined);
  if (Array.isArray(error.details)) {
    let messageGiven = false;
    for (const item of error.details as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const { path, problem } = item as { path?: unknown; problem?: unknown };
      const name = fieldOf(path);
      if (!name || result[name]) continue;
      let text: unknown;
      if (typeof problem === 'string' && problem && language) {
        text = messageGiven ? translate(language, 'write.checkField') : error.message;
        messageGiven = true;
      } else if (typeof problem === 'string') text = problem;
      else if (language && typeof problem === 'object' && problem) text = (problem as Record<string, unknown>)[language];
      if (typeof text === 'string' && text) result[name] = text;
    }
  } else {
    const { path, field } = error.details as { path?: unknown; field?: unknown };
    const name = fieldOf(path ?? field);
    if (name) result[name] = error.message;
  }
  return result;
}

/** True for the refusal of an edit made on an old revision (someone else saved first). */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'stale';
}

/**
 * What a refused write says: «someone else changed it» with a reload button for a stale revision,
 * otherwise the server's message (and its field messages) in an error summary linking to the fields.
 * Nothing when there is no error.
 *
 * @example
 * <WriteError error={mutation.error} fieldIds={{ name: 'unit-name' }} onReload={() => { mutation.reset(); void query.refetch(); }} />
 */
export function WriteError({
  error,
  onReload,
  fieldIds = {},
  heading,
}: {
  error: unknown;
  /** Reload what was edited; without it a stale refusal only says what happened. */
  onReload?: () => void;
  /** Field name (as the server names it) → the input's id, for the summary's links. */
  fieldIds?: Record<string, string>;
  /** What failed, e.g. «The scenario was not applied»; «The change was not saved» by default. */
  heading?: string;
}) {
  const { t, language } = useI18n();
  if (!error) return null;
  if (isStale(error)) {
    return (
      <Alert data-color="warning" role="alert">
        <Paragraph>{t('write.stale')}</Paragraph>
        {onReload && (
          <Button variant="secondary" data-size="sm" onClick={onReload}>
            {t('write.reload')}
          </Button>
        )}
      </Alert>
    );
  }
  const fields = fieldErrors(error, language);
  const linked = Object.entries(fields).filter(([name]) => fieldIds[name]);
  const message = errorMessage(error, language);
  return (
    <ErrorSummary>
      <ErrorSummary.Heading level={3}>{heading ?? t('write.failed')}</ErrorSummary.Heading>
      {/* A command's refusal that names one field says it there and in the link below: once is enough here. */}
      {!linked.some(([, text]) => text === message) && <Paragraph>{message}</Paragraph>}
      {linked.length > 0 && (
        <ErrorSummary.List>
          {linked.map(([name, text]) => (
            <ErrorSummary.Item key={name}>
              <ErrorSummary.Link href={`#${fieldIds[name]}`}>{text}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      )}
    </ErrorSummary>
  );
}
