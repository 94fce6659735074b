import { Button, Checkbox, Fieldset, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { TreeUnit } from '../organisation.schemas';
import type { ScenarioChange } from '../scenarios.schemas';
import { personQuery, positionQuery, searchQuery, treeQuery, unitQuery } from './api';
import { classificationKey, kindKey, lineTypeKey, roleKey, useOrgI18n, type OrgTranslate } from './i18n';
import type { OrgKey } from './organisation.messages';
import { FieldError } from './unit-edit';
import { classifications, lineTypes, roleTypes, scenarioChangeTypes, unitKinds, type ScenarioChangeType } from './vocabulary';
import type { Classification, LineType, RoleType, UnitKind } from './types';

export const changeTypeKey = (type: ScenarioChangeType) => `change.${type}` as const satisfies OrgKey;

/** A key for something new, made from its name: lower-case letters, digits and hyphens. */
export function keyFromName(name: string): string {
  return name
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

const keyPattern = /^[a-z0-9][a-z0-9-]*$/;

type Fields = Record<string, string>;

/**
 * The form to add one change to a scenario. The change type decides the fields; units are picked
 * from the organisation on the scenario's date, positions by unit, people by name. Changes name
 * things by key, so a picked position or person is looked up for its key.
 */
export function AddChangeForm({
  date,
  pending,
  onAdd,
}: {
  date: string;
  pending: boolean;
  onAdd: (change: ScenarioChange) => Promise<boolean>;
}) {
  const { t } = useOrgI18n();
  const ids = useId();
  const [type, setType] = useState<ScenarioChangeType>('move_unit');
  const [fields, setFields] = useState<Fields>({});
  const [lists, setLists] = useState<Record<string, string[]>>({});
  const [tried, setTried] = useState(false);
  // Bumped after a change is added: every field starts afresh (the pickers keep state of their own).
  const [generation, setGeneration] = useState(0);
  const tree = useQuery(treeQuery(date));
  const units = useMemo(() => tree.data?.units ?? [], [tree.data]);

  const set = (name: string) => (value: string) => setFields((current) => ({ ...current, [name]: value }));
  const setList = (name: string) => (value: string[]) => setLists((current) => ({ ...current, [name]: value }));
  const { change, errors } = buildChange(type, fields, lists, t);
  const error = (name: string) => (tried ? errors[name] : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!change) return;
    if (await onAdd(change)) {
      setFields({});
      setLists({});
      setTried(false);
      setGeneration((n) => n + 1);
    }
  };

  const unit = (name: string, label: string, optional = false) => (
    <UnitKeyField
      key={`${generation}-${type}-${name}`}
      id={`${ids}-${name}`}
      label={label}
      units={units}
      value={fields[name] ?? ''}
      onChange={set(name)}
      error={error(name)}
      optional={optional}
    />
  );
  const position = (name: string, label: string, optional = false) => (
    <PositionKeyField
      key={`${generation}-${type}-${name}`}
      id={`${ids}-${name}`}
      label={label}
      units={units}
      date={date}
      onChange={set(name)}
      error={error(name)}
      optional={optional}
    />
  );
  const text = (name: string, label: string, description?: string) => (
    <Textfield
      key={`${generation}-${type}-${name}`}
      id={`${ids}-${name}`}
      label={label}
      description={description}
      value={fields[name] ?? ''}
      onChange={(event) => set(name)(event.target.value)}
      error={error(name)}
    />
  );
  const choice = <T extends string>(
    name: string,
    label: string,
    values: readonly T[],
    labelOf: (value: T) => string,
    optionalLabel?: string,
  ) => (
    <div key={`${generation}-${type}-${name}`}>
      <Label htmlFor={`${ids}-${name}`}>{label}</Label>
      <Select
        id={`${ids}-${name}`}
        value={fields[name] ?? ''}
        onChange={(event) => set(name)(event.target.value)}
        aria-invalid={error(name) ? true : undefined}
      >
        <option value="">{optionalLabel ?? t('scenario.choose')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {labelOf(value)}
          </option>
        ))}
      </Select>
      {error(name) && <FieldError id={`${ids}-${name}-error`}>{error(name)}</FieldError>}
    </div>
  );
  const newKey = (name: string, from: string) =>
    text(name, t('scenario.key'), t('scenario.keyHelp', { key: keyFromName(fields[from] ?? '') || '…' }));
  const level = (name: string, optionalLabel?: string) =>
    choice(name, t('unit.level'), ['1', '2', '3', '4', '5'] as const, (value) => t('common.levelShort', { level: value }), optionalLabel);

  let body: ReactNode;
  switch (type) {
    case 'create_unit':
      body = (
        <>
          {text('name', t('scenario.unitName'))}
          {newKey('key', 'name')}
          {choice<UnitKind>('kind', t('unit.kind'), unitKinds, (value) => t(kindKey(value)))}
          {level('level')}
          {unit('parentKey', t('scenario.parent'))}
          {choice<Classification>('classification', t('unit.classification'), classifications, (value) => t(classificationKey(value)))}
        </>
      );
      break;
    case 'rename_unit':
      body = (
        <>
          {unit('unitKey', t('scenario.unit'))}
          {text('name', t('edit.newName'))}
        </>
      );
      break;
    case 'move_unit':
      body = (
        <>
          {unit('unitKey', t('scenario.unitToMove'))}
          {unit('parentKey', t('edit.newParent'))}
          {level('level', t('scenario.keepLevel'))}
        </>
      );
      break;
    case 'merge_units':
      body = (
        <>
          <UnitListField
            key={`${generation}-sources`}
            id={`${ids}-sources`}
            label={t('scenario.mergeSources')}
            units={units}
            value={lists.sourceUnitKeys ?? []}
            onChange={setList('sourceUnitKeys')}
            error={error('sourceUnitKeys')}
          />
          {unit('targetUnitKey', t('scenario.mergeTarget'))}
          {text('name', t('scenario.mergeName'), t('scenario.optional'))}
        </>
      );
      break;
    case 'split_unit':
      body = (
        <>
          {unit('unitKey', t('scenario.splitUnit'))}
          {text('partName', t('scenario.splitPartName'))}
          {newKey('partKey', 'partName')}
          <UnitListField
            key={`${generation}-part`}
            id={`${ids}-part-units`}
            label={t('scenario.splitPartUnits')}
            units={units}
            value={lists.partUnitKeys ?? []}
            onChange={setList('partUnitKeys')}
            error={error('partUnitKeys')}
          />
          <Checkbox
            label={t('scenario.splitCloseOriginal')}
            checked={fields.closeOriginal === 'yes'}
            onChange={(event) => set('closeOriginal')(event.target.checked ? 'yes' : '')}
          />
        </>
      );
      break;
    case 'close_unit':
      body = unit('unitKey', t('scenario.unitToClose'));
      break;
    case 'create_position':
      body = (
        <>
          {text('title', t('scenario.positionTitle'))}
          {newKey('key', 'title')}
          {unit('unitKey', t('scenario.inUnit'))}
          {choice<RoleType>('roleType', t('position.role'), roleTypes, (value) => t(roleKey(value)))}
          <Checkbox
            label={t('position.personnelResponsibility')}
            checked={fields.personnelResponsibility === 'yes'}
            onChange={(event) => set('personnelResponsibility')(event.target.checked ? 'yes' : '')}
          />
          {position('reportsToPositionKey', t('scenario.reportsTo'), true)}
        </>
      );
      break;
    case 'move_position':
      body = (
        <>
          {position('positionKey', t('scenario.positionToMove'))}
          {unit('unitKey', t('scenario.toUnit'))}
          {position('reportsToPositionKey', t('scenario.reportsTo'), true)}
          {text('title', t('scenario.newTitle'), t('scenario.optional'))}
        </>
      );
      break;
    case 'close_position':
      body = position('positionKey', t('scenario.positionToClose'));
      break;
    case 'assign_person':
      body = (
        <>
          <PersonKeyField
            key={`${generation}-person`}
            id={`${ids}-person`}
            label={t('scenario.person')}
            date={date}
            onChange={set('personKey')}
            error={error('personKey')}
          />
          {position('positionKey', t('scenario.position'))}
          {text('fte', t('assign.fte'), t('scenario.fteHelp'))}
        </>
      );
      break;
    case 'end_assignment':
      body = (
        <>
          <PersonKeyField
            key={`${generation}-person`}
            id={`${ids}-person`}
            label={t('scenario.person')}
            date={date}
            onChange={set('personKey')}
            error={error('personKey')}
          />
          {position('positionKey', t('scenario.position'))}
        </>
      );
      break;
    case 'add_line':
    case 'end_line':
      body = (
        <>
          {choice<LineType>('lineType', t('lines.type'), lineTypes, (value) => t(lineTypeKey(value)))}
          {position('fromPositionKey', t('scenario.lineFrom'))}
          {position('toPositionKey', t('scenario.lineTo'))}
        </>
      );
      break;
  }

  return (
    <form className="kp-org-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('scenario.addChange')}>
      <div>
        <Label htmlFor={`${ids}-type`}>{t('scenario.changeType')}</Label>
        <Select
          id={`${ids}-type`}
          value={type}
          onChange={(event) => {
            setType(event.target.value as ScenarioChangeType);
            setFields({});
            setLists({});
            setTried(false);
          }}
        >
          {scenarioChangeTypes.map((value) => (
            <option key={value} value={value}>
              {t(changeTypeKey(value))}
            </option>
          ))}
        </Select>
      </div>
      {tree.isPending ? <Paragraph>{t('scenario.loadingUnits')}</Paragraph> : body}
      <div className="kp-org-form__actions">
        <Button type="submit" loading={pending}>
          {t('scenario.addChangeSubmit')}
        </Button>
      </div>
    </form>
  );
}

