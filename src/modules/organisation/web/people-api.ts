import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../web/data/client';
import type { PeopleSearchResult, PersonCard } from '../people.schemas';

// People first: the person search and the person card (type-only imports of the server's schemas).
// Under the module's query key, so every organisation write refreshes them too.

const base = '/api/organisation/people';

export const peopleSearchQuery = (q: string, date: string, page: number) =>
  queryOptions({
    queryKey: ['organisation', 'people-search', q, date, page],
    queryFn: () =>
      apiRequest<PeopleSearchResult>('GET', `${base}/search?${new URLSearchParams({ q, date, page: String(page) }).toString()}`),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });

export const personCardQuery = (id: string, date: string) =>
  queryOptions({
    queryKey: ['organisation', 'person-card', id, date],
    queryFn: () => apiRequest<PersonCard>('GET', `${base}/${encodeURIComponent(id)}/card?date=${encodeURIComponent(date)}`),
  });
