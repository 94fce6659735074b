import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../web/data/client';
import type { SearchResult as OrganisationSearch } from '../../organisation/records.schemas';
import type { Catalogue, QueueQuery, RequestDetail, RequestList, RequesterContext, SubmitRequestBody } from '../leader-support.schemas';

// The requester side of leader support: the catalogue, where the signed-in user sits, their requests,
// submitting one. Type-only imports of the server's schemas, so a change to the contract shows up
// here as a type error. Other pages may import these (the queue uses requestListQuery).

const base = '/api/leader-support';
/** Every leader-support query key starts with this, so one invalidation reaches them all. */
export const supportQueryRoot = ['leader-support'] as const;

/** The request catalogue: categories with their form fields, and the groups. Changes seldom. */
export const catalogueQuery = queryOptions({
  queryKey: [...supportQueryRoot, 'catalogue'],
  queryFn: () => apiRequest<Catalogue>('GET', `${base}/catalogue`),
  staleTime: 5 * 60_000,
});

/** Where the signed-in user sits today (unit, level, sector), as the organisation model says. */
export const meQuery = queryOptions({
  queryKey: [...supportQueryRoot, 'me'],
  queryFn: () => apiRequest<RequesterContext>('GET', `${base}/me`),
  staleTime: 60_000,
});

/** The query string for GET /requests: only the parameters given, in a stable order. */
export function requestListSearch(params: QueueQuery): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Requests: `view` mine (what I asked for), unit (my unit's and those under it) or queue (the desk). */
export const requestListQuery = (params: QueueQuery) =>
  queryOptions({
    queryKey: [...supportQueryRoot, 'requests', 'list', params],
    queryFn: () => apiRequest<RequestList>('GET', `${base}/requests${requestListSearch(params)}`),
    placeholderData: keepPreviousData,
  });

/** Submits a request; the answer is the stored request (its number names its page). */
export function useSubmitRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitRequestBody) => apiRequest<RequestDetail>('POST', `${base}/requests`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...supportQueryRoot, 'requests'] });
    },
  });
}

/** A leader a first-line agent may register a request for. */
export type LeaderChoice = { userId: string; displayName: string; unitName: string | null };

/** Leaders whose name contains `q` (first line: «Registrer for en leder»). */
export const leaderSearchQuery = (q: string) =>
  queryOptions({
    queryKey: [...supportQueryRoot, 'leaders', q],
    queryFn: async () => (await apiRequest<{ users: LeaderChoice[] }>('GET', `${base}/leaders?q=${encodeURIComponent(q)}`)).users,
    enabled: q.trim() !== '',
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

/** Units and people in the organisation today whose name contains `q` (the form's unit and person fields). */
export const organisationSearchQuery = (q: string) =>
  queryOptions({
    queryKey: [...supportQueryRoot, 'organisation-search', q],
    queryFn: () => apiRequest<OrganisationSearch>('GET', `/api/organisation/search?q=${encodeURIComponent(q)}`),
    enabled: q.trim() !== '',
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
