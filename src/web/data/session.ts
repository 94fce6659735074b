import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SessionResponse, SignInBody } from '../../modules/accounts/accounts.schemas';
import { apiRequest, setCsrfToken } from './client';

// The server's own schema types (type-only imports, nothing reaches the
// bundle), so a change to the API contract shows up here as a type error.
export type Session = SessionResponse;

const sessionKey = ['session'] as const;

async function loadSession(): Promise<Session> {
  const session = await apiRequest<Session>('GET', '/api/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: loadSession,
  staleTime: 60_000,
});

export function useSession() {
  return useQuery(sessionQuery);
}

export function hasPermission(session: Session | undefined, permission: string): boolean {
  return session?.user?.permissions.includes(permission) ?? false;
}

/** Data cached for one user must not be shown to the next one. */
function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => !['session', 'meta'].includes(String(query.queryKey[0])) });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: SignInBody) =>
      apiRequest<Session>('POST', '/api/session', credentials),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      forgetUserData(queryClient);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    // Also ends the identity provider's session when the sign-in came from there (RP-initiated sign-out).
    mutationFn: () => apiRequest<{ endSessionUrl: string | null }>('DELETE', '/api/auth/oidc/session'),
    onSuccess: async (result) => {
      if (result?.endSessionUrl) {
        window.location.assign(result.endSessionUrl);
        return;
      }
      setCsrfToken(null);
      forgetUserData(queryClient);
      queryClient.setQueryData<Session>(sessionKey, { user: null, csrfToken: null });
      // The server may hand out a fresh anonymous session (and CSRF token).
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
