import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Login, Me } from '../../common/schemas/auth';
import { adminRoles, roles, type Role } from '../../common/roles';
import { ApiError, apiGet, apiSend, setCsrfToken } from './api';

export const meKey = ['auth', 'me'] as const;

let sessionLost = false;

/** Remembers that the session ended under the user, so the log-in page can say why they are there. */
export function markSessionLost(lost: boolean) {
  sessionLost = lost;
}
export function wasSessionLost() {
  return sessionLost;
}

/** null means "not logged in", which is an answer, not an error. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiGet<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
}

/** For components under the authenticated layout, where Me is known to be loaded. */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe used outside the authenticated layout');
  return data;
}

export function useAuthActions() {
  const queryClient = useQueryClient();
  return {
    logIn: async (body: Login) => {
      const me = await apiSend<Me>('POST', '/auth/login', body);
      setCsrfToken(me.csrfToken);
      markSessionLost(false);
      queryClient.setQueryData(meKey, me);
      return me;
    },
    logOut: async () => {
      try {
        await apiSend('POST', '/auth/logout');
      } finally {
        setCsrfToken(null);
        queryClient.clear();
        queryClient.setQueryData(meKey, null);
      }
    },
  };
}

export function isAdmin(me: Me): boolean {
  return me.roles.some((r) => adminRoles.includes(r.role));
}

/** Mirrors the server's rule so the form offers only roles it will accept: none above the caller's own. */
export function grantableRoles(me: Me): Role[] {
  const ranks = me.roles.map((r) => roles.indexOf(r.role));
  if (ranks.length === 0) return [];
  return roles.slice(Math.min(...ranks));
}
