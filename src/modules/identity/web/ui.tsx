import { Select } from '@digdir/designsystemet-react';
import { FormField } from '../../../web/components/form-field';
import { ModuleNav } from '../../../web/components/module-nav';
import { roleNames, type RoleName } from '../users.schemas';
import { roleLabel, useIdentityI18n, type IdentityKey } from './i18n';

const links: { to: string; label: IdentityKey; permission: string; exact?: boolean }[] = [
  { to: '/brukere', label: 'nav.users', permission: 'users:read', exact: true },
  { to: '/brukere/grupper', label: 'nav.groups', permission: 'users:read' },
  { to: '/omfordeling', label: 'nav.reassignments', permission: 'authenticated' },
];

/** The user administration's own menu, at the top of each of its pages. */
export function IdentityNav() {
  const { t } = useIdentityI18n();
  return <ModuleNav label={t('nav.label')} links={links.map((link) => ({ ...link, label: t(link.label) }))} />;
}

/** A choice of one role, by its name in the UI language. */
export function RoleField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: RoleName;
  onChange: (role: RoleName) => void;
}) {
  const { t } = useIdentityI18n();
  return (
    <FormField id={id} label={label}>
      {(control) => (
        <Select {...control} value={value} onChange={(e) => onChange(e.target.value as RoleName)}>
          {roleNames.map((name) => (
            <option key={name} value={name}>
              {roleLabel(t, name)}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}
