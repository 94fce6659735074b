import { roleNames, type RoleName } from '../users.schemas';

export type UsersSearch = {
  q?: string;
  status?: 'active' | 'disabled';
  role?: RoleName;
  source?: 'local' | 'oidc' | 'scim';
  page?: number;
};

const roles: readonly string[] = roleNames;

/** The user list's filters from the URL; anything unknown is dropped (every key set, so nothing unchecked slips through). */
export function validateUsersSearch(search: Record<string, unknown>): UsersSearch {
  const text = typeof search.q === 'string' && search.q.trim() ? search.q.trim().slice(0, 200) : undefined;
  const page = Number(search.page);
  return {
    q: text,
    status: search.status === 'active' || search.status === 'disabled' ? search.status : undefined,
    role: typeof search.role === 'string' && roles.includes(search.role) ? (search.role as RoleName) : undefined,
    source: search.source === 'local' || search.source === 'oidc' || search.source === 'scim' ? search.source : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** The user page's day (`dato`, YYYY-MM-DD, a real calendar day); none: today. */
export function validateUserSearch(search: Record<string, unknown>): { dato?: string } {
  const value = search.dato;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { dato: undefined };
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return { dato: real ? value : undefined };
}
