import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../web/data/client';
import type { Figures, FiguresQuery } from '../figures.schemas';

// The figures page's read (type-only import of the server's schema) and the CSV link.

const base = '/api/leader-support';

/** The query string of a selection, without empty values. */
export function figuresSearch(query: FiguresQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

export const figuresQuery = (query: FiguresQuery) =>
  queryOptions({
    queryKey: ['leader-support', 'figures', query],
    queryFn: () => apiRequest<Figures>('GET', `${base}/figures?${figuresSearch(query)}`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** A plain link: the browser downloads the file with the session cookie. */
export const figuresCsvUrl = (query: FiguresQuery) => `${base}/figures.csv?${figuresSearch(query)}`;
