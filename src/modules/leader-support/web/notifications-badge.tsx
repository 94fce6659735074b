import { Badge } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useSupportI18n } from './i18n';
import { unreadCountQuery } from './notifications-api';

/**
 * The number of unread notifications, for the module's menu beside «Varsler». Shows nothing when
 * there are none (or the count cannot be read); a screen reader hears «3 uleste varsler».
 */
export function UnreadNotificationsCount() {
  const { t, number } = useSupportI18n();
  const { data } = useQuery(unreadCountQuery());
  if (!data) return null;
  return (
    <Badge
      count={data}
      maxCount={99}
      data-color="danger"
      data-size="sm"
      aria-label={t('notifications.badge', { count: number(data) })}
      role="img"
    />
  );
}
