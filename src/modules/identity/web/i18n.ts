import { createModuleI18n } from '../../../web/i18n/module-i18n';
import { usersEn, usersNb } from './users.messages';

export type IdentityKey = keyof typeof usersNb;
export const useIdentityI18n = createModuleI18n<IdentityKey>({ nb: usersNb, en: usersEn });
export type IdentityI18n = ReturnType<typeof useIdentityI18n>;

/** A role's name in the UI language; an unknown role shows as its key. */
export function roleLabel(t: IdentityI18n['t'], role: string): string {
  const key = `role.${role}` as IdentityKey;
  return key in usersNb ? t(key) : role;
}

export function kindLabel(t: IdentityI18n['t'], kind: string): string {
  const key = `kind.${kind}` as IdentityKey;
  return key in usersNb ? t(key) : t('kind.other');
}
