import './identity.css';
import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { Page } from '../../../web/components/page';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { WriteError } from '../../../web/components/write-error';
import { hasPermission, useSession } from '../../../web/data/session';
import type { RoleName } from '../users.schemas';
import { roleLabel, useIdentityI18n } from './i18n';
import { IdentityNav, RoleField } from './ui';
import { groupMappingsQuery, useAddGroupMapping, useRemoveGroupMapping } from './users-api';

/** Which provider groups give which roles; administrators add and remove mappings. */
export function GroupMappingsPage() {
  const { t, date } = useIdentityI18n();
  const { data: session } = useSession();
  const canRead = hasPermission(session, 'users:read');
  const canWrite = hasPermission(session, 'users:write');
  const mappings = useQuery({ ...groupMappingsQuery, enabled: canRead });
  const remove = useRemoveGroupMapping();
  if (!canRead) {
    return (
      <Page title={t('groups.title')}>
        <Paragraph>{t('forbidden')}</Paragraph>
      </Page>
    );
  }
  return (
    <Page title={t('groups.title')}>
      <IdentityNav />
      <Paragraph>{t('groups.intro')}</Paragraph>
      {mappings.isPending && <Loading label={t('groups.loading')} />}
      {mappings.isError && <ErrorAlert error={mappings.error} onRetry={() => void mappings.refetch()} />}
      <WriteError error={remove.error} onReload={() => void mappings.refetch()} />
      {mappings.data && (
        <DataTable
          caption={t('groups.caption')}
          headers={[t('groups.col.group'), t('groups.col.role'), t('groups.col.created'), ...(canWrite ? [t('user.col.action')] : [])]}
          empty={t('groups.empty')}
          rows={mappings.data.mappings.map((m) => ({
            key: m.id,
            cells: [
              m.groupName,
              roleLabel(t, m.role),
              `${date(m.createdAt)} ${m.createdBy ?? ''}`,
              ...(canWrite
                ? [
                    <Button key="remove" variant="secondary" data-size="sm" disabled={remove.isPending} onClick={() => remove.mutate(m.id)}>
                      {t('groups.remove', { group: m.groupName, role: roleLabel(t, m.role) })}
                    </Button>,
                  ]
                : []),
            ],
          }))}
        />
      )}
      {canWrite && <AddMapping />}
    </Page>
  );
}

function AddMapping() {
  const { t } = useIdentityI18n();
  const add = useAddGroupMapping();
  const [groupName, setGroupName] = useState('');
  const [role, setRole] = useState<RoleName>('leader');
  return (
    <form
      className="kp-identity-form"
      aria-labelledby="add-mapping"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ groupName: groupName.trim(), role }, { onSuccess: () => setGroupName('') });
      }}
    >
      <SectionHeading id="add-mapping">{t('groups.add')}</SectionHeading>
      <Textfield
        id="mapping-group"
        label={t('groups.name')}
        value={groupName}
        onChange={(e) => setGroupName(e.target.value)}
        required
        autoComplete="off"
      />
      <RoleField id="mapping-role" label={t('groups.col.role')} value={role} onChange={setRole} />
      <WriteError error={add.error} />
      {add.isSuccess && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('groups.added')}</Paragraph>
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={add.isPending}>
          {t('groups.submit')}
        </Button>
      </div>
    </form>
  );
}
