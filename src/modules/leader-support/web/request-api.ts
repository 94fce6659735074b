import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { ApiError, apiRequest } from '../../../web/data/client';
import { translate, type Language } from '../../../web/i18n/i18n';
import type { OrganisationTree } from '../../organisation/organisation.schemas';
import type {
  Catalogue,
  ChildBody,
  LinkBody,
  Priority,
  QueueQuery,
  RequestDetail,
  RequesterContext,
  RequestList,
  RoutingPreview,
  SurveyBody,
  TimeBody,
  TransitionBody,
  Visibility,
} from '../leader-support.schemas';

// The desk's reads and writes: one request, the agents' queue, and every action on a request.
// Type-only imports of the server's schemas, so a change to the contract is a type error here.
// Every write carries the revision the page read; the server refuses a stale one (409 `stale`).

const base = '/api/leader-support';
const root = ['leader-support'] as const;

const refPath = (ref: string | number) => `${base}/requests/${encodeURIComponent(String(ref))}`;

export const requestQuery = (ref: string | number) =>
  queryOptions({
    queryKey: [...root, 'request', String(ref)],
    queryFn: () => apiRequest<RequestDetail>('GET', refPath(ref)),
    // A request that does not exist (or may not be seen) will not appear by asking again.
    retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
  });

/** The query string for GET /requests: only the parameters that are set. */
export function queueSearchParams(params: QueueQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  return search;
}

export const queueQuery = (params: QueueQuery) =>
  queryOptions({
    queryKey: [...root, 'queue', params],
    queryFn: () => apiRequest<RequestList>('GET', `${base}/requests?${queueSearchParams(params).toString()}`),
    placeholderData: keepPreviousData,
  });

export const supportMeQuery = queryOptions({
  queryKey: [...root, 'me'],
  queryFn: () => apiRequest<RequesterContext>('GET', `${base}/me`),
  staleTime: 60_000,
});

export const supportCatalogueQuery = queryOptions({
  queryKey: [...root, 'catalogue'],
  queryFn: () => apiRequest<Catalogue>('GET', `${base}/catalogue`),
  staleTime: 60_000,
});

export const routingPreviewQuery = (categoryId: string, unitId: string) =>
  queryOptions({
    queryKey: [...root, 'routing-preview', categoryId, unitId],
    queryFn: () => apiRequest<RoutingPreview>('GET', `${base}/routing/preview?${new URLSearchParams({ categoryId, unitId }).toString()}`),
  });

/** The sectors to filter by: the service and staff areas (level 2) today, as requests keep them (the organisation module's tree). */
export const sectorsQuery = queryOptions({
  queryKey: [...root, 'sectors'],
  queryFn: async () => {
    const tree = await apiRequest<OrganisationTree>('GET', '/api/organisation/tree');
    return tree.units
      .filter((unit) => unit.level === 2 && (unit.kind === 'service_area' || unit.kind === 'staff_area'))
      .map((unit) => ({ id: unit.id, name: unit.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  },
  staleTime: 5 * 60_000,
});

// --- Writes ---------------------------------------------------------------------------------------

/** A write on one request; on success everything leader support shows is read again. */
function useSupportMutation<V>(request: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

type WithRef<T> = T & { ref: string | number };
const post = (ref: string | number, action: string, body: unknown) => apiRequest<unknown>('POST', `${refPath(ref)}/${action}`, body);

export const useTake = () => useSupportMutation(({ ref, revision }: WithRef<{ revision: number }>) => post(ref, 'take', { revision }));

export const useChangePriority = () =>
  useSupportMutation(({ ref, revision, priority }: WithRef<{ revision: number; priority: Priority }>) =>
    post(ref, 'priority', { revision, priority }),
  );

export const useAddMessage = () =>
  useSupportMutation(({ ref, visibility, body }: WithRef<{ visibility: Visibility; body: string }>) =>
    post(ref, 'messages', { visibility, body }),
  );

export const useTransition = () => useSupportMutation(({ ref, ...body }: WithRef<TransitionBody>) => post(ref, 'transition', body));

export const useEscalate = () =>
  useSupportMutation(({ ref, revision, reason }: WithRef<{ revision: number; reason: string }>) =>
    post(ref, 'escalate', { revision, reason }),
  );

export type ThirdLineInput = { revision: number; reason: string } & (
  { kind: 'internal'; groupId: string } | { kind: 'external'; party: string }
);
export const useThirdLine = () => useSupportMutation(({ ref, ...body }: WithRef<ThirdLineInput>) => post(ref, 'third-line', body));

export const useSelfService = () =>
  useSupportMutation(({ ref, articleId }: WithRef<{ articleId: string }>) => post(ref, 'self-service', { articleId }));

/** Links the request `ref` to the request `other` (a number as in «LS-1042» or «1042»). */
export const useLinkRequest = () =>
  useSupportMutation(({ ref, other }: WithRef<{ other: string }>) => post(ref, 'links', { ref: other } satisfies Static<typeof LinkBody>));

export const useCreateChild = () =>
  useSupportMutation(({ ref, ...body }: WithRef<Static<typeof ChildBody>>) => post(ref, 'children', body));

export const useLogTime = () => useSupportMutation(({ ref, ...body }: WithRef<Static<typeof TimeBody>>) => post(ref, 'time', body));

export const useSurvey = () => useSupportMutation(({ ref, ...body }: WithRef<Static<typeof SurveyBody>>) => post(ref, 'survey', body));

export const useApproveMasterData = () =>
  useSupportMutation(({ ref, revision }: WithRef<{ revision: number }>) => post(ref, 'approve', { revision }));

export type UploadInput = { ref: string | number; file: File; visibility: Visibility; csrfToken: string | null; language: Language };

/**
 * The file goes as the raw body (application/octet-stream), its name and visibility in the query;
 * the server checks size and type (by content, not by name) and answers a refusal with its message.
 */
export async function uploadAttachment({ ref, file, visibility, csrfToken, language }: UploadInput): Promise<unknown> {
  const params = new URLSearchParams({ fileName: file.name.slice(0, 200), visibility });
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    Accept: 'application/json',
    'Accept-Language': language,
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${refPath(ref)}/attachments?${params.toString()}`, {
      method: 'POST',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', translate(language, 'error.network'));
  }
  const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? translate(language, 'error.unexpected', { status: response.status }),
      error?.details,
    );
  }
  return payload;
}

export const useUploadAttachment = () => useSupportMutation(uploadAttachment);

/** Where an attachment is downloaded (the server sends it as a download, never inline). */
export const attachmentHref = (id: string) => `${base}/attachments/${encodeURIComponent(id)}`;
