import './identity.css';
import { Button, Link, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link as RouterLink } from '@tanstack/react-router';
import { useState } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { FormField } from '../../../web/components/form-field';
import { Page } from '../../../web/components/page';
import { PageNavigation } from '../../../web/components/pagination';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import { roleNames } from '../users.schemas';
import { roleLabel, useIdentityI18n } from './i18n';
import type { UsersSearch } from './search-params';
import { IdentityNav } from './ui';
import { usersQuery } from './users-api';

const route = getRouteApi('/brukere');
const pageSize = 25;

/** Search users: a form whose filters live in the URL, a table, and paging. */
export function UsersPage() {
  const { t } = useIdentityI18n();
  const { data: session } = useSession();
  if (!hasPermission(session, 'users:read')) {
    return (
      <Page title={t('users.title')}>
        <Paragraph>{t('forbidden')}</Paragraph>
      </Page>
    );
  }
  return <Users />;
}

function Users() {
  const { t, dateTime } = useIdentityI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const users = useQuery(usersQuery({ ...search, page, pageSize }));
  return (
    <Page title={t('users.title')}>
      <IdentityNav />
      <Paragraph>{t('users.intro')}</Paragraph>
      <UserFilters
        key={JSON.stringify({ ...search, page: undefined })}
        search={search}
        onApply={(next) => void navigate({ search: next })}
      />
      {users.isPending && <Loading label={t('users.loading')} />}
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.data &&
        (users.data.users.length === 0 ? (
          <Paragraph role="status">{t('users.empty')}</Paragraph>
        ) : (
          <>
            <Paragraph role="status">
              {t('users.summary', {
                first: (users.data.page - 1) * users.data.pageSize + 1,
                last: (users.data.page - 1) * users.data.pageSize + users.data.users.length,
                total: users.data.total,
              })}
            </Paragraph>
            <DataTable
              caption={t('users.caption')}
              headers={[
                t('users.col.name'),
                t('users.col.username'),
                t('users.col.email'),
                t('users.col.roles'),
                t('users.col.status'),
                t('users.col.lastSignIn'),
              ]}
              empty={t('users.empty')}
              rows={users.data.users.map((user) => ({
                key: user.id,
                cells: [
                  <Link key="name" asChild>
                    <RouterLink to="/brukere/$userId" params={{ userId: user.id }}>
                      {user.displayName}
                    </RouterLink>
                  </Link>,
                  user.username,
                  user.email ?? '',
                  user.roles.map((role) => roleLabel(t, role)).join(', '),
                  <Tag key="status" data-color={user.status === 'active' ? 'success' : 'neutral'}>
                    {t(`status.${user.status}`)}
                  </Tag>,
                  user.lastSignInAt ? dateTime(user.lastSignInAt) : '',
                ],
              }))}
            />
            <PageNavigation
              label={t('users.pagination')}
              page={page}
              totalPages={Math.ceil(users.data.total / pageSize)}
              onChange={(next) => void navigate({ search: { ...search, page: next > 1 ? next : undefined } })}
            />
          </>
        ))}
    </Page>
  );
}

function UserFilters({ search, onApply }: { search: UsersSearch; onApply: (search: UsersSearch) => void }) {
  const { t } = useIdentityI18n();
  const [draft, setDraft] = useState({
    q: search.q ?? '',
    status: search.status ?? '',
    role: search.role ?? '',
    source: search.source ?? '',
  });
  const set = (name: keyof typeof draft, value: string) => setDraft((current) => ({ ...current, [name]: value }));
  return (
    <form
      role="search"
      className="kp-filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({
          q: draft.q.trim() || undefined,
          status: (draft.status || undefined) as UsersSearch['status'],
          role: (draft.role || undefined) as UsersSearch['role'],
          source: (draft.source || undefined) as UsersSearch['source'],
        });
      }}
    >
      <div className="kp-filters__grid">
        <Textfield
          label={t('users.search')}
          description={t('users.search.help')}
          value={draft.q}
          onChange={(e) => set('q', e.target.value)}
          autoComplete="off"
        />
        <FormField id="users-status" label={t('users.status')}>
          {(control) => (
            <Select {...control} value={draft.status} onChange={(e) => set('status', e.target.value)}>
              <option value="">{t('users.any')}</option>
              <option value="active">{t('status.active')}</option>
              <option value="disabled">{t('status.disabled')}</option>
            </Select>
          )}
        </FormField>
        <FormField id="users-role" label={t('users.role')}>
          {(control) => (
            <Select {...control} value={draft.role} onChange={(e) => set('role', e.target.value)}>
              <option value="">{t('users.any')}</option>
              {roleNames.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(t, role)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField id="users-source" label={t('users.source')}>
          {(control) => (
            <Select {...control} value={draft.source} onChange={(e) => set('source', e.target.value)}>
              <option value="">{t('users.any')}</option>
              <option value="local">{t('source.local')}</option>
              <option value="oidc">{t('source.oidc')}</option>
              <option value="scim">{t('source.scim')}</option>
            </Select>
          )}
        </FormField>
      </div>
      <div className="kp-filters__actions">
        <Button type="submit">{t('users.apply')}</Button>
      </div>
    </form>
  );
}
