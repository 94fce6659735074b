import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { formatLongDate, isIsoDate } from './format';

export { isIsoDate };

/**
 * The as-of date picker. Applied on submit (a date field fires changes while the year is still being
 * typed); the page keeps the date in its URL (`?dato=`), so a view can be bookmarked and shared.
 *
 * @example <AsOfDateForm date={date} onChange={(dato) => void navigate({ search: (s) => ({ ...s, dato }) })} label={t('asOf.label')} />
 */
export function AsOfDateForm({ date, onChange, label }: { date: string; onChange: (date: string) => void; label?: string }) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState(date);
  const [shownFor, setShownFor] = useState(date);
  if (shownFor !== date) {
    // The URL changed (e.g. "Back"): show its date.
    setShownFor(date);
    setDraft(date);
  }
  const invalid = draft !== '' && !isIsoDate(draft);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isIsoDate(draft)) onChange(draft);
  };
  return (
    <form className="kp-asof" onSubmit={submit} noValidate>
      <Textfield
        label={label ?? t('asOf.label')}
        description={t('asOf.description', { date: formatLongDate(language, date) })}
        type="date"
        min="1900-01-01"
        max="2999-12-31"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        error={invalid ? t('asOf.invalid') : undefined}
        data-size="sm"
      />
      <Button type="submit" variant="secondary" data-size="sm">
        {t('asOf.show')}
      </Button>
    </form>
  );
}
