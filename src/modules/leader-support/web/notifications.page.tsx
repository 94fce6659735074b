import { Alert, Button, Checkbox, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { EmptyState } from '../../../web/components/empty-state';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { Notification, Preferences } from '../dispatch.schemas';
import { useFocusWhen } from '../../../web/components/use-focus-when';
import { fieldErrors, WriteError } from '../../../web/components/write-error';
import { emailPattern, LiveMessage, RequestNumberLink } from './dispatch-parts';
import { useSupportI18n } from './i18n';
import { notificationsQuery, preferencesQuery, useMarkRead, useSavePreferences } from './notifications-api';
import { SupportNav } from './ui';

/** Every signed-in user's notifications (newest first, mark read) and their e-mail preference. */
export function NotificationsPage() {
  const { t } = useSupportI18n();
  return (
    <Page title={t('notifications.title')}>
      <SupportNav />
      <Paragraph>{t('notifications.intro')}</Paragraph>
      <NotificationList />
      <EmailPreference />
    </Page>
  );
}

function NotificationList() {
  const { t, number } = useSupportI18n();
  const headingId = useId();
  const query = useQuery(notificationsQuery());
  const markRead = useMarkRead();
  const [message, setMessage] = useState<string | null>(null);

  const mark = (body: { ids: string[] } | { all: true }) => {
    setMessage(null);
    markRead.mutate(body, {
      onSuccess: (result) =>
        setMessage(result.marked === 1 ? t('notifications.markedOne') : t('notifications.marked', { count: number(result.marked) })),
    });
  };

  return (
    <section className="kp-dispatch-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {t('notifications.listHeading')}
      </Heading>
      <LiveMessage message={message} />
      {markRead.error ? <ErrorAlert error={markRead.error} /> : null}
      {query.isPending ? (
        <Loading label={t('common.loading')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.notifications.length === 0 ? (
        <EmptyState>{t('notifications.empty')}</EmptyState>
      ) : (
        <>
          <div className="kp-dispatch-toolbar">
            <Paragraph>
              {query.data.unread > 0 ? t('notifications.unread', { count: number(query.data.unread) }) : t('notifications.noneUnread')}
            </Paragraph>
            {query.data.unread > 0 && (
              <Button variant="secondary" data-size="sm" type="button" onClick={() => mark({ all: true })} loading={markRead.isPending}>
                {t('notifications.markAll')}
              </Button>
            )}
          </div>
          <ul className="kp-notification-list">
            {query.data.notifications.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onRead={() => mark({ ids: [notification.id] })}
                busy={markRead.isPending}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NotificationItem({ notification, onRead, busy }: { notification: Notification; onRead: () => void; busy: boolean }) {
  const { t, pick, dateTime } = useSupportI18n();
  const textId = useId();
  const unread = notification.readAt === null;
  const text = pick(notification.text);
  return (
    <li className="kp-notification" data-unread={unread}>
      <div className="kp-notification__text">
        <Paragraph id={textId}>
          {notification.requestNumber !== null ? <RequestNumberLink number={notification.requestNumber}>{text}</RequestNumberLink> : text}
        </Paragraph>
        <Paragraph data-size="sm" className="kp-dispatch-muted">
          <time dateTime={notification.createdAt}>{dateTime(notification.createdAt)}</time>
          {unread && (
            <>
              {' '}
              <Tag data-color="info" data-size="sm">
                {t('notifications.unreadTag')}
              </Tag>
            </>
          )}
        </Paragraph>
      </div>
      {unread && (
        <Button variant="tertiary" data-size="sm" type="button" onClick={onRead} disabled={busy} aria-describedby={textId}>
          {t('notifications.markOne')}
        </Button>
      )}
    </li>
  );
}

function EmailPreference() {
  const { t } = useSupportI18n();
  const headingId = useId();
  const query = useQuery(preferencesQuery());
  // Kept here, above the form: a save changes the revision, which starts the form afresh.
  const save = useSavePreferences();
  return (
    <section className="kp-dispatch-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {t('notifications.emailHeading')}
      </Heading>
      <Paragraph>{t('notifications.emailHelp')}</Paragraph>
      {query.isPending ? (
        <Loading label={t('common.loading')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        // Keyed by revision: after a reload (stale) the form starts again from what is stored.
        <PreferenceForm key={query.data.revision} preferences={query.data} save={save} onReload={() => void query.refetch()} />
      )}
    </section>
  );
}

function PreferenceForm({
  preferences,
  save,
  onReload,
}: {
  preferences: Preferences;
  save: ReturnType<typeof useSavePreferences>;
  onReload: () => void;
}) {
  const { t, language } = useSupportI18n();
  const ids = useId();
  const [email, setEmail] = useState(preferences.email ?? '');
  const [on, setOn] = useState(preferences.emailNotifications);
  const [tried, setTried] = useState(false);
  const saved = useFocusWhen(save.isSuccess);
  const fieldIds = { email: `${ids}-email`, emailNotifications: `${ids}-on` };

  const trimmed = email.trim();
  const server = fieldErrors(save.error, language);
  const emailError = tried
    ? trimmed && !emailPattern.test(trimmed)
      ? t('notifications.emailInvalid')
      : on && !trimmed
        ? t('notifications.emailRequired')
        : server.email
    : server.email;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if ((trimmed && !emailPattern.test(trimmed)) || (on && !trimmed)) {
      document.getElementById(fieldIds.email)?.focus();
      return;
    }
    save.mutate({ email: trimmed || null, emailNotifications: on, revision: preferences.revision });
  };

  return (
    <form className="kp-dispatch-form" onSubmit={submit} noValidate>
      <Textfield
        id={fieldIds.email}
        label={t('notifications.emailLabel')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => {
          setEmail(e.target.value);
          save.reset();
        }}
        error={emailError}
      />
      <Checkbox
        id={fieldIds.emailNotifications}
        label={t('notifications.emailOn')}
        checked={on}
        onChange={(e) => {
          setOn(e.target.checked);
          save.reset();
        }}
      />
      <WriteError
        error={save.error && !server.email ? save.error : null}
        heading={t('notifications.saveFailed')}
        fieldIds={fieldIds}
        onReload={() => {
          save.reset();
          onReload();
        }}
      />
      {save.isSuccess && (
        <Alert data-color="success" role="status" ref={saved} tabIndex={-1}>
          <Paragraph>{t('notifications.saved')}</Paragraph>
        </Alert>
      )}
      <div className="kp-dispatch-form__actions">
        <Button type="submit" loading={save.isPending}>
          {t('notifications.save')}
        </Button>
      </div>
    </form>
  );
}
