import { useQuery, useQueryClient } from '@tanstack/react-query';
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
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

const tipsKey = ['tips'] as const;

export type TipListQuery = {
  status?: TipStatus;
  topic?: TipTopic;
  channel?: TipChannel;
  q?: string;
  page: number;
  pageSize: number;
};

export function useTipList(query: TipListQuery) {
  return usePagedRegister<Tip>([...tipsKey, 'list'], '/tips', query);
}

export function useTip(id: string) {
  return useQuery({
    queryKey: [...tipsKey, 'one', id],
    queryFn: () => apiGet<TipDetail>(`/tips/${id}`),
  });
}

export type TipStepPath =
  'triage' | 'convert-issue' | 'convert-case' | 'answer' | 'dismiss' | 'close';

/** What a tip's write changes: the tips, and a conversion the issue board and the referrals. */
const tipChanges = () => [tipsKey, ['issues'], referralsKey];

/** 登记诉求: a tip staff take down. */
export function useCreateTip() {
  return useWrite({
    send: (input: TipCreate) => apiSend<TipDetail>('POST', '/tips', input),
    changes: tipChanges,
  });
}

/** One triage step on a tip. */
export function useTipStep(id: string) {
  return useWrite({
    send: ({ path, body }: { path: TipStepPath; body: object }) =>
      apiSend<TipDetail>('POST', `/tips/${id}/${path}`, body),
    changes: tipChanges,
  });
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
  const decline = useWrite({
    send: ({ referral, reason }: { referral: IntakeReferral; reason: string }) =>
      apiSend<IntakeReferral>('POST', `/intake-referrals/${referral.id}/decline`, {
        version: referral.version,
        reason,
      }),
    changes: () => [referralsKey],
  });
  return {
    decline: (referral: IntakeReferral, reason: string) =>
      decline.mutateAsync({ referral, reason }),
    phone: (r: IntakeReferral) =>
      apiSend<{ phone: string | null }>('POST', `/intake-referrals/${r.id}/phone`),
    refresh: () => void qc.invalidateQueries({ queryKey: referralsKey }),
  };
}
