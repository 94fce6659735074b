import {
  Alert,
  Button,
  Checkbox,
  Details,
  Fieldset,
  Heading,
  Paragraph,
  Switch,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { webhookEventTypes, type Webhook, type WebhookDelivery, type WebhookEventType } from '../dispatch.schemas';
import { fieldErrors, LiveMessage, RequestNumberLink, WriteError } from './dispatch-parts';
import { useSupportI18n } from './i18n';
import {
  deliveriesQuery,
  useChangeWebhook,
  useCreateWebhook,
  useDeleteWebhook,
  useResumeWebhook,
  webhooksQuery,
} from './notifications-api';
import { SupportNav } from './ui';

const urlPattern = /^https?:\/\/\S+$/i;
const secretPattern = /^\S{16,200}$/;

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
          <Paragraph>{t('notifications.webhooks.empty')}</Paragraph>
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
      <dl className="kp-webhook__facts">
        <dt>{t('notifications.webhooks.status')}</dt>
        <dd>
          <Tag data-color={webhook.paused ? 'warning' : webhook.active ? 'success' : 'neutral'} data-size="sm">
            {webhook.paused
              ? t('notifications.webhooks.paused')
              : webhook.active
                ? t('notifications.webhooks.active')
                : t('notifications.webhooks.inactive')}
          </Tag>{' '}
          {t('notifications.webhooks.pending', { count: number(webhook.pending) })},{' '}
          {t('notifications.webhooks.gaveUp', { count: number(webhook.failed) })}
        </dd>
        <dt>{t('notifications.webhooks.events')}</dt>
        <dd>{webhook.events.length === 0 ? t('notifications.webhooks.allEvents') : webhook.events.map((e) => eventNames(e)).join(', ')}</dd>
        <dt>{t('notifications.webhooks.secretColumn')}</dt>
        <dd>{t('notifications.webhooks.secretSet')}</dd>
      </dl>
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

function Deliveries({ webhook }: { webhook: Webhook }) {
  const { t } = useSupportI18n();
  const [open, setOpen] = useState(false);
  return (
    <Details open={open} onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <Details.Summary>{t('notifications.webhooks.deliveries')}</Details.Summary>
      <Details.Content>{open && <DeliveryTable webhook={webhook} />}</Details.Content>
    </Details>
  );
}

function DeliveryTable({ webhook }: { webhook: Webhook }) {
  const { t, dateTime } = useSupportI18n();
  const query = useQuery(deliveriesQuery(webhook.id));
  const eventNames = useEventNames();
  if (query.isPending) return <Loading label={t('common.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.deliveries.length === 0) return <Paragraph>{t('notifications.webhooks.noDeliveries')}</Paragraph>;
  return (
    <div className="kp-dispatch-table-wrap">
      <Table zebra data-size="sm">
        <caption>{t('notifications.webhooks.deliveriesCaption', { url: webhook.url })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('notifications.webhooks.when')}</Table.HeaderCell>
            <Table.HeaderCell>{t('notifications.webhooks.event')}</Table.HeaderCell>
            <Table.HeaderCell>{t('notifications.webhooks.request')}</Table.HeaderCell>
            <Table.HeaderCell>{t('notifications.webhooks.state')}</Table.HeaderCell>
            <Table.HeaderCell>{t('notifications.webhooks.attempts')}</Table.HeaderCell>
            <Table.HeaderCell>{t('notifications.webhooks.answer')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {query.data.deliveries.map((delivery) => (
            <Table.Row key={delivery.id}>
              <Table.Cell>
                <time dateTime={delivery.createdAt}>{dateTime(delivery.createdAt)}</time>
              </Table.Cell>
              <Table.Cell>{eventNames(delivery.eventType)}</Table.Cell>
              <Table.Cell>{delivery.requestNumber !== null ? <RequestNumberLink number={delivery.requestNumber} /> : null}</Table.Cell>
              <Table.Cell>
                <DeliveryState delivery={delivery} />
              </Table.Cell>
              <Table.Cell>{delivery.attempts}</Table.Cell>
              <Table.Cell className="kp-dispatch-break">
                {delivery.lastError ?? (delivery.lastStatus !== null ? `HTTP ${delivery.lastStatus}` : '')}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function DeliveryState({ delivery }: { delivery: WebhookDelivery }) {
  const { t, dateTime } = useSupportI18n();
  const color = delivery.state === 'delivered' ? 'success' : delivery.state === 'failed' ? 'danger' : 'warning';
  return (
    <>
      <Tag data-color={color} data-size="sm">
        {t(`notifications.webhooks.state.${delivery.state}`)}
      </Tag>
      {delivery.state === 'pending' && delivery.nextAttemptAt && delivery.attempts > 0 && (
        <span className="kp-dispatch-muted"> {t('notifications.webhooks.nextAttempt', { time: dateTime(delivery.nextAttemptAt) })}</span>
      )}
    </>
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

/** Adds a webhook, or changes one (`webhook` given; an empty secret keeps the old one). */
function WebhookForm({
  webhook,
  onDone,
  onCancel,
  onReload,
}: {
  webhook?: Webhook;
  onDone: () => void;
  onCancel?: () => void;
  onReload: () => void;
}) {
  const { t } = useSupportI18n();
  const ids = useId();
  const create = useCreateWebhook();
  const change = useChangeWebhook(webhook?.id ?? '');
  const mutation = webhook ? change : create;
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [secret, setSecret] = useState('');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>((webhook?.events ?? []) as WebhookEventType[]);
  const [active, setActive] = useState(webhook?.active ?? true);
  const [tried, setTried] = useState(false);
  const eventNames = useEventNames();
  const fieldIds = { url: `${ids}-url`, secret: `${ids}-secret`, description: `${ids}-description`, events: `${ids}-events` };

  const secretNeeded = !webhook || secret !== '';
  const server = fieldErrors(mutation.error);
  const errors = {
    url: tried && !urlPattern.test(url.trim()) ? t('notifications.webhooks.urlInvalid') : server.url,
    secret: tried && secretNeeded && !secretPattern.test(secret) ? t('notifications.webhooks.secretInvalid') : server.secret,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const badUrl = !urlPattern.test(url.trim());
    const badSecret = secretNeeded && !secretPattern.test(secret);
    if (badUrl || badSecret) {
      document.getElementById(badUrl ? fieldIds.url : fieldIds.secret)?.focus();
      return;
    }
    const common = {
      url: url.trim(),
      events: webhookEventTypes.filter((e) => events.includes(e)),
      description: description.trim() || null,
    };
    if (webhook) change.mutate({ ...common, revision: webhook.revision, active, ...(secret ? { secret } : {}) }, { onSuccess: onDone });
    else create.mutate({ ...common, secret, active }, { onSuccess: onDone });
  };

  return (
    <form className="kp-dispatch-form" onSubmit={submit} noValidate>
      {webhook && (
        <Heading level={4} data-size="xs">
          {t('notifications.webhooks.changeHeading', { url: webhook.url })}
        </Heading>
      )}
      <Textfield
        id={fieldIds.url}
        label={t('notifications.webhooks.url')}
        description={t('notifications.webhooks.urlHelp')}
        type="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={errors.url}
        required
      />
      <Textfield
        id={fieldIds.secret}
        label={t('notifications.webhooks.secret')}
        description={webhook ? t('notifications.webhooks.secretNewHelp') : t('notifications.webhooks.secretHelp')}
        type="password"
        autoComplete="new-password"
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        error={errors.secret}
        required={!webhook}
      />
      <Textfield
        id={fieldIds.description}
        label={t('notifications.webhooks.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <Fieldset id={fieldIds.events} tabIndex={-1}>
        <Fieldset.Legend>{t('notifications.webhooks.events')}</Fieldset.Legend>
        <Fieldset.Description>{t('notifications.webhooks.eventsHelp')}</Fieldset.Description>
        <div className="kp-dispatch-events">
          {webhookEventTypes.map((type) => (
            <Checkbox
              key={type}
              label={eventNames(type)}
              value={type}
              checked={events.includes(type)}
              onChange={(e) => setEvents(e.target.checked ? [...events, type] : events.filter((x) => x !== type))}
            />
          ))}
        </div>
      </Fieldset>
      <Switch label={t('notifications.webhooks.active')} checked={active} onChange={(e) => setActive(e.target.checked)} />
      <WriteError
        error={mutation.error}
        heading={t('notifications.webhooks.failed')}
        fieldIds={fieldIds}
        onReload={() => {
          mutation.reset();
          onReload();
          onCancel?.();
        }}
      />
      <div className="kp-dispatch-form__actions">
        <Button type="submit" loading={mutation.isPending}>
          {webhook ? t('notifications.webhooks.save') : t('notifications.webhooks.add')}
        </Button>
        {onCancel && (
          <Button variant="secondary" type="button" onClick={onCancel}>
            {t('notifications.webhooks.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

/** An event type's name in the UI language (an unknown type as it is). */
function useEventNames() {
  const { t } = useSupportI18n();
  return (type: string) =>
    (webhookEventTypes as readonly string[]).includes(type) ? t(`notifications.event.${type as WebhookEventType}`) : type;
}
