import { Fieldset, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { errorMessage } from '../../../web/data/client';
import { useSupportI18n } from './i18n';
import type { Picked } from './new-request.validation';
import { leaderSearchQuery, organisationSearchQuery } from './requests-api';

// «Ny henvendelse»: the search that picks a unit, a person or a leader, and the required mark its
// legend shares with the form's fields.

/** «Emne *»: the star is for the eye; `required` on the input says it to screen readers. */
export function Required({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <span aria-hidden="true" className="kp-ls-req-star">
        {' '}
        *
      </span>
    </>
  );
}

/** The value after the user stopped typing for a moment: one search per pause, not per key. */
function useDebounced(value: string, ms = 300): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Picks a unit or a person (the organisation search) or a leader (first line's «Registrer for en
 * leder»): a search field, and the matches as radio buttons. Enter in the search field searches at
 * once instead of sending the form.
 */
export function SearchPicker({
  kind,
  id,
  legend,
  description,
  required,
  value,
  onChange,
  error,
}: {
  kind: 'unit' | 'person' | 'leader';
  id: string;
  legend: string;
  description?: string;
  required: boolean;
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  error?: string;
}) {
  const { t, language } = useSupportI18n();
  const ids = useId();
  const [q, setQ] = useState('');
  const [now, setNow] = useState<string | null>(null);
  const debounced = useDebounced(q.trim());
  const term = now ?? debounced;
  const organisation = useQuery({ ...organisationSearchQuery(term), enabled: kind !== 'leader' && term !== '' });
  const leaders = useQuery({ ...leaderSearchQuery(term), enabled: kind === 'leader' && term !== '' });
  const query = kind === 'leader' ? leaders : organisation;

  const options: Picked[] =
    term === ''
      ? []
      : kind === 'leader'
        ? (leaders.data ?? []).map((u) => ({ id: u.userId, label: u.displayName, hint: u.unitName }))
        : kind === 'unit'
          ? (organisation.data?.units ?? []).map((u) => ({ id: u.id, label: u.name, hint: t('requests.new.level', { level: u.level }) }))
          : (organisation.data?.people ?? []).map((p) => ({ id: p.id, label: p.name }));
  const shown = value && !options.some((o) => o.id === value.id) ? [value, ...options] : options;
  const searchLabel = t(
    kind === 'unit' ? 'requests.new.searchUnit' : kind === 'person' ? 'requests.new.searchPerson' : 'requests.new.searchLeader',
  );

  return (
    <Fieldset className="kp-ls-req-picker" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <Fieldset.Legend>{required ? <Required>{legend}</Required> : legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      <Textfield
        id={id}
        label={searchLabel}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setNow(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            setNow(q.trim());
          }
        }}
        autoComplete="off"
        data-size="sm"
      />
      <div role="status" className="kp-ls-req-picker__status">
        {term !== '' && query.isFetching && t('requests.new.searching')}
        {term !== '' && !query.isFetching && query.isError && errorMessage(query.error, language)}
        {term !== '' && !query.isFetching && query.isSuccess && options.length === 0 && t('requests.new.noMatches', { q: term })}
        {term !== '' && !query.isFetching && options.length > 0 && t('requests.new.matches', { count: options.length })}
      </div>
      {shown.map((option) => (
        <Radio
          key={option.id}
          name={`${ids}-pick`}
          value={option.id}
          label={option.label}
          description={option.hint ?? undefined}
          checked={value?.id === option.id}
          onChange={() => onChange(option)}
          required={required}
        />
      ))}
      {value && (
        <Paragraph data-size="sm" className="kp-muted">
          {t('requests.new.picked', { name: value.label })}
        </Paragraph>
      )}
      {error && (
        <ValidationMessage id={`${id}-error`} data-color="danger">
          {error}
        </ValidationMessage>
      )}
    </Fieldset>
  );
}
