import { useQuery } from '@tanstack/react-query';
import type { PublicStreets, PublicTipStatus } from '../../../../common/schemas/tips';
import { apiGet } from '../../api';

/** What the resident's pages ask the server, without log-in. */
export function usePublicStreets() {
  return useQuery({
    queryKey: ['public', 'streets'],
    queryFn: () => apiGet<PublicStreets>('/public/streets'),
    staleTime: 10 * 60 * 1000,
  });
}

export const publicTipKey = (code: string | undefined) => ['public', 'tip', code] as const;

export function usePublicTip(code: string | undefined) {
  return useQuery({
    queryKey: publicTipKey(code),
    queryFn: () => apiGet<PublicTipStatus>(`/public/tips/${encodeURIComponent(code!)}`),
    enabled: !!code,
    retry: false,
  });
}
