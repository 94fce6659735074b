import { Button, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { usePlacesI18n } from './i18n';
import type { PlacesKey } from './places.messages';

/** A day and a time span: a service's fixed times (from, to) or a site's opening hours (opens, closes). */
type Span<S extends string, E extends string> = { weekday: number } & Record<S | E, string>;

/** Times per weekday: a row per day and span, added and removed with buttons. */
export function TimesField<S extends string, E extends string>({
  id,
  legend,
  description,
  times,
  onChange,
  error,
  start,
  end,
  addLabel,
  blank,
}: {
  id: string;
  legend: string;
  description?: string;
  times: Span<S, E>[];
  onChange: (times: Span<S, E>[]) => void;
  error?: string;
  /** The field that starts the span and its label (with {n}, the row's number). */
  start: { key: S; label: PlacesKey };
  end: { key: E; label: PlacesKey };
  addLabel: PlacesKey;
  /** A new row. */
  blank: Span<S, E>;
}) {
  const { t, weekday } = usePlacesI18n();
  const update = (index: number, change: Partial<Span<S, E>>) =>
    onChange(times.map((span, i) => (i === index ? { ...span, ...change } : span)));
  return (
    <Fieldset id={id} tabIndex={-1}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {times.map((span, index) => (
        <div key={index} className="kp-places-times__row">
          <div>
            <Label htmlFor={`${id}-${index}-day`}>{t('form.weekday', { n: index + 1 })}</Label>
            <Select
              id={`${id}-${index}-day`}
              value={span.weekday}
              onChange={(e) => update(index, { weekday: Number(e.target.value) } as Partial<Span<S, E>>)}
            >
              {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                <option key={day} value={day}>
                  {weekday(day)}
                </option>
              ))}
            </Select>
          </div>
          {[start, end].map((field) => (
            <Textfield
              key={field.key}
              id={`${id}-${index}-${field.key}`}
              label={t(field.label, { n: index + 1 })}
              type="time"
              value={span[field.key]}
              onChange={(e) => update(index, { [field.key]: e.target.value } as Partial<Span<S, E>>)}
            />
          ))}
          <Button variant="tertiary" data-size="sm" onClick={() => onChange(times.filter((_, i) => i !== index))}>
            {t('form.removeTime', { n: index + 1 })}
          </Button>
        </div>
      ))}
      <div>
        <Button variant="secondary" data-size="sm" onClick={() => onChange([...times, blank])}>
          {t(addLabel)}
        </Button>
      </div>
      {error && <ValidationMessage data-color="danger">{error}</ValidationMessage>}
    </Fieldset>
  );
}
