import { Button, Fieldset, FieldsetLegend, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { AuditSearch } from './audit-search';

type Filters = Required<Omit<AuditSearch, 'page'>>;

const filterNames = ['entityType', 'action', 'actor', 'from', 'to'] as const;
const noFilters: Filters = { entityType: '', action: '', actor: '', from: '', to: '' };

/**
 * The filter form. It edits a draft; the filters only apply (and go into the
 * URL, so the view can be bookmarked and "Back" works) when submitted.
 */
export function AuditFilters({ search, onApply }: { search: AuditSearch; onApply: (filters: AuditSearch) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(() => draftFrom(search));
  const rangeInvalid = Boolean(draft.from && draft.to && draft.to < draft.from);

  const field = (name: keyof Filters) => ({
    name,
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (rangeInvalid) return;
    onApply(searchFrom(draft));
  }

  return (
    <form onSubmit={onSubmit} className="kp-filters" noValidate>
      <Fieldset>
        <FieldsetLegend>{t('audit.filters')}</FieldsetLegend>
        <div className="kp-filters__grid">
          <Textfield label={t('audit.entityType')} {...field('entityType')} />
          <Textfield label={t('audit.action')} {...field('action')} />
          <Textfield label={t('audit.actor')} {...field('actor')} />
          <Textfield label={t('audit.from')} type="date" {...field('from')} />
          <Textfield
            label={t('audit.to')}
            type="date"
            min={draft.from || undefined}
            error={rangeInvalid ? t('audit.invalidRange') : undefined}
            {...field('to')}
          />
        </div>
        <div className="kp-filters__actions">
          <Button type="submit">{t('audit.apply')}</Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setDraft(noFilters);
              onApply({});
            }}
          >
            {t('audit.reset')}
          </Button>
        </div>
      </Fieldset>
    </form>
  );
}

function draftFrom(search: AuditSearch): Filters {
  const draft = { ...noFilters };
  for (const name of filterNames) draft[name] = search[name] ?? '';
  return draft;
}

/** Only filled-in filters, so empty ones stay out of the URL and the API request. */
function searchFrom(draft: Filters): AuditSearch {
  const search: AuditSearch = {};
  for (const name of filterNames) if (draft[name].trim()) search[name] = draft[name].trim();
  return search;
}
