import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client';

export type ModuleKey = 'organisation' | 'places' | 'leader-support' | 'portfolio' | 'steering';
export type ModuleStatus = 'planned' | 'available';

export type Meta = {
  municipality: { name: string; number: string };
  demoMode: boolean;
  /** Empty unless in demo mode. `role` is a role key such as "administrator". */
  demoAccounts: { username: string; displayName?: string; role: string }[];
  /** The one password of all demo accounts; null unless in demo mode. */
  demoPassword: string | null;
  modules: { key: string; status: ModuleStatus }[];
  /** The identity provider's «Logg inn med …» (null: none configured) and whether passwords are accepted. */
  signIn: { oidc: { displayName: string } | null; password: boolean };
};

// Deployment facts: they do not change while the page is open.
export const metaQuery = queryOptions({
  queryKey: ['meta'],
  queryFn: () => apiRequest<Meta>('GET', '/api/meta'),
  staleTime: Infinity,
});

export function useMeta() {
  return useQuery(metaQuery);
}

/** What the server says about a module; "planned" until it says otherwise. */
export function moduleStatus(meta: Meta | undefined, key: ModuleKey): ModuleStatus {
  return meta?.modules.find((module) => module.key === key)?.status ?? 'planned';
}