function buildChange(
  type: ScenarioChangeType,
  f: Fields,
  lists: Record<string, string[]>,
  t: OrgTranslate,
): { change: ScenarioChange | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const need = (name: string, message: string) => {
    const value = (f[name] ?? '').trim();
    if (!value) errors[name] = message;
    return value;
  };
  const key = (name: string, from: string) => {
    const value = (f[name] ?? '').trim() || keyFromName(f[from] ?? '');
    if (!value || !keyPattern.test(value)) errors[name] = t('scenario.keyInvalid');
    return value;
  };
  const unitRequired = t('scenario.unitRequired');
  const positionRequired = t('scenario.positionRequired');
  const optionalLevel = f.level ? { level: Number(f.level) } : {};
  let change: ScenarioChange | null = null;
  switch (type) {
    case 'create_unit': {
      const name = need('name', t('scenario.nameRequired'));
      const newKey = key('key', 'name');
      const kind = need('kind', t('scenario.choiceRequired')) as UnitKind;
      const level = need('level', t('scenario.choiceRequired'));
      const parentKey = need('parentKey', unitRequired);
      const classification = need('classification', t('scenario.choiceRequired')) as Classification;
      change = { type, key: newKey, name, kind, level: Number(level), parentKey, classification };
      break;
    }
    case 'rename_unit':
      change = { type, unitKey: need('unitKey', unitRequired), name: need('name', t('scenario.nameRequired')) };
      break;
    case 'move_unit':
      change = { type, unitKey: need('unitKey', unitRequired), parentKey: need('parentKey', unitRequired), ...optionalLevel };
      if (f.unitKey && f.unitKey === f.parentKey) errors.parentKey = t('scenario.notItself');
      break;
    case 'merge_units': {
      const sources = lists.sourceUnitKeys ?? [];
      if (sources.length === 0) errors.sourceUnitKeys = unitRequired;
      const target = need('targetUnitKey', unitRequired);
      if (sources.includes(target)) errors.targetUnitKey = t('scenario.notItself');
      change = { type, sourceUnitKeys: sources, targetUnitKey: target, ...(f.name?.trim() ? { name: f.name.trim() } : {}) };
      break;
    }
    case 'split_unit': {
      const unitKey = need('unitKey', unitRequired);
      const name = need('partName', t('scenario.nameRequired'));
      const partKey = key('partKey', 'partName');
      const unitKeys = lists.partUnitKeys ?? [];
      change = {
        type,
        unitKey,
        into: [{ key: partKey, name, ...(unitKeys.length ? { unitKeys } : {}) }],
        ...(f.closeOriginal === 'yes' ? { closeOriginal: true } : {}),
      };
      break;
    }
    case 'close_unit':
      change = { type, unitKey: need('unitKey', unitRequired) };
      break;
    case 'create_position': {
      const title = need('title', t('scenario.titleRequired'));
      const newKey = key('key', 'title');
      const unitKey = need('unitKey', unitRequired);
      const roleType = need('roleType', t('scenario.choiceRequired')) as RoleType;
      change = {
        type,
        key: newKey,
        title,
        unitKey,
        roleType,
        personnelResponsibility: f.personnelResponsibility === 'yes',
        ...(f.reportsToPositionKey ? { reportsToPositionKey: f.reportsToPositionKey } : {}),
      };
      break;
    }
    case 'move_position':
      change = {
        type,
        positionKey: need('positionKey', positionRequired),
        unitKey: need('unitKey', unitRequired),
        ...(f.reportsToPositionKey ? { reportsToPositionKey: f.reportsToPositionKey } : {}),
        ...(f.title?.trim() ? { title: f.title.trim() } : {}),
      };
      break;
    case 'close_position':
      change = { type, positionKey: need('positionKey', positionRequired) };
      break;
    case 'assign_person': {
      const fteText = (f.fte ?? '').trim().replace(',', '.');
      const fte = fteText ? Number(fteText) : 100;
      if (!Number.isFinite(fte) || fte <= 0 || fte > 100) errors.fte = t('assign.fteInvalid');
      change = {
        type,
        personKey: need('personKey', t('scenario.personRequired')),
        positionKey: need('positionKey', positionRequired),
        fte: Math.round(fte) / 100,
      };
      break;
    }
    case 'end_assignment':
      change = { type, personKey: need('personKey', t('scenario.personRequired')), positionKey: need('positionKey', positionRequired) };
      break;
    case 'add_line':
    case 'end_line': {
      const lineType = need('lineType', t('scenario.choiceRequired')) as LineType;
      const from = need('fromPositionKey', positionRequired);
      const to = need('toPositionKey', positionRequired);
      if (from && from === to) errors.toPositionKey = t('scenario.notItself');
      change = { type, lineType, fromPositionKey: from, toPositionKey: to };
      break;
    }
  }
  return { change: Object.keys(errors).length === 0 ? change : null, errors };
}

