import { dateParam, oneOf, pageParam, textParam } from '../../../web/components/search-params';
import { roleNames, type RoleName } from '../users.schemas';

const statuses = ['active', 'disabled'] as const;
const sources = ['local', 'oidc', 'scim'] as const;

export type UsersSearch = {
  q?: string;
  status?: (typeof statuses)[number];
  role?: RoleName;
  source?: (typeof sources)[number];
  page?: number;
};

/** The user list's filters from the URL; anything unknown is dropped (every key set, so nothing unchecked slips through). */
export function validateUsersSearch(search: Record<string, unknown>): UsersSearch {
  return {
    q: textParam(search.q),
    status: oneOf(search.status, statuses),
    role: oneOf(search.role, roleNames),
    source: oneOf(search.source, sources),
    page: pageParam(search.page),
  };
}

/** The user page's day (`dato`, YYYY-MM-DD, a real calendar day); none: today. */
export function validateUserSearch(search: Record<string, unknown>): { dato?: string } {
  return { dato: dateParam(search.dato) };
}
