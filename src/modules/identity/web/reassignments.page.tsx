import './identity.css';
import { Card, Heading, Link, ListItem, ListUnordered, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { kindLabel, useIdentityI18n } from './i18n';
import { IdentityNav } from './ui';
import { reassignmentsQuery } from './users-api';

/**
 * Disabled users who still own something, for their leaders and the administrators; each item
 * links to the page where it is given to someone else. Others see an empty list.
 */
export function ReassignmentsPage() {
  const { t, date } = useIdentityI18n();
  const list = useQuery(reassignmentsQuery);
  return (
    <Page title={t('reassign.title')}>
      <IdentityNav />
      <Paragraph>{t('reassign.intro')}</Paragraph>
      {list.isPending && <Loading label={t('reassign.loading')} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.users.length === 0 && <Paragraph role="status">{t('reassign.empty')}</Paragraph>}
      {list.data?.users.map((user) => (
        <Card key={user.userId} className="kp-identity-card" data-color="neutral">
          <Heading level={2} data-size="xs">
            {user.displayName} ({user.username})
          </Heading>
          <Paragraph data-size="sm">
            {t('reassign.disabled', { date: date(user.disabledAt) })}
            {user.disabledReason ? ` – ${user.disabledReason}` : ''}
          </Paragraph>
          {user.units.length > 0 && (
            <Paragraph data-size="sm">{t('reassign.units', { units: user.units.map((u) => u.name).join(', ') })}</Paragraph>
          )}
          <Heading level={3} data-size="2xs">
            {t('reassign.items')}
          </Heading>
          <ListUnordered>
            {user.items.map((item) => (
              <ListItem key={`${item.kind}-${item.id}`}>
                {kindLabel(t, item.kind)}:{' '}
                <Link asChild>
                  <RouterLink to={item.href}>{item.title}</RouterLink>
                </Link>
              </ListItem>
            ))}
          </ListUnordered>
        </Card>
      ))}
    </Page>
  );
}
