import { Alert, Details, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { EmptyState } from '../../../web/components/empty-state';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { OutboxEmail } from '../dispatch.schemas';
import { RequestNumberLink } from './dispatch-parts';
import { useSupportI18n, type SupportTranslate } from './i18n';
import { outboxQuery } from './notifications-api';
import { SupportNav } from './ui';

/** Administrators: the e-mails made about requests, and honestly whether they were sent. */
export function OutboxPage() {
  const { t, number } = useSupportI18n();
  const query = useQuery(outboxQuery());
  return (
    <Page title={t('notifications.outbox.title')}>
      <SupportNav />
      <Paragraph>{t('notifications.outbox.intro')}</Paragraph>
      {query.isPending ? (
        <Loading label={t('common.loading')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Alert data-color={query.data.smtpConfigured ? 'info' : 'warning'}>
            <Paragraph>{query.data.smtpConfigured ? t('notifications.outbox.smtp') : t('notifications.outbox.noSmtp')}</Paragraph>
          </Alert>
          {query.data.emails.length === 0 ? (
            <EmptyState>{t('notifications.outbox.empty')}</EmptyState>
          ) : (
            <>
              <Paragraph>{t('notifications.outbox.unsent', { count: number(query.data.unsent) })}</Paragraph>
              <div className="kp-dispatch-table-wrap">
                <Table zebra>
                  <caption>{t('notifications.outbox.caption')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('notifications.outbox.created')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('notifications.outbox.to')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('notifications.outbox.subject')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('notifications.outbox.request')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('notifications.outbox.status')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {query.data.emails.map((email) => (
                      <OutboxRow key={email.id} email={email} smtpConfigured={query.data.smtpConfigured} />
                    ))}
                  </Table.Body>
                </Table>
              </div>
            </>
          )}
        </>
      )}
    </Page>
  );
}

function OutboxRow({ email, smtpConfigured }: { email: OutboxEmail; smtpConfigured: boolean }) {
  const { t, dateTime } = useSupportI18n();
  return (
    <Table.Row>
      <Table.Cell>
        <time dateTime={email.createdAt}>{dateTime(email.createdAt)}</time>
      </Table.Cell>
      <Table.Cell className="kp-dispatch-break">{email.to}</Table.Cell>
      <Table.Cell>
        <Details>
          <Details.Summary>{email.subject}</Details.Summary>
          <Details.Content>
            <pre className="kp-dispatch-mail">{email.body}</pre>
          </Details.Content>
        </Details>
      </Table.Cell>
      <Table.Cell>{email.requestNumber !== null ? <RequestNumberLink number={email.requestNumber} /> : null}</Table.Cell>
      <Table.Cell>
        <OutboxStatus email={email} smtpConfigured={smtpConfigured} t={t} dateTime={dateTime} />
      </Table.Cell>
    </Table.Row>
  );
}

/** Sent, not sent for want of a mail server, waiting, or refused (with the server's last error). */
function OutboxStatus({
  email,
  smtpConfigured,
  t,
  dateTime,
}: {
  email: OutboxEmail;
  smtpConfigured: boolean;
  t: SupportTranslate;
  dateTime: (value: string) => string;
}) {
  if (email.sentAt) {
    return (
      <Tag data-color="success" data-size="sm">
        {t('notifications.outbox.sent', { time: dateTime(email.sentAt) })}
      </Tag>
    );
  }
  if (email.lastError) {
    // The dispatcher gives up after five refusals (maxEmailAttempts on the server).
    const key = email.attempts >= 5 ? 'notifications.outbox.failed' : 'notifications.outbox.retrying';
    return (
      <Tag data-color="danger" data-size="sm">
        {t(key, { count: email.attempts, error: email.lastError })}
      </Tag>
    );
  }
  return (
    <Tag data-color={smtpConfigured ? 'info' : 'warning'} data-size="sm">
      {smtpConfigured ? t('notifications.outbox.waiting') : t('notifications.outbox.notSentNoSmtp')}
    </Tag>
  );
}
