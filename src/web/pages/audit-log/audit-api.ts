import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AuditPage } from '../../../modules/audit/audit.schemas';
import { apiRequest } from '../../data/client';
import type { AuditSearch } from './audit-search';

// The server's schema types: a change to the API contract is a type error here.
export type AuditEntry = AuditPage['items'][number];

/** A page as shown: with the offset it was asked for, to number its rows. */
export type AuditResult = AuditPage & { offset: number };

export const auditPageSize = 25;

export function auditQuery(search: AuditSearch) {
  const params = new URLSearchParams();
  for (const name of ['entityType', 'action', 'actor', 'from', 'to'] as const) {
    const value = search[name];
    if (value) params.set(name, value);
  }
  params.set('limit', String(auditPageSize));
  const offset = ((search.page ?? 1) - 1) * auditPageSize;
  params.set('offset', String(offset));

  return queryOptions({
    queryKey: ['audit', params.toString()],
    queryFn: async (): Promise<AuditResult> => ({
      ...(await apiRequest<AuditPage>('GET', `/api/audit?${params}`)),
      offset,
    }),
    // Keep showing the current page while the next one loads, instead of a spinner.
    placeholderData: keepPreviousData,
  });
}
