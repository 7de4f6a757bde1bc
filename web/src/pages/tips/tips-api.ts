import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  IntakeReferral,
  Tip,
  TipChannel,
  TipCreate,
  TipDetail,
  TipStatus,
  TipTopic,
} from '../../../../common/schemas/tips';
import { apiGet, apiSend } from '../../api';

const tipsKey = ['tips'] as const;

export interface TipListQuery {
  status?: TipStatus;
  topic?: TipTopic;
  channel?: TipChannel;
  q?: string;
  page: number;
  pageSize: number;
}

export function useTipPage(query: TipListQuery) {
  return useQuery({
    queryKey: [...tipsKey, 'list', query],
    queryFn: () =>
      apiGet<{ items: Tip[]; total: number; page: number; pageSize: number }>('/tips', {
        ...query,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTip(id: string) {
  return useQuery({
    queryKey: [...tipsKey, 'one', id],
    queryFn: () => apiGet<TipDetail>(`/tips/${id}`),
  });
}

export type TipStepPath =
  'triage' | 'convert-issue' | 'convert-case' | 'answer' | 'dismiss' | 'close';

/** Every write refreshes the tips; a conversion refreshes the issue board and referrals too. */
export function useTipWrites() {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: tipsKey });
    void qc.invalidateQueries({ queryKey: ['issues'] });
    void qc.invalidateQueries({ queryKey: referralsKey });
  };
  return {
    create: async (input: TipCreate) => {
      const tip = await apiSend<TipDetail>('POST', '/tips', input);
      refresh();
      return tip;
    },
    step: async (id: string, path: TipStepPath, body: object) => {
      const tip = await apiSend<TipDetail>('POST', `/tips/${id}/${path}`, body);
      refresh();
      return tip;
    },
  };
}

// ——— intake referrals at the station ———

const referralsKey = ['intake-referrals'] as const;

export function useIntakeReferrals(status: 'pending' | undefined, enabled = true) {
  return useQuery({
    queryKey: [...referralsKey, status],
    queryFn: () => apiGet<IntakeReferral[]>('/intake-referrals', { status }),
    enabled,
  });
}

export function useReferralWrites() {
  const qc = useQueryClient();
  return {
    decline: async (r: IntakeReferral, reason: string) => {
      const out = await apiSend<IntakeReferral>('POST', `/intake-referrals/${r.id}/decline`, {
        version: r.version,
        reason,
      });
      void qc.invalidateQueries({ queryKey: referralsKey });
      return out;
    },
    phone: (r: IntakeReferral) =>
      apiSend<{ phone: string | null }>('POST', `/intake-referrals/${r.id}/phone`),
    refresh: () => void qc.invalidateQueries({ queryKey: referralsKey }),
  };
}
