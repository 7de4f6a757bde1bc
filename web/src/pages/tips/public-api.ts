import { useQuery } from '@tanstack/react-query';
import type {
  PublicStreets,
  PublicTipCreate,
  PublicTipStatus,
  zTipRating,
} from '../../../../common/schemas/tips';
import type { z } from 'zod';
import { apiGet, apiSend } from '../../api';
import { useWrite } from '../../use-write';

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

/** The resident's rating; the answer is the tip as it now reads, which thanks them in words. */
export function useRatePublicTip(code: string) {
  return useWrite({
    send: (body: z.input<typeof zTipRating>) =>
      apiSend<PublicTipStatus>('POST', `/public/tips/${encodeURIComponent(code)}/rating`, body),
    changes: () => [],
    onAnswer: (status, _, client) => client.setQueryData(publicTipKey(code), status),
  });
}

/** A resident's tip; nothing the resident's pages show changes until they look it up by its code. */
export function useSendPublicTip() {
  return useWrite({
    send: (body: PublicTipCreate) =>
      apiSend<{ trackingCode: string }>('POST', '/public/tips', body),
    changes: () => [],
  });
}
