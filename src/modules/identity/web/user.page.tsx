import './identity.css';
import { Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { DataTable } from '../../../web/components/data-table';
import { DetailPage } from '../../../web/components/detail-page';
import { Facts } from '../../../web/components/facts';
import { Page } from '../../../web/components/page';
import { SectionHeading } from '../../../web/components/section-heading';
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
  return (
    <DetailPage
      query={user}
      fallbackTitle={t('users.title')}
      loadingLabel={t('user.loading')}
      title={(data) => data.displayName}
      header={<IdentityNav />}
    >
      {(data) => (
        <User
          user={data}
          asOf={dato}
          canWrite={hasPermission(session, 'users:write')}
          self={session?.user?.id === data.id}
          onReload={() => void user.refetch()}
        />
      )}
    </DetailPage>
  );
}

function User({
  user,
  asOf,
  canWrite,
  self,
  onReload,
}: {
  user: UserDetail;
  asOf: string | undefined;
  canWrite: boolean;
  self: boolean;
  onReload: () => void;
}) {
  const { t, date } = useIdentityI18n();
  const navigate = useNavigate();
  const none = t('user.none');
  return (
    <>
      <section aria-labelledby="user-facts">
        <SectionHeading id="user-facts">{t('user.facts')}</SectionHeading>
        <Facts
          items={[
            { term: t('user.username'), value: user.username },
            { term: t('user.email'), value: user.email ?? none },
            { term: t('user.employeeNumber'), value: user.employeeNumber ?? none },
            { term: t('user.source'), value: t(`source.${user.source}`) },
            {
              term: t('user.status'),
              value: <Tag data-color={user.status === 'active' ? 'success' : 'neutral'}>{t(`status.${user.status}`)}</Tag>,
            },
            ...(user.disabledReason ? [{ term: t('user.disabledReason'), value: user.disabledReason }] : []),
            { term: t('user.groups'), value: user.groups.length > 0 ? user.groups.join(', ') : none },
          ]}
        />
      </section>

      <section aria-labelledby="user-roles">
        <SectionHeading id="user-roles">{t('user.roles')}</SectionHeading>
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
          <DataTable
            caption={asOf ? t('user.roles.captionOn', { date: date(user.date) }) : t('user.roles.caption', { date: date(user.date) })}
            headers={[t('user.col.role'), t('user.col.origin'), t('user.col.why'), t('user.col.until')]}
            empty={t('user.roles.empty')}
            rows={user.roles.map((origin, index) => ({
              key: `${origin.role}-${origin.kind}-${index}`,
              cells: [
                roleLabel(t, origin.role),
                t(`origin.${origin.kind}`),
                origin.label,
                // validTo is the first day without the role: the last day with it is the day before.
                origin.validTo ? date(dayBefore(origin.validTo)) : t('user.untilRevoked'),
              ],
            }))}
          />
        )}
      </section>

      <section aria-labelledby="user-grants">
        <SectionHeading id="user-grants">{t('user.grants')}</SectionHeading>
        <GrantsTable user={user} canWrite={canWrite} />
        {canWrite && <GrantForm user={user} />}
      </section>

      <PersonSection user={user} canWrite={canWrite} />
      {canWrite && <AccessSection user={user} self={self} onReload={onReload} />}

      <section aria-labelledby="user-sign-ins">
        <SectionHeading id="user-sign-ins">{t('user.signIns')}</SectionHeading>
        <SignIns user={user} />
      </section>
    </>
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
  return (
    <DataTable
      caption={t('user.signIns.caption')}
      headers={[t('user.col.when'), t('user.col.method'), t('user.col.outcome'), t('user.col.reason'), t('user.col.ip')]}
      empty={t('user.signIns.empty')}
      rows={user.signIns.map((event, index) => ({
        key: `${event.occurredAt}-${index}`,
        cells: [
          dateTime(event.occurredAt),
          event.method === 'oidc' ? 'OpenID Connect' : event.method,
          event.outcome === 'success' ? t('outcome.success') : t('outcome.refused'),
          event.reason ? <RefusalReason key="reason" code={event.reason} /> : '',
          event.ip ?? '',
        ],
      }))}
    />
  );
}
