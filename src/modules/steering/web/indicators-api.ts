import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../web/data/client';
import type { GoalInput, GoalTree, UpdateGoal } from '../goals.schemas';
import type {
  AreaOverview,
  CreateComment,
  Dashboard,
  IndicatorDetail,
  PutTargets,
  PutValues,
  UpdateIndicator,
  Written,
} from '../indicators.schemas';

// The goals and indicators API (/api/steering). Query keys start with 'steering'; invalidate
// ['steering'] after a write.

const q = (value: string | undefined) => (value ? encodeURIComponent(value) : '');

export const areaOverviewQuery = (period?: string) =>
  queryOptions({
    queryKey: ['steering', 'dashboard-areas', period ?? ''],
    queryFn: () => apiRequest<AreaOverview>('GET', `/api/steering/dashboard/areas${period ? `?period=${q(period)}` : ''}`),
  });

const dashboardParams = (area: string | undefined, period: string | undefined) => {
  const params = new URLSearchParams();
  if (area) params.set('area', area);
  if (period) params.set('period', period);
  return params;
};

export const dashboardQuery = (area: string | undefined, period: string | undefined) =>
  queryOptions({
    queryKey: ['steering', 'dashboard', area ?? '', period ?? ''],
    queryFn: () => apiRequest<Dashboard>('GET', `/api/steering/dashboard?${dashboardParams(area, period).toString()}`),
    placeholderData: keepPreviousData,
  });

/** The dashboard's table as a file (the whole area, every status). */
export function dashboardExportHref(area: string | undefined, period: string | undefined, format: 'csv' | 'xlsx'): string {
  const params = dashboardParams(area, period);
  params.set('format', format);
  return `/api/steering/dashboard?${params.toString()}`;
}

export const indicatorQuery = (key: string) =>
  queryOptions({
    queryKey: ['steering', 'indicator', key],
    queryFn: () => apiRequest<IndicatorDetail>('GET', `/api/steering/indicators/${q(key)}`),
  });

export const goalsQuery = queryOptions({
  queryKey: ['steering', 'goals'],
  queryFn: () => apiRequest<GoalTree>('GET', '/api/steering/goals'),
});

export type UnitOption = { id: string; name: string };

/** Units to choose owners from (the organisation module's search). */
export const unitSearch = (text: string) => apiRequest<{ units: UnitOption[] }>('GET', `/api/organisation/search?q=${q(text)}`);

export const putValues = (key: string, body: PutValues) => apiRequest<Written>('PUT', `/api/steering/indicators/${q(key)}/values`, body);
export const putTargets = (key: string, body: PutTargets) => apiRequest<Written>('PUT', `/api/steering/indicators/${q(key)}/targets`, body);
export const updateIndicator = (key: string, body: UpdateIndicator) =>
  apiRequest<IndicatorDetail>('PUT', `/api/steering/indicators/${q(key)}`, body);
export const addComment = (key: string, body: CreateComment) =>
  apiRequest<{ id: string }>('POST', `/api/steering/indicators/${q(key)}/comments`, body);
export const refreshIndicator = (key: string) => apiRequest<Written>('POST', `/api/steering/indicators/${q(key)}/refresh`);
export const createGoal = (body: GoalInput) => apiRequest<{ id: string }>('POST', '/api/steering/goals', body);
export const updateGoal = (id: string, body: UpdateGoal) => apiRequest<GoalTree>('PUT', `/api/steering/goals/${q(id)}`, body);
