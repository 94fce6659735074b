import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { EmptyState } from '../../../web/components/empty-state';
import { Facts } from '../../../web/components/facts';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { WriteError } from '../../../web/components/write-error';
import type { Webhook } from '../dispatch.schemas';
import { LiveMessage } from './dispatch-parts';
import { useSupportI18n } from './i18n';
import { useDeleteWebhook, useResumeWebhook, webhooksQuery } from './notifications-api';
import { SupportNav } from './ui';
import { Deliveries, useEventNames, WebhookForm } from './webhooks-parts';

/** Administrators: the webhooks that receive request events, their recent deliveries, and a form to add one. */
export function WebhooksPage() {
  const { t } = useSupportI18n();
  const listHeading = useId();
  const query = useQuery(webhooksQuery());
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page title={t('notifications.webhooks.title')}>
      <SupportNav />
      <Paragraph>{t('notifications.webhooks.intro')}</Paragraph>
      <LiveMessage message={message} />
      <section className="kp-dispatch-section" aria-labelledby={listHeading}>
        <Heading level={2} data-size="md" id={listHeading}>
          {t('notifications.webhooks.listHeading')}
        </Heading>
        {query.isPending ? (
          <Loading label={t('common.loading')} />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.webhooks.length === 0 ? (
          <EmptyState>{t('notifications.webhooks.empty')}</EmptyState>
        ) : (
          <ul className="kp-webhook-list">
            {query.data.webhooks.map((webhook) => (
              <WebhookItem key={webhook.id} webhook={webhook} onMessage={setMessage} onReload={() => void query.refetch()} />
            ))}
          </ul>
        )}
      </section>
      <AddWebhook onAdded={() => setMessage(t('notifications.webhooks.added'))} />
    </Page>
  );
}

function WebhookItem({ webhook, onMessage, onReload }: { webhook: Webhook; onMessage: (message: string) => void; onReload: () => void }) {
  const { t, number } = useSupportI18n();
  const headingId = useId();
  const [mode, setMode] = useState<'view' | 'change' | 'delete'>('view');
  const remove = useDeleteWebhook(webhook.id);
  const eventNames = useEventNames();
  return (
    <li className="kp-webhook" aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId} className="kp-dispatch-break">
        {webhook.url}
      </Heading>
      {webhook.description && <Paragraph>{webhook.description}</Paragraph>}
      <Facts
        items={[
          {
            term: t('notifications.webhooks.status'),
            value: (
              <>
                <Tag data-color={webhook.paused ? 'warning' : webhook.active ? 'success' : 'neutral'} data-size="sm">
                  {webhook.paused
                    ? t('notifications.webhooks.paused')
                    : webhook.active
                      ? t('notifications.webhooks.active')
                      : t('notifications.webhooks.inactive')}
                </Tag>{' '}
                {t('notifications.webhooks.pending', { count: number(webhook.pending) })},{' '}
                {t('notifications.webhooks.gaveUp', { count: number(webhook.failed) })}
              </>
            ),
          },
          {
            term: t('notifications.webhooks.events'),
            value:
              webhook.events.length === 0 ? t('notifications.webhooks.allEvents') : webhook.events.map((e) => eventNames(e)).join(', '),
          },
          { term: t('notifications.webhooks.secretColumn'), value: t('notifications.webhooks.secretSet') },
        ]}
      />
      {webhook.paused && <PausedNotice webhook={webhook} paused={webhook.paused} onMessage={onMessage} onReload={onReload} />}
      {mode === 'view' && (
        <div className="kp-dispatch-form__actions">
          <Button variant="secondary" data-size="sm" type="button" onClick={() => setMode('change')} aria-describedby={headingId}>
            {t('notifications.webhooks.change')}
          </Button>
          <Button
            variant="tertiary"
            data-color="danger"
            data-size="sm"
            type="button"
            onClick={() => setMode('delete')}
            aria-describedby={headingId}
          >
            {t('notifications.webhooks.delete')}
          </Button>
        </div>
      )}
      {mode === 'change' && (
        <WebhookForm
          webhook={webhook}
          onDone={() => {
            setMode('view');
            onMessage(t('notifications.webhooks.saved'));
          }}
          onCancel={() => setMode('view')}
          onReload={onReload}
        />
      )}
      {mode === 'delete' && (
        <Alert data-color="warning">
          <Paragraph>{t('notifications.webhooks.deleteQuestion', { url: webhook.url })}</Paragraph>
          <WriteError error={remove.error} heading={t('notifications.webhooks.failed')} onReload={onReload} />
          <div className="kp-dispatch-form__actions">
            <Button
              data-color="danger"
              data-size="sm"
              type="button"
              loading={remove.isPending}
              onClick={() => remove.mutate(webhook.revision, { onSuccess: () => onMessage(t('notifications.webhooks.deleted')) })}
            >
              {t('notifications.webhooks.deleteConfirm')}
            </Button>
            <Button variant="secondary" data-size="sm" type="button" onClick={() => setMode('view')}>
              {t('notifications.webhooks.cancel')}
            </Button>
          </div>
        </Alert>
      )}
      <Deliveries webhook={webhook} />
    </li>
  );
}

/** Why the webhook is paused, and the administrator's way to resume it. */
function PausedNotice({
  webhook,
  paused,
  onMessage,
  onReload,
}: {
  webhook: Webhook;
  paused: NonNullable<Webhook['paused']>;
  onMessage: (message: string) => void;
  onReload: () => void;
}) {
  const { t, dateTime, number } = useSupportI18n();
  const resume = useResumeWebhook(webhook.id);
  return (
    <Alert data-color="warning">
      <Heading level={4} data-size="xs">
        {t('notifications.webhooks.pausedHeading')}
      </Heading>
      <Paragraph>
        {t('notifications.webhooks.pausedText', {
          failures: number(paused.failures),
          since: paused.failingSince ? dateTime(paused.failingSince) : '–',
          at: dateTime(paused.at),
          error: paused.lastError ?? '–',
        })}
      </Paragraph>
      <WriteError error={resume.error} heading={t('notifications.webhooks.failed')} onReload={onReload} />
      <Button
        data-size="sm"
        type="button"
        loading={resume.isPending}
        onClick={() =>
          resume.mutate(webhook.revision, {
            onSuccess: (result) => onMessage(t('notifications.webhooks.resumed', { count: number(result.requeued) })),
          })
        }
      >
        {t('notifications.webhooks.resume')}
      </Button>
    </Alert>
  );
}

function AddWebhook({ onAdded }: { onAdded: () => void }) {
  const { t } = useSupportI18n();
  const headingId = useId();
  // A new form after each addition, so the fields start empty.
  const [round, setRound] = useState(0);
  return (
    <section className="kp-dispatch-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {t('notifications.webhooks.addHeading')}
      </Heading>
      <WebhookForm
        key={round}
        onDone={() => {
          setRound((n) => n + 1);
          onAdded();
        }}
        onReload={() => {}}
      />
    </section>
  );
}
