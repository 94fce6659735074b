import { Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/** What a control inside a FormField takes to be named, described and marked invalid. */
export type FieldControl = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

/**
 * A label, an optional help text, the control and its error, for the controls Designsystemet gives
 * no field of its own (Select, Textarea). Given a function, the control gets its id and aria
 * attributes from it.
 *
 * @example
 * <FormField id={ids.notes} label={t('hub.notes')} description={t('hub.notesHelp')} error={errors.notes}>
 *   {(control) => <Textarea {...control} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />}
 * </FormField>
 */
export function FormField({
  id,
  label,
  description,
  error,
  children,
}: {
  id: string;
  label: string;
  description?: string;
  error?: string;
  children: ReactNode | ((control: FieldControl) => ReactNode);
}) {
  const describedBy = [description && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="kp-field">
      <Label htmlFor={id}>{label}</Label>
      {description && (
        <Paragraph data-size="sm" id={`${id}-help`} className="kp-muted">
          {description}
        </Paragraph>
      )}
      {typeof children === 'function'
        ? children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })
        : children}
      {error && (
        <ValidationMessage id={`${id}-error`} data-color="danger">
          {error}
        </ValidationMessage>
      )}
    </div>
  );
}
