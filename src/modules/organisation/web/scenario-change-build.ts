import type { ScenarioChange } from '../scenarios.schemas';
import type { OrgTranslate } from './i18n';
import type { Classification, LineType, RoleType, UnitKind } from './types';
import type { ScenarioChangeType } from './vocabulary';

// The add-change form's fields read as a scenario change, with a message per field that is wrong.

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

export type Fields = Record<string, string>;

/** The change the fields describe, or null and what is missing or wrong, by field. */
export function buildChange(
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