function unitOptions(units: TreeUnit[], collator: Intl.Collator) {
  return [...units].sort((a, b) => collator.compare(a.name, b.name));
}

function UnitKeyField({
  id,
  label,
  units,
  value,
  onChange,
  error,
  optional,
}: {
  id: string;
  label: string;
  units: TreeUnit[];
  value: string;
  onChange: (key: string) => void;
  error?: string;
  optional?: boolean;
}) {
  const { t, collator } = useOrgI18n();
  const options = useMemo(() => unitOptions(units, collator), [units, collator]);
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{optional ? t('scenario.none') : t('edit.chooseUnit')}</option>
        {options.map((unit) => (
          <option key={unit.id} value={unit.key}>
            {unit.name} ({t('common.levelN', { level: unit.level })})
          </option>
        ))}
      </Select>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}

/** Several units: pick one, add it to the list; each can be removed again. */
function UnitListField({
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
  const { t } = useOrgI18n();
  const [next, setNext] = useState('');
  const nameOf = (key: string) => units.find((unit) => unit.key === key)?.name ?? key;
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
        <UnitKeyField
          id={id}
          label={t('scenario.addUnitToList')}
          units={units.filter((unit) => !value.includes(unit.key))}
          value={next}
          onChange={setNext}
        />
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
function PositionKeyField({
  id,
  label,
  units,
  date,
  onChange,
  error,
  optional,
}: {
  id: string;
  label: string;
  units: TreeUnit[];
  date: string;
  onChange: (key: string) => void;
  error?: string;
  optional?: boolean;
}) {
  const { t, collator } = useOrgI18n();
  const [unitId, setUnitId] = useState('');
  const [positionId, setPositionId] = useState('');
  const unit = useQuery({ ...unitQuery(unitId, date), enabled: Boolean(unitId) });
  const position = useQuery({ ...positionQuery(positionId, date), enabled: Boolean(positionId) });
  const options = useMemo(() => unitOptions(units, collator), [units, collator]);
  const key = positionId && position.data?.id === positionId ? position.data.key : '';
  useEffect(() => onChange(key), [key]); // eslint-disable-line react-hooks/exhaustive-deps -- report the key when it is known

  return (
    <Fieldset>
      <Fieldset.Legend>
        {label}
        {optional ? ` (${t('scenario.optionalShort')})` : ''}
      </Fieldset.Legend>
      <div className="kp-inline-form">
        <div>
          <Label htmlFor={`${id}-unit`}>{t('scenario.positionUnit')}</Label>
          <Select
            id={`${id}-unit`}
            value={unitId}
            onChange={(event) => {
              setUnitId(event.target.value);
              setPositionId('');
            }}
          >
            <option value="">{t('edit.chooseUnit')}</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </Select>
        </div>
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
function PersonKeyField({
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
