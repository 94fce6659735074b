import {
  EXPERIMENTAL_Suggestion,
  EXPERIMENTAL_SuggestionEmpty,
  EXPERIMENTAL_SuggestionInput,
  EXPERIMENTAL_SuggestionList,
  EXPERIMENTAL_SuggestionOption,
  Field,
  Label,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { matchesQuery } from './match';

/** One choice: the id the form keeps, the name shown, and what tells two alike apart (parent, level). */
export type ComboboxOption = { value: string; label: string; description?: string };

export type EntityComboboxProps = {
  /** The input's id: the label, forms and error summaries (`href="#id"`) point at it. */
  id: string;
  /** Submitted with the form, if it posts natively. */
  name?: string;
  label: ReactNode;
  description?: ReactNode;
  /** Shown under the field; the input gets `aria-invalid` and points at it (`${id}-error`). */
  error?: ReactNode;
  options: readonly ComboboxOption[];
  /** The chosen option's value; '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** The options are still on their way: said in the list instead of «no match». */
  loading?: boolean;
  disabled?: boolean;
  required?: boolean;
  className?: string;
  'data-size'?: 'sm' | 'md' | 'lg';
};

/**
 * A searchable choice among many units or people (instead of a `<select>` with 168 options), on
 * Designsystemet's Suggestion: type part of a name (case and accents do not matter, and the words
 * may come in any order), move with the arrow keys, choose with Enter. Clearing the text chooses
 * none. Controlled: `value` is an option's value.
 *
 * @example
 * <EntityCombobox id={fieldIds.unitId} label={t('location.unit')} error={errors.unitId}
 *   options={units.map((u) => ({ value: u.id, label: u.name, description: t('common.levelN', { level: u.level }) }))}
 *   value={unitId} onChange={setUnitId} loading={units.isPending} />
 */
export function EntityCombobox({
  id,
  name,
  label,
  description,
  error,
  options,
  value,
  onChange,
  loading = false,
  disabled,
  required,
  className,
  'data-size': size,
}: EntityComboboxProps) {
  const { t } = useI18n();
  const selected = useMemo(() => {
    if (!value) return null;
    const option = options.find((o) => o.value === value);
    return option ? { value: option.value, label: option.label } : null;
  }, [options, value]);
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const filter = useCallback(
    ({ value: optionValue, label: optionLabel, input }: { value: string; label: string; input: HTMLInputElement }) =>
      // The chosen option's own name in the field lists every option again, as a select would.
      (selected !== null && input.value === selected.label) ||
      matchesQuery(input.value, optionLabel, byValue.get(optionValue)?.description),
    [byValue, selected],
  );
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  const sr = {
    'data-sr-singular': t('combobox.srOne'),
    'data-sr-plural': t('combobox.srMany'),
    'data-sr-added': t('combobox.srAdded'),
    'data-sr-removed': t('combobox.srRemoved'),
    'data-sr-empty': t('combobox.srEmpty'),
    'data-sr-invalid': t('combobox.srInvalid'),
    'data-sr-of': t('combobox.srOf'),
    'data-sr-toggle': t('combobox.srToggle'),
  };

  return (
    <Field className={['kp-combobox', className].filter(Boolean).join(' ')} data-size={size}>
      <Label htmlFor={id}>{label}</Label>
      {description && <Field.Description id={descriptionId}>{description}</Field.Description>}
      <EXPERIMENTAL_Suggestion
        {...sr}
        selected={selected}
        onSelectedChange={(item) => onChange(item?.value ?? '')}
        filter={filter}
        name={name}
      >
        <EXPERIMENTAL_SuggestionInput
          id={id}
          disabled={disabled}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          // Emptying the field chooses none, as the empty option of a select did.
          onInput={(event) => {
            if (event.currentTarget.value.trim() === '' && value) onChange('');
          }}
        />
        <EXPERIMENTAL_SuggestionList>
          <EXPERIMENTAL_SuggestionEmpty>{loading ? t('combobox.loading') : t('combobox.noMatch')}</EXPERIMENTAL_SuggestionEmpty>
          {options.map((option) => (
            <EXPERIMENTAL_SuggestionOption key={option.value} value={option.value} label={option.label}>
              {option.label}
              {/* The space keeps name and description apart in the option's accessible name. */}
              {option.description && (
                <>
                  {' '}
                  <span className="kp-combobox__description">{option.description}</span>
                </>
              )}
            </EXPERIMENTAL_SuggestionOption>
          ))}
        </EXPERIMENTAL_SuggestionList>
      </EXPERIMENTAL_Suggestion>
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Field>
  );
}
