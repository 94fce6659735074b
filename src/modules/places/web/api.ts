import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import type { MyOrganisation } from '../../organisation/access.schemas';
import type { OrganisationTree } from '../../organisation/organisation.schemas';
import type { SearchResult as OrganisationSearch } from '../../organisation/records.schemas';
import type {
  CatalogueService,
  ChangeCoverageBody,
  ChangeDistrictBody,
  ChangeHubBody,
  ChangeServiceBody,
  ChangeSiteBody,
  CoLocation,
  CreateCoverageBody,
  CreateLocationBody,
  CreateServiceBody,
  DistrictDetail,
  DistrictList,
  HubDetail,
  ProximityClass,
  ProximityReport,
  SearchResult,
  ServiceCatalogue,
  ServiceDetail,
  SiteList,
  WriteResult,
} from '../places.schemas';

// The server's schema types (type-only imports: nothing of the server reaches the bundle), so a
// change to the API contract shows up here as a type error.

const base = '/api/places';
const root = ['places'] as const;

const withDate = (path: string, date: string | undefined) =>
  date ? `${path}${path.includes('?') ? '&' : '?'}date=${encodeURIComponent(date)}` : path;

// Public reads. Without a date the server answers for today in Norway, so a citizen's page needs
// no date of its own. Public data changes seldom: a minute's staleness is fine.

export const districtsQuery = (date?: string) =>
  queryOptions({
    queryKey: [...root, 'districts', date ?? 'today'],
    queryFn: () => apiRequest<DistrictList>('GET', withDate(`${base}/districts`, date)),
    staleTime: 60_000,
  });

export const districtQuery = (number: number, date?: string) =>
  queryOptions({
    queryKey: [...root, 'district', number, date ?? 'today'],
    queryFn: () => apiRequest<DistrictDetail>('GET', withDate(`${base}/districts/${number}`, date)),
    staleTime: 60_000,
  });

export const hubQuery = (id: string, date?: string) =>
  queryOptions({
    queryKey: [...root, 'hub', id, date ?? 'today'],
    queryFn: () => apiRequest<HubDetail>('GET', withDate(`${base}/hubs/${encodeURIComponent(id)}`, date)),
    staleTime: 60_000,
  });

export const serviceQuery = (id: string, date?: string) =>
  queryOptions({
    queryKey: [...root, 'service', id, date ?? 'today'],
    queryFn: () => apiRequest<ServiceDetail>('GET', withDate(`${base}/services/${encodeURIComponent(id)}`, date)),
    staleTime: 60_000,
  });

export type ServiceSearch = { q: string; district?: number; targetGroup?: string };

export const searchQuery = ({ q, district, targetGroup }: ServiceSearch) =>
  queryOptions({
    queryKey: [...root, 'search', q, district ?? null, targetGroup ?? null],
    queryFn: () => {
      const params = new URLSearchParams({ q });
      if (district !== undefined) params.set('district', String(district));
      if (targetGroup) params.set('targetGroup', targetGroup);
      return apiRequest<SearchResult>('GET', `${base}/search?${params.toString()}`);
    },
    staleTime: 60_000,
    // A refused search (empty, too long) is not worth asking again.
    retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    placeholderData: keepPreviousData,
  });

// Staff reads (places:read).

/** The organisation's units on a date (organisation:read): who can deliver a service. */
export const unitsQuery = (date: string) =>
  queryOptions({
    queryKey: [...root, 'units', date],
    queryFn: () => apiRequest<OrganisationTree>('GET', withDate('/api/organisation/tree', date)),
    staleTime: 5 * 60_000,
  });

