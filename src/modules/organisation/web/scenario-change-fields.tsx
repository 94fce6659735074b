import { Button, Fieldset, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { EntityCombobox } from '../../../web/components/combobox/combobox';
import { unitPathOptions } from '../../../web/components/combobox/unit-path-options';
import type { TreeUnit } from '../organisation.schemas';
import { personQuery, positionQuery, searchQuery, unitQuery } from './api';
import { useOrgI18n } from './i18n';
import { FieldError } from './unit-edit';

// The add-change form's pickers. Changes name things by key, so a picked position or person is
// looked up for its key, which the field reports once it is known.

/** What a unit or position picker takes: it reports the picked key. */
type PickerProps = {
  id: string;
  label: string;
  units: TreeUnit[];
  onChange: (key: string) => void;
  error?: string;
  optional?: boolean;
};

export function UnitKeyField({
  id,
  label,
  units,
  value,
  onChange,
  error,
  optional,
  exclude,
}: PickerProps & { value: string; /** Keys not to offer (already in a list); their paths still show. */ exclude?: readonly string[] }) {
  const { t, collator } = useOrgI18n();
  // The path above each unit tells two of the same name apart.
  const options = useMemo(
    () =>
      unitPathOptions(units, collator.compare, {
        value: (unit) => unit.key,
        include: exclude?.length ? (unit) => !exclude.includes(unit.key) : undefined,
      }),
    [units, collator, exclude],
  );
  return (
    <EntityCombobox
      id={id}
      label={label}
      description={optional ? t('scenario.optional') : undefined}
      options={options}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

/** Several units: pick one, add it to the list; each can be removed again. */
export function UnitListField({
  id,
  label,
  units,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  units: TreeUnit[];
  value: string[];
  onChange: (keys: string[]) => void;
  error?: string;
}) {
  const { t, collator } = useOrgI18n();
  const [next, setNext] = useState('');
  // A chosen unit named with its path, as in the picker: two of the same name stay apart in the list.
  const chosen = useMemo(
    () => new Map(unitPathOptions(units, collator.compare, { value: (unit) => unit.key }).map((option) => [option.value, option])),
    [units, collator],
  );
  const nameOf = (key: string) => {
    const option = chosen.get(key);
    if (!option) return key;
    return option.description ? `${option.label} (${option.description})` : option.label;
  };
  return (
    <Fieldset>
      <Fieldset.Legend>{label}</Fieldset.Legend>
      {value.length > 0 && (
        <ul className="kp-entity-links">
          {value.map((key) => (
            <li key={key}>
              {nameOf(key)}{' '}
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => onChange(value.filter((k) => k !== key))}
                aria-label={t('scenario.removeFromList', { name: nameOf(key) })}
              >
                {t('scenario.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="kp-inline-form">
        <UnitKeyField id={id} label={t('scenario.addUnitToList')} units={units} exclude={value} value={next} onChange={setNext} />
        <Button
          type="button"
          variant="secondary"
          disabled={!next}
          onClick={() => {
            onChange([...value, next]);
            setNext('');
          }}
        >
          {t('scenario.add')}
        </Button>
      </div>
      {error && <FieldError id={`${id}-list-error`}>{error}</FieldError>}
    </Fieldset>
  );
}

/** A position, picked by its unit, then looked up for its key. */
export function PositionKeyField({ id, label, units, date, onChange, error, optional }: PickerProps & { date: string }) {
  const { t, collator } = useOrgI18n();
  const [unitId, setUnitId] = useState('');
  const [positionId, setPositionId] = useState('');
  const unit = useQuery({ ...unitQuery(unitId, date), enabled: Boolean(unitId) });
  const position = useQuery({ ...positionQuery(positionId, date), enabled: Boolean(positionId) });
  const options = useMemo(() => unitPathOptions(units, collator.compare), [units, collator]);
  const key = positionId && position.data?.id === positionId ? position.data.key : '';
  useEffect(() => onChange(key), [key]); // eslint-disable-line react-hooks/exhaustive-deps -- report the key when it is known

  return (
    <Fieldset>
      <Fieldset.Legend>
        {label}
        {optional ? ` (${t('scenario.optionalShort')})` : ''}
      </Fieldset.Legend>
      <div className="kp-inline-form">
        <EntityCombobox
          id={`${id}-unit`}
          label={t('scenario.positionUnit')}
          options={options}
          value={unitId}
          onChange={(next) => {
            setUnitId(next);
            setPositionId('');
          }}
        />
        <div>
          <Label htmlFor={id}>{t('scenario.positionInUnit')}</Label>
          <Select
            id={id}
            value={positionId}
            onChange={(event) => setPositionId(event.target.value)}
            disabled={!unit.data}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <option value="">{unitId && unit.isPending ? t('scenario.loadingPositions') : t('scenario.choosePosition')}</option>
            {unit.data?.positions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.title}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </Fieldset>
  );
}

/** A person, found by name, then looked up for their key. */
export function PersonKeyField({
  id,
  label,
  date,
  onChange,
  error,
}: {
  id: string;
  label: string;
  date: string;
  onChange: (key: string) => void;
  error?: string;
}) {
  const { t } = useOrgI18n();
  const [name, setName] = useState('');
  const [searched, setSearched] = useState('');
  const [personId, setPersonId] = useState('');
  const results = useQuery(searchQuery(searched, date));
  const person = useQuery({ ...personQuery(personId, date), enabled: Boolean(personId) });
  const key = personId && person.data?.id === personId ? person.data.key : '';
  useEffect(() => onChange(key), [key]); // eslint-disable-line react-hooks/exhaustive-deps -- report the key when it is known
  const people = searched ? (results.data?.people ?? []) : [];
  return (
    <Fieldset>
      <Fieldset.Legend>{label}</Fieldset.Legend>
      <div className="kp-inline-form">
        <Textfield
          label={t('assign.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              setSearched(name.trim());
            }
          }}
        />
        <Button type="button" variant="secondary" onClick={() => setSearched(name.trim())}>
          {t('assign.search')}
        </Button>
      </div>
      {searched && (
        <div>
          <Label htmlFor={id}>{t('scenario.chooseFound', { count: people.length })}</Label>
          <Select id={id} value={personId} onChange={(event) => setPersonId(event.target.value)} aria-invalid={error ? true : undefined}>
            <option value="">{t('scenario.choosePerson')}</option>
            {people.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </Fieldset>
  );
}
