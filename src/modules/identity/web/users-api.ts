import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../web/data/client';
import type {
  DisableUserBody,
  EnableUserBody,
  Grant,
  GrantRoleBody,
  GroupMapping,
  GroupMappingBody,
  GroupMappingList,
  ReassignmentList,
  UserDetail,
  UserList,
  UserSearchQuery,
} from '../users.schemas';

// Every key starts with 'identity', so a write invalidates all the module's pages at once.
const base = '/api/identity';

export function usersSearch(params: UserSearchQuery): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const usersQuery = (params: UserSearchQuery) =>
  queryOptions({
    queryKey: ['identity', 'users', params],
    queryFn: () => apiRequest<UserList>('GET', `${base}/users${usersSearch(params)}`),
    placeholderData: keepPreviousData,
  });

/** One user as of `date` (default today): positions and roles on that day. */
export const userQuery = (id: string, date?: string) =>
  queryOptions({
    queryKey: ['identity', 'user', id, date ?? 'today'],
    queryFn: () =>
      apiRequest<UserDetail>('GET', `${base}/users/${encodeURIComponent(id)}${date ? `?date=${encodeURIComponent(date)}` : ''}`),
    placeholderData: keepPreviousData,
  });

export const editorAreasQuery = (id: string) =>
  queryOptions({
    queryKey: ['identity', 'editor-areas', id],
    queryFn: () => apiRequest<{ units: { id: string; name: string }[] }>('GET', `/api/organisation/editor-areas/${encodeURIComponent(id)}`),
  });

export const groupMappingsQuery = queryOptions({
  queryKey: ['identity', 'group-mappings'],
  queryFn: () => apiRequest<GroupMappingList>('GET', `${base}/group-mappings`),
});

export const reassignmentsQuery = queryOptions({
  queryKey: ['identity', 'reassignments'],
  queryFn: () => apiRequest<ReassignmentList>('GET', `${base}/reassignments`),
});

export async function searchPeople(q: string): Promise<{ id: string; name: string }[]> {
  const result = await apiRequest<{ people: { id: string; name: string }[] }>('GET', `/api/organisation/search?q=${encodeURIComponent(q)}`);
  return result.people;
}

function useIdentityWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['identity'] }) });
}

export const useGrantRole = (id: string) =>
  useIdentityWrite((body: GrantRoleBody) => apiRequest<Grant>('POST', `${base}/users/${encodeURIComponent(id)}/grants`, body));
export const useRevokeGrant = (id: string) =>
  useIdentityWrite((grantId: string) =>
    apiRequest<Grant>('POST', `${base}/users/${encodeURIComponent(id)}/grants/${encodeURIComponent(grantId)}/revoke`),
  );
export const useDisableUser = (id: string) =>
  useIdentityWrite((body: DisableUserBody) => apiRequest<UserDetail>('POST', `${base}/users/${encodeURIComponent(id)}/disable`, body));
export const useEnableUser = (id: string) =>
  useIdentityWrite((body: EnableUserBody) => apiRequest<UserDetail>('POST', `${base}/users/${encodeURIComponent(id)}/enable`, body));
export const useLinkPerson = (id: string) =>
  useIdentityWrite((personId: string | null) =>
    apiRequest<unknown>('PUT', `/api/organisation/user-links/${encodeURIComponent(id)}`, { personId }),
  );
export const useAddGroupMapping = () =>
  useIdentityWrite((body: GroupMappingBody) => apiRequest<GroupMapping>('POST', `${base}/group-mappings`, body));
export const useRemoveGroupMapping = () =>
  useIdentityWrite((id: string) => apiRequest<GroupMapping>('DELETE', `${base}/group-mappings/${encodeURIComponent(id)}`));
