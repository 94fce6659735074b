import { Button, Checkbox, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { ScenarioChange } from '../scenarios.schemas';
import { treeQuery } from './api';
import { classificationKey, kindKey, lineTypeKey, roleKey, useOrgI18n } from './i18n';
import type { OrgKey } from './organisation.messages';
import { buildChange, keyFromName, type Fields } from './scenario-change-build';
import { PersonKeyField, PositionKeyField, UnitKeyField, UnitListField } from './scenario-change-fields';
import { FieldError } from './unit-edit';
import { classifications, lineTypes, roleTypes, scenarioChangeTypes, unitKinds, type ScenarioChangeType } from './vocabulary';
import type { Classification, LineType, RoleType, UnitKind } from './types';

export const changeTypeKey = (type: ScenarioChangeType) => `change.${type}` as const satisfies OrgKey;

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
  const person = (
    <PersonKeyField
      key={`${generation}-person`}
      id={`${ids}-person`}
      label={t('scenario.person')}
      date={date}
      onChange={set('personKey')}
      error={error('personKey')}
    />
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
          {person}
          {position('positionKey', t('scenario.position'))}
          {text('fte', t('assign.fte'), t('scenario.fteHelp'))}
        </>
      );
      break;
    case 'end_assignment':
      body = (
        <>
          {person}
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
