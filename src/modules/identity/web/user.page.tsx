import './identity.css';
import {
  Heading,
  Paragraph,
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
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import { isMessageKey, useI18n } from '../../../web/i18n/i18n';
import type { UserDetail } from '../users.schemas';
import { roleLabel, useIdentityI18n } from './i18n';
import { AccessSection, GrantForm, GrantsTable, PersonSection } from './user-parts';
import { IdentityNav } from './ui';
import { userQuery } from './users-api';

const route = getRouteApi('/brukere/$userId');

/** One user: who, where in the organisation, every role with its origin, grants, access and sign-ins. */
export function UserPage() {
  const { t } = useIdentityI18n();
  const { data: session } = useSession();
  const { userId } = route.useParams();
  const { dato } = route.useSearch();
  const user = useQuery({ ...userQuery(userId, dato), enabled: hasPermission(session, 'users:read') });
  if (!hasPermission(session, 'users:read')) {
    return (
      <Page title={t('users.title')}>
        <Paragraph>{t('forbidden')}</Paragraph>
      </Page>
    );
  }
  if (user.isPending) return <Loading label={t('user.loading')} />;
  if (user.isError)
    return (
      <Page title={t('users.title')}>
        <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />
      </Page>
    );
  return <User user={user.data} asOf={dato} canWrite={hasPermission(session, 'users:write')} self={session?.user?.id === user.data.id} />;
}

function User({ user, asOf, canWrite, self }: { user: UserDetail; asOf: string | undefined; canWrite: boolean; self: boolean }) {
  const { t, date } = useIdentityI18n();
  const navigate = useNavigate();
  return (
    <Page title={user.displayName}>
      <IdentityNav />
      <section aria-labelledby="user-facts">
        <Heading level={2} data-size="sm" id="user-facts">
          {t('user.facts')}
        </Heading>
        <dl className="kp-identity-facts">
          <dt>{t('user.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('user.email')}</dt>
          <dd>{user.email ?? t('user.none')}</dd>
          <dt>{t('user.employeeNumber')}</dt>
          <dd>{user.employeeNumber ?? t('user.none')}</dd>
          <dt>{t('user.source')}</dt>
          <dd>{t(`source.${user.source}`)}</dd>
          <dt>{t('user.status')}</dt>
          <dd>
            <Tag data-color={user.status === 'active' ? 'success' : 'neutral'}>{t(`status.${user.status}`)}</Tag>
          </dd>
          {user.disabledReason && (
            <>
              <dt>{t('user.disabledReason')}</dt>
              <dd>{user.disabledReason}</dd>
            </>
          )}
          <dt>{t('user.groups')}</dt>
          <dd>{user.groups.length > 0 ? user.groups.join(', ') : t('user.none')}</dd>
        </dl>
      </section>

      <section aria-labelledby="user-roles">
        <Heading level={2} data-size="sm" id="user-roles">
          {t('user.roles')}
        </Heading>
        <Paragraph>{t('user.asOf.intro')}</Paragraph>
        <div className="kp-identity-as-of">
          <Textfield
            label={t('user.asOf')}
            type="date"
            value={asOf ?? user.date}
            onChange={(event) =>
              void navigate({
                to: '/brukere/$userId',
                params: { userId: user.id },
                search: { dato: event.target.value || undefined },
                replace: true,
              })
            }
          />
        </div>
        {user.roles.length === 0 ? (
          <Paragraph>{asOf ? t('user.roles.emptyOn', { date: date(user.date) }) : t('user.roles.empty')}</Paragraph>
        ) : (
          <div className="kp-table-scroll">
            <Table zebra>
              <caption>
                {asOf ? t('user.roles.captionOn', { date: date(user.date) }) : t('user.roles.caption', { date: date(user.date) })}
              </caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>{t('user.col.role')}</TableHeaderCell>
                  <TableHeaderCell>{t('user.col.origin')}</TableHeaderCell>
                  <TableHeaderCell>{t('user.col.why')}</TableHeaderCell>
                  <TableHeaderCell>{t('user.col.until')}</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {user.roles.map((origin, index) => (
                  <TableRow key={`${origin.role}-${origin.kind}-${index}`}>
                    <TableCell>{roleLabel(t, origin.role)}</TableCell>
                    <TableCell>{t(`origin.${origin.kind}`)}</TableCell>
                    <TableCell>{origin.label}</TableCell>
                    {/* validTo is the first day without the role: the last day with it is the day before. */}
                    <TableCell>{origin.validTo ? date(dayBefore(origin.validTo)) : t('user.untilRevoked')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="user-grants">
        <Heading level={2} data-size="sm" id="user-grants">
          {t('user.grants')}
        </Heading>
        <GrantsTable user={user} canWrite={canWrite} />
        {canWrite && <GrantForm user={user} />}
      </section>

      <PersonSection user={user} canWrite={canWrite} />
      {canWrite && <AccessSection user={user} self={self} />}

      <section aria-labelledby="user-sign-ins">
        <Heading level={2} data-size="sm" id="user-sign-ins">
          {t('user.signIns')}
        </Heading>
        <SignIns user={user} />
      </section>
    </Page>
  );
}

export function dayBefore(value: string): string {
  const day = new Date(`${value}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** A refusal's stable code in words, as the sign-in page says it; a code without words is shown as it is. */
function RefusalReason({ code }: { code: string }) {
  const { t } = useI18n();
  const key = `signIn.refused.${code}`;
  return <>{isMessageKey(key) ? t(key) : code}</>;
}

function SignIns({ user }: { user: UserDetail }) {
  const { t, dateTime } = useIdentityI18n();
  if (user.signIns.length === 0) return <Paragraph>{t('user.signIns.empty')}</Paragraph>;
  return (
    <div className="kp-table-scroll">
      <Table zebra>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t('user.col.when')}</TableHeaderCell>
            <TableHeaderCell>{t('user.col.method')}</TableHeaderCell>
            <TableHeaderCell>{t('user.col.outcome')}</TableHeaderCell>
            <TableHeaderCell>{t('user.col.reason')}</TableHeaderCell>
            <TableHeaderCell>{t('user.col.ip')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {user.signIns.map((event, index) => (
            <TableRow key={`${event.occurredAt}-${index}`}>
              <TableCell>{dateTime(event.occurredAt)}</TableCell>
              <TableCell>{event.method === 'oidc' ? 'OpenID Connect' : event.method}</TableCell>
              <TableCell>{event.outcome === 'success' ? t('outcome.success') : t('outcome.refused')}</TableCell>
              <TableCell>{event.reason ? <RefusalReason code={event.reason} /> : ''}</TableCell>
              <TableCell>{event.ip ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
