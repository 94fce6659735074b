import { Alert, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import type { CategoryField, RequesterContext } from '../leader-support.schemas';
import { useSupportI18n } from './i18n';
import type { Picked } from './new-request.validation';
import { Required, SearchPicker } from './search-picker';

// «Ny henvendelse»: the form's own fields: a category's field by its type, the required mark, and
// where the request is sent from.

export function SentFrom({ children }: { children: ReactNode }) {
  const { t } = useSupportI18n();
  return (
    <div className="kp-ls-req-from">
      <Paragraph>
        <strong>{t('requests.new.from')}</strong> {children}
      </Paragraph>
    </div>
  );
}

/** Where the request comes from, as the organisation model says today; without a position, said plainly. */
export function RequesterFrom({ me }: { me: RequesterContext }) {
  const { t } = useSupportI18n();
  if (!me.unit) {
    return (
      <Alert data-color="warning" className="kp-ls-req-from">
        <Heading level={3} data-size="2xs">
          {t('requests.new.noUnitHeading')}
        </Heading>
        <Paragraph>{t('requests.new.noUnit')}</Paragraph>
      </Alert>
    );
  }
  const unit = t('requests.new.fromUnit', { unit: me.unit.name, level: me.unit.level });
  return (
    <SentFrom>
      {me.sector ? `${unit}, ${me.sector.name}` : unit}
      <span className="kp-ls-req-block kp-muted">{t('requests.new.fromHelp')}</span>
    </SentFrom>
  );
}

export function CategoryFieldInput({
  field,
  id,
  value,
  onValue,
  picked,
  onPicked,
  error,
}: {
  field: CategoryField;
  id: string;
  value: string;
  onValue: (value: string) => void;
  picked: Picked | null;
  onPicked: (value: Picked | null) => void;
  error?: string;
}) {
  const { t, pick } = useSupportI18n();
  const label = pick(field.label);
  const help = field.help ? pick(field.help) : undefined;
  const shownLabel = field.required ? <Required>{label}</Required> : label;

  switch (field.type) {
    case 'unit':
    case 'person':
      return (
        <SearchPicker
          kind={field.type}
          id={id}
          legend={label}
          description={help}
          required={field.required}
          value={picked}
          onChange={onPicked}
          error={error}
        />
      );
    case 'select':
      return (
        <div className="kp-ls-req-field">
          <Label htmlFor={id}>{shownLabel}</Label>
          {help && (
            <Paragraph data-size="sm" id={`${id}-help`} className="kp-muted">
              {help}
            </Paragraph>
          )}
          <Select
            id={id}
            value={value}
            onChange={(e) => onValue(e.target.value)}
            required={field.required}
            aria-invalid={error ? true : undefined}
            aria-describedby={[help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          >
            <option value="">{t('requests.new.choose')}</option>
            {(field.options ?? []).map((option) => (
              <option key={option.value} value={option.value}>
                {pick(option.label)}
              </option>
            ))}
          </Select>
          {error && (
            <ValidationMessage id={`${id}-error`} data-color="danger">
              {error}
            </ValidationMessage>
          )}
        </div>
      );
    case 'textarea':
      return (
        <Textfield
          id={id}
          multiline
          rows={4}
          label={shownLabel}
          description={help}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          error={error}
          required={field.required}
        />
      );
    default:
      return (
        <Textfield
          id={id}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          label={shownLabel}
          description={help}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          error={error}
          required={field.required}
          autoComplete="off"
        />
      );
  }
}
