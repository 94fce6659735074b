import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../web/data/client';
import type {
  Adjustment,
  AdjustmentCreate,
  AdjustmentUpdate,
  AreaDetail,
  BudgetOverview,
  ImportActualsResult,
  PutBudgetsBody,
  PutForecastBody,
} from '../budget.schemas';

// The budget programme areas API (type-only imports of the server's contracts).

const base = '/api/steering';
const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2;
const yearQuery = (year?: number) => (year ? `?year=${year}` : '');

export const budgetOverviewQuery = (year?: number) =>
  queryOptions({
    queryKey: ['steering', 'budget', 'overview', year ?? null],
    queryFn: () => apiRequest<BudgetOverview>('GET', `${base}/budget${yearQuery(year)}`),
    retry,
    placeholderData: keepPreviousData,
  });

export const areaBudgetQuery = (code: string, year?: number) =>
  queryOptions({
    queryKey: ['steering', 'budget', 'area', code, year ?? null],
    queryFn: () => apiRequest<AreaDetail>('GET', `${base}/areas/${encodeURIComponent(code)}/budget${yearQuery(year)}`),
    retry,
  });

export const budgetExportHref = (year: number, format: 'csv' | 'xlsx') => `${base}/budget?year=${year}&format=${format}`;

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['steering'] });
}

export function useImportActuals() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { fileName: string; csv: string }) => apiRequest<ImportActualsResult>('POST', `${base}/actuals/import`, input),
    onSuccess: invalidate,
  });
}

export function usePutForecast(code: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PutForecastBody) => apiRequest<void>('PUT', `${base}/areas/${encodeURIComponent(code)}/forecast`, input),
    onSuccess: invalidate,
  });
}

export function usePutBudgets(code: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PutBudgetsBody) => apiRequest<void>('PUT', `${base}/areas/${encodeURIComponent(code)}/budgets`, input),
    onSuccess: invalidate,
  });
}

export function useSaveAdjustment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: string; body: AdjustmentUpdate } | { id: null; body: AdjustmentCreate }) =>
      input.id
        ? apiRequest<Adjustment>('PUT', `${base}/adjustments/${encodeURIComponent(input.id)}`, input.body)
        : apiRequest<Adjustment>('POST', `${base}/adjustments`, input.body),
    onSuccess: invalidate,
  });
}

export function useDeleteAdjustment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: string; revision: number }) =>
      apiRequest<void>('DELETE', `${base}/adjustments/${encodeURIComponent(input.id)}?revision=${input.revision}`),
    onSuccess: invalidate,
  });
}
