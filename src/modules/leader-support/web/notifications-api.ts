import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../web/data/client';
import type {
  ChangeWebhookBody,
  CreateWebhookBody,
  MarkReadBody,
  MarkReadResult,
  NotificationList,
  Outbox,
  Preferences,
  PreferencesBody,
  ResumeWebhookResult,
  WebhookDeliveries,
  WebhookList,
  WebhookWriteResult,
} from '../dispatch.schemas';

// Notifications, the e-mail preference, the outbox and webhooks (type-only imports of the server's
// schemas: a change to the contract shows up here as a type error).

const base = '/api/leader-support';
const root = ['leader-support', 'dispatch'] as const;

export const notificationsQuery = () =>
  queryOptions({
    queryKey: [...root, 'notifications'],
    queryFn: () => apiRequest<NotificationList>('GET', `${base}/notifications?limit=100`),
  });

/** Just the count, for the badge in the menu: asked again every minute while the page is open. */
export const unreadCountQuery = () =>
  queryOptions({
    queryKey: [...root, 'notifications', 'unread'],
    queryFn: async () => (await apiRequest<NotificationList>('GET', `${base}/notifications?unreadOnly=true&limit=1`)).unread,
    refetchInterval: 60_000,
    staleTime: 15_000,
  });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkReadBody) => apiRequest<MarkReadResult>('POST', `${base}/notifications/read`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: [...root, 'notifications'] }),
  });
}

export const preferencesQuery = () =>
  queryOptions({ queryKey: [...root, 'preferences'], queryFn: () => apiRequest<Preferences>('GET', `${base}/preferences`) });

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesBody) => apiRequest<Preferences>('PUT', `${base}/preferences`, body),
    onSuccess: (saved) => client.setQueryData([...root, 'preferences'], saved),
  });
}

export const outboxQuery = () =>
  queryOptions({ queryKey: [...root, 'outbox'], queryFn: () => apiRequest<Outbox>('GET', `${base}/outbox`) });

export const webhooksQuery = () =>
  queryOptions({ queryKey: [...root, 'webhooks'], queryFn: () => apiRequest<WebhookList>('GET', `${base}/webhooks`) });

export const deliveriesQuery = (webhookId: string) =>
  queryOptions({
    queryKey: [...root, 'webhooks', webhookId, 'deliveries'],
    queryFn: () => apiRequest<WebhookDeliveries>('GET', `${base}/webhooks/${encodeURIComponent(webhookId)}/deliveries`),
  });

function useWebhookMutation<T, R extends WebhookWriteResult | void>(mutationFn: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: [...root, 'webhooks'] }) });
}

export const useCreateWebhook = () =>
  useWebhookMutation((body: CreateWebhookBody) => apiRequest<WebhookWriteResult>('POST', `${base}/webhooks`, body));
export const useChangeWebhook = (id: string) =>
  useWebhookMutation((body: ChangeWebhookBody) =>
    apiRequest<WebhookWriteResult>('PUT', `${base}/webhooks/${encodeURIComponent(id)}`, body),
  );
export const useDeleteWebhook = (id: string) =>
  useWebhookMutation((revision: number) => apiRequest<void>('DELETE', `${base}/webhooks/${encodeURIComponent(id)}?revision=${revision}`));
export const useResumeWebhook = (id: string) =>
  useWebhookMutation((revision: number) =>
    apiRequest<ResumeWebhookResult>('POST', `${base}/webhooks/${encodeURIComponent(id)}/resume`, { revision }),
  );
