import { Button, Checkbox, Details, Fieldset, Heading, Paragraph, Switch, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { fieldErrors, WriteError } from '../../../web/components/write-error';
import { webhookEventTypes, type Webhook, type WebhookDelivery, type WebhookEventType } from '../dispatch.schemas';
import { RequestNumberLink } from './dispatch-parts';
import { useSupportI18n } from './i18n';
import { deliveriesQuery, useChangeWebhook, useCreateWebhook } from './notifications-api';

// The webhook page's parts: a webhook's recent deliveries, and the form that adds or changes one.

const urlPattern = /^https?:\/\/\S+$/i;
const secretPattern = /^\S{16,200}$/;

/** A webhook's recent deliveries, read when opened. */
export function Deliveries({ webhook }: { webhook: Webhook }) {
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
    <DataTable
      caption={t('notifications.webhooks.deliveriesCaption', { url: webhook.url })}
      headers={[
        t('notifications.webhooks.when'),
        t('notifications.webhooks.event'),
        t('notifications.webhooks.request'),
        t('notifications.webhooks.state'),
        t('notifications.webhooks.attempts'),
        t('notifications.webhooks.answer'),
      ]}
      empty={t('notifications.webhooks.noDeliveries')}
      rows={query.data.deliveries.map((delivery) => ({
        key: delivery.id,
        cells: [
          <time dateTime={delivery.createdAt}>{dateTime(delivery.createdAt)}</time>,
          eventNames(delivery.eventType),
          delivery.requestNumber !== null ? <RequestNumberLink number={delivery.requestNumber} /> : null,
          <DeliveryState delivery={delivery} />,
          delivery.attempts,
          <span className="kp-dispatch-break">
            {delivery.lastError ?? (delivery.lastStatus !== null ? `HTTP ${delivery.lastStatus}` : '')}
          </span>,
        ],
      }))}
    />
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

/** Adds a webhook, or changes one (`webhook` given; an empty secret keeps the old one). */
export function WebhookForm({
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
  const { t, language } = useSupportI18n();
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
  const server = fieldErrors(mutation.error, language);
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
export function useEventNames() {
  const { t } = useSupportI18n();
  return (type: string) =>
    (webhookEventTypes as readonly string[]).includes(type) ? t(`notifications.event.${type as WebhookEventType}`) : type;
}
