import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../web/data/client';
import type {
  Benefit,
  BenefitList,
  ChangeBenefitBody,
  CloseBenefitBody,
  InitiativeBenefits,
  InitiativeOptions,
  MeasurementBody,
  NewBenefitBody,
  OwnerOptions,
  Realisation,
} from '../benefits.schemas';

// The benefits part's reads and writes (type-only imports of the shared contracts).

const base = '/api/portfolio';
const root = ['portfolio', 'benefits'] as const;

export const initiativeBenefitsQuery = (initiativeId: string) =>
  queryOptions({
    queryKey: [...root, 'initiative', initiativeId],
    queryFn: () => apiRequest<InitiativeBenefits>('GET', `${base}/initiatives/${encodeURIComponent(initiativeId)}/benefits`),
  });

export const ownerOptionsQuery = queryOptions({
  queryKey: [...root, 'owner-options'],
  queryFn: () => apiRequest<OwnerOptions>('GET', `${base}/benefits/owner-options`),
  staleTime: 60_000,
});

export const initiativeOptionsQuery = queryOptions({
  queryKey: [...root, 'initiative-options'],
  queryFn: () => apiRequest<InitiativeOptions>('GET', `${base}/benefits/initiative-options`),
});

export const realisationQuery = (by: 'year' | 'area') =>
  queryOptions({
    queryKey: [...root, 'realisation', by],
    queryFn: () => apiRequest<Realisation>('GET', `${base}/benefits/realisation?by=${by}`),
  });

export interface BenefitFilters {
  area?: string;
  status?: string;
  type?: string;
  owner?: string;
  overdue?: boolean;
}

export function benefitListParams(filters: BenefitFilters, format?: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  if (format) params.set('format', format);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const benefitListQuery = (filters: BenefitFilters) =>
  queryOptions({
    queryKey: [...root, 'list', filters],
    queryFn: () => apiRequest<BenefitList>('GET', `${base}/benefits${benefitListParams(filters)}`),
  });

export const benefitExportUrl = (filters: BenefitFilters, format: 'csv' | 'xlsx') =>
  `${base}/benefits${benefitListParams(filters, format)}`;

/** Every write invalidates the module's queries (the initiative page shows benefits too). */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['portfolio'] });
}

export function useAddBenefit(initiativeId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NewBenefitBody) =>
      apiRequest<Benefit>('POST', `${base}/initiatives/${encodeURIComponent(initiativeId)}/benefits`, body),
    onSettled: invalidate,
  });
}

export function useChangeBenefit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ChangeBenefitBody }) => apiRequest<Benefit>('PUT', `${base}/benefits/${id}`, body),
    onSettled: invalidate,
  });
}

export function useRecordMeasurement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MeasurementBody }) =>
      apiRequest<Benefit>('POST', `${base}/benefits/${id}/measurements`, body),
    onSettled: invalidate,
  });
}

export function useCloseBenefit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CloseBenefitBody }) => apiRequest<Benefit>('POST', `${base}/benefits/${id}/close`, body),
    onSettled: invalidate,
  });
}
