import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../web/data/client';
import type { AddNoteBody, DecisionDetail, DecisionInput, DecisionList, DecisionSummary, DecisionUpdate } from '../decisions.schemas';
import type { DecisionsSearch } from './decisions-search';

// The political decisions API (type-only imports of the server's contracts).

const base = '/api/steering';
const root = ['steering', 'decisions'] as const;
const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2;

export function decisionsQueryString(search: DecisionsSearch, format?: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams();
  if (search.status) params.set('status', search.status);
  if (search.body) params.set('body', search.body);
  if (search.overdue) params.set('overdue', 'true');
  if (search.unit) params.set('unit', search.unit);
  if (search.q) params.set('q', search.q);
  if (format) params.set('format', format);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const decisionsQuery = (search: DecisionsSearch) =>
  queryOptions({
    queryKey: [...root, 'list', search],
    queryFn: () => apiRequest<DecisionList>('GET', `${base}/decisions${decisionsQueryString(search)}`),
    retry,
    placeholderData: keepPreviousData,
  });

export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: [...root, 'one', id],
    queryFn: () => apiRequest<DecisionDetail>('GET', `${base}/decisions/${encodeURIComponent(id)}`),
    retry,
  });

export const decisionUnitsQuery = () =>
  queryOptions({
    queryKey: ['steering', 'decision-units'],
    queryFn: () => apiRequest<{ units: { id: string; name: string; parentId: string | null }[] }>('GET', `${base}/decision-units`),
    staleTime: 5 * 60_000,
    retry,
  });

/** Initiatives that follow a decision (portfolio module); any failure means "show nothing". */
export const decisionInitiativesQuery = (id: string) =>
  queryOptions({
    queryKey: ['steering', 'decision-initiatives', id],
    queryFn: () => apiRequest<unknown>('GET', `/api/portfolio/initiatives?decision=${encodeURIComponent(id)}`),
    retry: false,
    staleTime: 60_000,
  });

export function useSaveDecision(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionInput | DecisionUpdate) =>
      id
        ? apiRequest<DecisionSummary>('PUT', `${base}/decisions/${encodeURIComponent(id)}`, input)
        : apiRequest<DecisionSummary>('POST', `${base}/decisions`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['steering'] }),
  });
}

export function useAddNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AddNoteBody) => apiRequest<DecisionSummary>('POST', `${base}/decisions/${encodeURIComponent(id)}/notes`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['steering'] }),
  });
}
