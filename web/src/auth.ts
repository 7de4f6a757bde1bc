import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Login, Me, PasswordChange, zTotpSetup } from '../../common/schemas/auth';
import { adminRoles, roles, type Role } from '../../common/roles';
import { ApiError, apiGet, apiSend, setCsrfToken } from './api';
import { useWrite } from './use-write';

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

/** The caller's own password; nothing on screen shows it, so nothing is fetched again. */
export function useChangePassword() {
  return useWrite({
    send: (body: PasswordChange) => apiSend<{ ok: true }>('POST', '/auth/password', body),
    changes: () => [],
  });
}

/** The second factor: set up, turned on, turned off; the caller's own record says which. */
export function useTotpWrites() {
  const setup = useWrite({
    send: () => apiSend<z.infer<typeof zTotpSetup>>('POST', '/auth/totp/setup'),
    changes: () => [],
  });
  const enable = useWrite({
    send: (code: string) => apiSend<unknown>('POST', '/auth/totp/enable', { code }),
    changes: () => [meKey],
  });
  const disable = useWrite({
    send: (password: string) => apiSend<unknown>('POST', '/auth/totp/disable', { password }),
    changes: () => [meKey],
  });
  return { setup, enable, disable };
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
