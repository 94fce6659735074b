import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../web/data/client';
import type { SearchResult as OrganisationSearch } from '../../organisation/records.schemas';
import type {
  Catalogue,
  ChangeRoutingRuleBody,
  ChangeSettingsBody,
  CreateRoutingRuleBody,
  Group,
  PutSlaPolicyBody,
  RoutingRule,
  RoutingRuleList,
  Settings,
  SlaPolicy,
  SlaPolicyList,
} from '../leader-support.schemas';
import type { GroupList } from '../settings.schemas';

// The settings page's reads and writes (type-only imports of the server's schemas).

const base = '/api/leader-support';
const root = ['leader-support', 'settings'] as const;

export const settingsQuery = queryOptions({
  queryKey: [...root, 'settings'],
  queryFn: () => apiRequest<Settings>('GET', `${base}/settings`),
});

export const slaPoliciesQuery = queryOptions({
  queryKey: [...root, 'sla-policies'],
  queryFn: () => apiRequest<SlaPolicyList>('GET', `${base}/sla-policies`),
});

export const routingRulesQuery = queryOptions({
  queryKey: [...root, 'routing-rules'],
  queryFn: () => apiRequest<RoutingRuleList>('GET', `${base}/routing-rules`),
});

export const groupsQuery = queryOptions({
  queryKey: [...root, 'groups'],
  queryFn: () => apiRequest<GroupList>('GET', `${base}/groups`),
});

export const settingsCatalogueQuery = queryOptions({
  queryKey: [...root, 'catalogue'],
  queryFn: () => apiRequest<Catalogue>('GET', `${base}/catalogue`),
  staleTime: 60_000,
});

/** Units whose name contains q, as of today (the organisation's search). */
export const unitSearchQuery = (q: string) =>
  queryOptions({
    queryKey: [...root, 'unit-search', q],
    queryFn: async () => {
      const params = new URLSearchParams({ q });
      const result = await apiRequest<OrganisationSearch>('GET', `/api/organisation/search?${params.toString()}`);
      return result.units;
    },
    enabled: q.trim().length >= 2,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

/** A write that refreshes every settings read when done (and on a stale refusal, so a reload shows the news). */
function useSettingsMutation<TInput, TResult>(request: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'stale' || error.code === 'conflict'))
        void queryClient.invalidateQueries({ queryKey: root });
    },
  });
}

export const useChangeSettings = () =>
  useSettingsMutation((body: ChangeSettingsBody) => apiRequest<Settings>('PUT', `${base}/settings`, body));

export const usePutSlaPolicy = () =>
  useSettingsMutation((body: PutSlaPolicyBody) => apiRequest<SlaPolicy>('PUT', `${base}/sla-policies`, body));

export const useDeleteSlaPolicy = () =>
  useSettingsMutation(({ id, revision }: { id: string; revision: number }) =>
    apiRequest<void>('DELETE', `${base}/sla-policies/${encodeURIComponent(id)}?revision=${revision}`),
  );

export const useCreateRoutingRule = () =>
  useSettingsMutation((body: CreateRoutingRuleBody) => apiRequest<RoutingRule>('POST', `${base}/routing-rules`, body));

export const useChangeRoutingRule = () =>
  useSettingsMutation(({ id, ...body }: ChangeRoutingRuleBody & { id: string }) =>
    apiRequest<RoutingRule>('PUT', `${base}/routing-rules/${encodeURIComponent(id)}`, body),
  );

export const useDeleteRoutingRule = () =>
  useSettingsMutation(({ id, revision }: { id: string; revision: number }) =>
    apiRequest<void>('DELETE', `${base}/routing-rules/${encodeURIComponent(id)}?revision=${revision}`),
  );

export const useSetGroupMembers = () =>
  useSettingsMutation(({ id, ...body }: { id: string; revision: number; userIds: string[] }) =>
    apiRequest<Group>('PUT', `${base}/groups/${encodeURIComponent(id)}/members`, body),
  );
