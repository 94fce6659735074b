import './identity.css';
import {
  Alert,
  Button,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Textfield,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import { roleNames, type RoleName } from '../users.schemas';
import { roleLabel, useIdentityI18n } from './i18n';
import { IdentityNav } from './ui';
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
      {remove.isError && <ErrorAlert error={remove.error} />}
      {mappings.data &&
        (mappings.data.mappings.length === 0 ? (
          <Paragraph>{t('groups.empty')}</Paragraph>
        ) : (
          <div className="kp-table-scroll">
            <Table zebra>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>{t('groups.col.group')}</TableHeaderCell>
                  <TableHeaderCell>{t('groups.col.role')}</TableHeaderCell>
                  <TableHeaderCell>{t('groups.col.created')}</TableHeaderCell>
                  {canWrite && <TableHeaderCell>{t('user.col.action')}</TableHeaderCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {mappings.data.mappings.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>{m.groupName}</TableCell>
                    <TableCell>{roleLabel(t, m.role)}</TableCell>
                    <TableCell>
                      {date(m.createdAt)} {m.createdBy ?? ''}
                    </TableCell>
                    {canWrite && (
                      <TableCell>
                        <Button variant="secondary" data-size="sm" disabled={remove.isPending} onClick={() => remove.mutate(m.id)}>
                          {t('groups.remove', { group: m.groupName, role: roleLabel(t, m.role) })}
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}
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
      <Heading level={2} data-size="sm" id="add-mapping">
        {t('groups.add')}
      </Heading>
      <Textfield
        id="mapping-group"
        label={t('groups.name')}
        value={groupName}
        onChange={(e) => setGroupName(e.target.value)}
        required
        autoComplete="off"
      />
      <div>
        <Label htmlFor="mapping-role">{t('groups.col.role')}</Label>
        <Select id="mapping-role" value={role} onChange={(e) => setRole(e.target.value as RoleName)}>
          {roleNames.map((name) => (
            <option key={name} value={name}>
              {roleLabel(t, name)}
            </option>
          ))}
        </Select>
      </div>
      {add.isError && <ErrorAlert error={add.error} />}
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