/** Positions whose title contains `q` (organisation:read): who can be a district's local coordinator. */
export const positionSearchQuery = (q: string, date: string) =>
  queryOptions({
    queryKey: [...root, 'positions', q, date],
    queryFn: async () => {
      const params = new URLSearchParams({ q, date });
      const result = await apiRequest<OrganisationSearch>('GET', `/api/organisation/search?${params.toString()}`);
      return result.positions;
    },
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

export const coLocationQuery = (date?: string) =>
  queryOptions({
    queryKey: [...root, 'co-location', date ?? 'today'],
    queryFn: () => apiRequest<CoLocation>('GET', withDate(`${base}/co-location`, date)),
  });

export const reportQuery = (date?: string) =>
  queryOptions({
    queryKey: [...root, 'report', date ?? 'today'],
    queryFn: () => apiRequest<ProximityReport>('GET', withDate(`${base}/report`, date)),
  });

export type { CatalogueService };
export type Catalogue = { date: string; districts: DistrictList['districts']; services: CatalogueService[] };

/** The whole catalogue with each service's coverage per district, and the districts: the coverage matrix. */
export const catalogueQuery = (date: string) =>
  queryOptions({
    queryKey: [...root, 'catalogue', date],
    queryFn: async (): Promise<Catalogue> => {
      const [districts, catalogue] = await Promise.all([
        apiRequest<DistrictList>('GET', withDate(`${base}/districts`, date)),
        apiRequest<ServiceCatalogue>('GET', withDate(`${base}/services`, date)),
      ]);
      return { date, districts: districts.districts, services: catalogue.services };
    },
  });

/** The catalogue alone (public): e.g. the target groups to filter a search by. */
export const servicesQuery = (date?: string) =>
  queryOptions({
    queryKey: [...root, 'services', date ?? 'today'],
    queryFn: () => apiRequest<ServiceCatalogue>('GET', withDate(`${base}/services`, date)),
    staleTime: 5 * 60_000,
  });

/** Every site on a date, with its hub: the places a service can be delivered from. */
export const sitesQuery = (date?: string) =>
  queryOptions({
    queryKey: [...root, 'sites', date ?? 'today'],
    queryFn: () => apiRequest<SiteList>('GET', withDate(`${base}/sites`, date)),
  });

/** Classes whose coverage is recorded per district (the others are open to everyone). */
export const coveredClasses: readonly ProximityClass[] = ['every_district', 'shared_districts'];

// ---------------------------------------------------------------------------------------------
// Writes. Each refreshes everything the module has read: coverage shows on every page.

function usePlacesMutation<TVariables, TResult>(request: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict') void queryClient.invalidateQueries({ queryKey: root });
    },
  });
}

export function useAddCoverage() {
  return usePlacesMutation((body: CreateCoverageBody) => apiRequest<WriteResult>('POST', `${base}/coverage`, body));
}

export function useChangeCoverage() {
  return usePlacesMutation(({ id, ...body }: ChangeCoverageBody & { id: string }) =>
    apiRequest<WriteResult>('PATCH', `${base}/coverage/${encodeURIComponent(id)}`, body),
  );
}

export function useChangeSite(id: string) {
  return usePlacesMutation((body: ChangeSiteBody) => apiRequest<WriteResult>('PATCH', `${base}/sites/${encodeURIComponent(id)}`, body));
}

export function useCreateService() {
  return usePlacesMutation((body: CreateServiceBody) => apiRequest<WriteResult>('POST', `${base}/services`, body));
}

export function useChangeService(id: string) {
  return usePlacesMutation((body: ChangeServiceBody) =>
    apiRequest<WriteResult>('PATCH', `${base}/services/${encodeURIComponent(id)}`, body),
  );
}

export function useAddLocation() {
  return usePlacesMutation((body: CreateLocationBody) => apiRequest<WriteResult>('POST', `${base}/locations`, body));
}

export function useChangeDistrict(number: number) {
  return usePlacesMutation((body: ChangeDistrictBody) => apiRequest<WriteResult>('PATCH', `${base}/districts/${number}`, body));
}

export function useChangeHub(id: string) {
  return usePlacesMutation((body: ChangeHubBody) => apiRequest<WriteResult>('PATCH', `${base}/hubs/${encodeURIComponent(id)}`, body));
}

/**
 * Whether the signed-in user may change what belongs to the whole municipality (districts, hubs,
 * sites, the service catalogue, imports): an administrator, or an editor not limited to an area of
 * the organisation. The server decides the same way (organisation's assertMayEditInArea); this only
 * keeps forms away from people whose every save would be refused. Undefined until known.
 */
export function useMayEditWholeMunicipality(): boolean | undefined {
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'places:write');
  const administrator = session?.user?.roles.includes('administrator') ?? false;
  const me = useQuery({
    queryKey: ['organisation', 'me', session?.user?.id],
    queryFn: () => apiRequest<MyOrganisation>('GET', '/api/organisation/me'),
    enabled: canWrite && !administrator,
    staleTime: 60_000,
  });
  if (!session) return undefined;
  if (!canWrite) return false;
  if (administrator) return true;
  if (me.isError) return false;
  return me.data ? me.data.editorAreas.length === 0 : undefined;
}
