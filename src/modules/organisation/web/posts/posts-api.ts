import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../../web/data/client';
import { useOrganisationMutation } from '../api';
import type { PostsResponse, SetUnitBudgetBody, UnitBudgets, VacanciesResponse } from '../../posts.schemas';
import type { ChangePositionBody, WriteResult } from '../../records.schemas';

// Posts and FTE: the roll-ups, the vacancy list, a unit's budget and a position's FTE and cost
// centre. Under the module's query key, so any organisation edit refreshes them.

const base = '/api/organisation';
const root = ['organisation'] as const;

const postsParams = (date: string, unit?: string) => {
  const params = new URLSearchParams({ date });
  if (unit) params.set('unit', unit);
  return params;
};

export const postsQuery = (date: string, unit?: string) =>
  queryOptions({
    queryKey: [...root, 'posts', date, unit ?? null],
    queryFn: () => apiRequest<PostsResponse>('GET', `${base}/posts?${postsParams(date, unit).toString()}`),
    placeholderData: keepPreviousData,
  });

export const vacanciesQuery = (date: string, unit?: string) =>
  queryOptions({
    queryKey: [...root, 'vacancies', date, unit ?? null],
    queryFn: () => apiRequest<VacanciesResponse>('GET', `${base}/posts/vacancies?${postsParams(date, unit).toString()}`),
    placeholderData: keepPreviousData,
  });

/** The vacancy list as a file: the browser sends the session cookie with a plain link. */
export const vacanciesDownloadHref = (format: 'csv' | 'xlsx', date: string, unit?: string) => {
  const params = postsParams(date, unit);
  params.set('format', format);
  return `${base}/posts/vacancies?${params.toString()}`;
};

export const unitBudgetsQuery = (unitId: string) =>
  queryOptions({
    queryKey: [...root, 'budgets', unitId],
    queryFn: () => apiRequest<UnitBudgets>('GET', `${base}/units/${encodeURIComponent(unitId)}/budgets`),
  });

export function useSetUnitBudget(unitId: string) {
  return useOrganisationMutation((body: SetUnitBudgetBody) =>
    apiRequest<WriteResult>('PUT', `${base}/units/${encodeURIComponent(unitId)}/budget`, body),
  );
}

export function useChangePosition(positionId: string) {
  return useOrganisationMutation((body: ChangePositionBody) =>
    apiRequest<WriteResult>('PATCH', `${base}/positions/${encodeURIComponent(positionId)}`, body),
  );
}
