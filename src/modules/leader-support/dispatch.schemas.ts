import { Type, type Static } from 'typebox';
import { Id, IdParams, Localised, Revision, nullable } from './leader-support.schemas.js';

// Shared between server and web: in-app notifications, the user's e-mail preference, the e-mail
// outbox and webhooks (what happens after a request changes).

const Timestamp = Type.String({ format: 'date-time' });

// --- Notifications ---------------------------------------------------------------------------------

export const Notification = Type.Object({
  id: Id,
  text: Localised,
  requestId: nullable(Id),
  /** The request's number, for a link to «LS-12». */
  requestNumber: nullable(Type.Integer()),
  createdAt: Timestamp,
  readAt: nullable(Timestamp),
});
export type Notification = Static<typeof Notification>;

export const NotificationsQuery = Type.Object({
  unreadOnly: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type NotificationsQuery = Static<typeof NotificationsQuery>;

export const NotificationList = Type.Object({
  notifications: Type.Array(Notification),
  unread: Type.Integer({ minimum: 0 }),
});
export type NotificationList = Static<typeof NotificationList>;

/** Mark some (`ids`) or all (`all: true`) of one's own notifications read. */
export const MarkReadBody = Type.Union([
  Type.Object({ ids: Type.Array(Id, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
  Type.Object({ all: Type.Literal(true) }, { additionalProperties: false }),
]);
export type MarkReadBody = Static<typeof MarkReadBody>;

export const MarkReadResult = Type.Object({ marked: Type.Integer({ minimum: 0 }), unread: Type.Integer({ minimum: 0 }) });
export type MarkReadResult = Static<typeof MarkReadResult>;

// --- E-mail preference ----------------------------------------------------------------------------

export const EmailAddress = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' });

export const Preferences = Type.Object({
  email: nullable(Type.String()),
  emailNotifications: Type.Boolean(),
  /** 0 when the user has never saved a preference. */
  revision: Type.Integer({ minimum: 0 }),
});
export type Preferences = Static<typeof Preferences>;

export const PreferencesBody = Type.Object(
  {
    email: nullable(EmailAddress),
    emailNotifications: Type.Boolean(),
    revision: Type.Integer({ minimum: 0, description: 'The revision the client read (0: never saved)' }),
  },
  { additionalProperties: false },
);
export type PreferencesBody = Static<typeof PreferencesBody>;

// --- Outbox -----------------------------------------------------------------------------------------

export const OutboxQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

export const OutboxEmail = Type.Object({
  id: Id,
  to: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  requestNumber: nullable(Type.Integer()),
  createdAt: Timestamp,
  sentAt: nullable(Timestamp),
  attempts: Type.Integer(),
  lastError: nullable(Type.String()),
});
export type OutboxEmail = Static<typeof OutboxEmail>;

export const Outbox = Type.Object({
  /** False: no SMTP server is configured, so nothing is sent; the e-mails wait here. */
  smtpConfigured: Type.Boolean(),
  emails: Type.Array(OutboxEmail),
  unsent: Type.Integer({ minimum: 0 }),
});
export type Outbox = Static<typeof Outbox>;

// --- Webhooks -----------------------------------------------------------------------------------------

/** The event types a webhook may subscribe to (none: all). */
export const webhookEventTypes = [
  'created',
  'taken',
  'assigned',
  'status',
  'priority',
  'escalated',
  'third_line',
  'replied',
  'noted',
  'attached',
  'resolved',
  'closed',
  'reopened',
  'deleted',
  'rated',
  'linked',
  'child_created',
  'time_logged',
  'master_data_applied',
  'article_linked',
  'sla_warning',
  'sla_breach',
] as const;
export const WebhookEventType = Type.Enum(webhookEventTypes);
export type WebhookEventType = Static<typeof WebhookEventType>;

export const WebhookUrl = Type.String({ minLength: 8, maxLength: 2000, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://\\S+$' });
export const WebhookSecret = Type.String({ minLength: 16, maxLength: 200, pattern: '^\\S+$' });

export const Webhook = Type.Object({
  id: Id,
  url: Type.String(),
  events: Type.Array(Type.String()),
  active: Type.Boolean(),
  description: nullable(Type.String()),
  /** The secret is never shown again after it was set. */
  secretSet: Type.Boolean(),
  revision: Type.Integer(),
  createdAt: Timestamp,
  /** Deliveries waiting for (another) attempt, and those given up on. */
  pending: Type.Integer(),
  failed: Type.Integer(),
  /** Set when the receiver kept failing: nothing is sent until an administrator resumes it. */
  paused: nullable(
    Type.Object({
      at: Timestamp,
      /** Failed attempts in a row, since `failingSince`, and the last one's error. */
      failures: Type.Integer(),
      failingSince: nullable(Timestamp),
      lastError: nullable(Type.String()),
    }),
  ),
});
export type Webhook = Static<typeof Webhook>;

export const WebhookList = Type.Object({ webhooks: Type.Array(Webhook) });
export type WebhookList = Static<typeof WebhookList>;

export const CreateWebhookBody = Type.Object(
  {
    url: WebhookUrl,
    secret: WebhookSecret,
    events: Type.Array(WebhookEventType, { maxItems: webhookEventTypes.length, uniqueItems: true }),
    active: Type.Optional(Type.Boolean()),
    description: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

/** Without `secret`, the secret stays as it is. */
export const ChangeWebhookBody = Type.Object(
  {
    revision: Revision,
    url: WebhookUrl,
    secret: Type.Optional(WebhookSecret),
    events: Type.Array(WebhookEventType, { maxItems: webhookEventTypes.length, uniqueItems: true }),
    active: Type.Boolean(),
    description: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type ChangeWebhookBody = Static<typeof ChangeWebhookBody>;

export const DeleteWebhookQuery = Type.Object({ revision: Type.Integer({ minimum: 1 }) });

export const WebhookWriteResult = Type.Object({ id: Id, revision: Type.Integer() });
export type WebhookWriteResult = Static<typeof WebhookWriteResult>;

export const ResumeWebhookBody = Type.Object({ revision: Revision }, { additionalProperties: false });
export type ResumeWebhookBody = Static<typeof ResumeWebhookBody>;

/** `requeued`: the waiting deliveries made due again. */
export const ResumeWebhookResult = Type.Object({ id: Id, revision: Type.Integer(), requeued: Type.Integer({ minimum: 0 }) });
export type ResumeWebhookResult = Static<typeof ResumeWebhookResult>;

export const deliveryStates = ['delivered', 'pending', 'failed'] as const;
export const WebhookDelivery = Type.Object({
  id: Id,
  eventId: Type.Integer(),
  eventType: Type.String(),
  requestNumber: nullable(Type.Integer()),
  state: Type.Enum(deliveryStates),
  attempts: Type.Integer(),
  lastStatus: nullable(Type.Integer()),
  lastError: nullable(Type.String()),
  nextAttemptAt: nullable(Timestamp),
  deliveredAt: nullable(Timestamp),
  failedAt: nullable(Timestamp),
  createdAt: Timestamp,
});
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const WebhookDeliveries = Type.Object({ webhookId: Id, deliveries: Type.Array(WebhookDelivery) });
export type WebhookDeliveries = Static<typeof WebhookDeliveries>;

export { IdParams };
