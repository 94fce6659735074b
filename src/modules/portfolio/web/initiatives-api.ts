import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../web/data/client';
import type {
  EditInitiativeBody,
  InitiativeDetail,
  InitiativeOptions,
  MergeInitiativeBody,
  Overview,
  OverviewQuery,
  ProposeInitiativeBody,
  Roadmap,
  RoadmapQuery,
} from '../initiatives.schemas';

// The initiatives part's API calls. Every key starts with 'portfolio', so invalidating ['portfolio']
// after any write in the module refreshes what these pages show.

const base = '/api/portfolio';

/** The query string for the overview and its export: only the parameters given, in a stable order. */
export function overviewSearch(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const initiativeOptionsQuery = queryOptions({
  queryKey: ['portfolio', 'initiative-options'],
  queryFn: () => apiRequest<InitiativeOptions>('GET', `${base}/options`),
  staleTime: 60_000,
});

export const overviewQuery = (params: OverviewQuery) =>
  queryOptions({
    queryKey: ['portfolio', 'initiatives', params],
    queryFn: () => apiRequest<Overview>('GET', `${base}/initiatives${overviewSearch(params)}`),
    placeholderData: keepPreviousData,
  });

export const exportUrl = (params: OverviewQuery, format: 'csv' | 'xlsx') =>
  `${base}/initiatives/export${overviewSearch({ ...params, page: undefined, pageSize: undefined, format })}`;

export const initiativeQuery = (ref: string) =>
  queryOptions({
    queryKey: ['portfolio', 'initiative', ref],
    queryFn: () => apiRequest<InitiativeDetail>('GET', `${base}/initiatives/${encodeURIComponent(ref)}`),
  });

export const roadmapQuery = (params: RoadmapQuery) =>
  queryOptions({
    queryKey: ['portfolio', 'roadmap', params],
    queryFn: () => apiRequest<Roadmap>('GET', `${base}/roadmap${overviewSearch(params)}`),
    placeholderData: keepPreviousData,
  });

export function useProposeInitiative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposeInitiativeBody) => apiRequest<InitiativeDetail>('POST', `${base}/initiatives`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portfolio'] }),
  });
}

export function useEditInitiative(ref: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EditInitiativeBody) => apiRequest<InitiativeDetail>('PUT', `${base}/initiatives/${encodeURIComponent(ref)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portfolio'] }),
  });
}

export function useMergeInitiative(ref: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeInitiativeBody) =>
      apiRequest<InitiativeDetail>('POST', `${base}/initiatives/${encodeURIComponent(ref)}/merge`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portfolio'] }),
  });
}
