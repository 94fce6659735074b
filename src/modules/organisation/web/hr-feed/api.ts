import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../../web/data/client';
import type { HrFeedRunDetail, HrFeedRunList, HrFeedStarted, HrFeedStatus } from '../../hr-feed.schemas';

const base = '/api/organisation/hr-feed';
const root = ['organisation', 'hr-feed'] as const;

export const hrFeedRunsQuery = () =>
  queryOptions({ queryKey: [...root, 'runs'], queryFn: () => apiRequest<HrFeedRunList>('GET', `${base}/runs`) });

export const hrFeedRunQuery = (id: string) =>
  queryOptions({
    queryKey: [...root, 'run', id],
    queryFn: () => apiRequest<HrFeedRunDetail>('GET', `${base}/runs/${encodeURIComponent(id)}`),
  });

export const hrFeedStatusQuery = () =>
  queryOptions({ queryKey: [...root, 'status'], queryFn: () => apiRequest<HrFeedStatus>('GET', `${base}/status`), staleTime: 60_000 });

export function useStartHrFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<HrFeedStarted>('POST', `${base}/runs/start`),
    onSettled: () => client.invalidateQueries({ queryKey: root }),
  });
}
