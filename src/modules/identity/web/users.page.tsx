import './identity.css';
import {
  Button,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link as RouterLink } from '@tanstack/react-router';
import { useState } from 'react';
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
            <div className="kp-table-scroll">
              <Table zebra>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>{t('users.col.name')}</TableHeaderCell>
                    <TableHeaderCell>{t('users.col.username')}</TableHeaderCell>
                    <TableHeaderCell>{t('users.col.email')}</TableHeaderCell>
                    <TableHeaderCell>{t('users.col.roles')}</TableHeaderCell>
                    <TableHeaderCell>{t('users.col.status')}</TableHeaderCell>
                    <TableHeaderCell>{t('users.col.lastSignIn')}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {users.data.users.map((user) => (
                    <TableRow key={user.id}>
                      <TableCell>
                        <Link asChild>
                          <RouterLink to="/brukere/$userId" params={{ userId: user.id }}>
                            {user.displayName}
                          </RouterLink>
                        </Link>
                      </TableCell>
                      <TableCell>{user.username}</TableCell>
                      <TableCell>{user.email ?? ''}</TableCell>
                      <TableCell>{user.roles.map((role) => roleLabel(t, role)).join(', ')}</TableCell>
                      <TableCell>
                        <Tag data-color={user.status === 'active' ? 'success' : 'neutral'}>{t(`status.${user.status}`)}</Tag>
                      </TableCell>
                      <TableCell>{user.lastSignInAt ? dateTime(user.lastSignInAt) : ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
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
        <div>
          <Label htmlFor="users-status">{t('users.status')}</Label>
          <Select id="users-status" value={draft.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('users.any')}</option>
            <option value="active">{t('status.active')}</option>
            <option value="disabled">{t('status.disabled')}</option>
          </Select>
        </div>
        <div>
          <Label htmlFor="users-role">{t('users.role')}</Label>
          <Select id="users-role" value={draft.role} onChange={(e) => set('role', e.target.value)}>
            <option value="">{t('users.any')}</option>
            {roleNames.map((role) => (
              <option key={role} value={role}>
                {roleLabel(t, role)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="users-source">{t('users.source')}</Label>
          <Select id="users-source" value={draft.source} onChange={(e) => set('source', e.target.value)}>
            <option value="">{t('users.any')}</option>
            <option value="local">{t('source.local')}</option>
            <option value="oidc">{t('source.oidc')}</option>
            <option value="scim">{t('source.scim')}</option>
          </Select>
        </div>
      </div>
      <div className="kp-filters__actions">
        <Button type="submit">{t('users.apply')}</Button>
      </div>
    </form>
  );
}
