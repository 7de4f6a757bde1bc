import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Case,
  CaseCreate,
  CaseDetail,
  CaseEvent,
  CaseFormSave,
  CaseQuery,
  CaseUpdate,
  CorrectionDiff,
  PublicationSummary,
  Referral,
  ReferralCreate,
  ReferralTransition,
  ServiceRecord,
  ServiceRecordCreate,
  TodayItem,
  zCaseAdvance,
  zCaseReopen,
  zCaseReview,
  zCaseTransfer,
  zCorrectionsPreview,
} from '../../../../common/schemas/cases';
import { ApiError, apiGet, apiSend } from '../../api';

const casesKey = ['cases'] as const;
export const caseKey = (id: string) => [...casesKey, id] as const;
const todayKey = ['today'] as const;

export interface CasePage {
  items: Case[];
  total: number;
  page: number;
  pageSize: number;
}

/** The list's query as the address carries it: `mine` is the string the server parses. */
export type CaseListQuery = Partial<Omit<CaseQuery, 'mine'>> & { mine?: 'true' };

export function useCasePage(query: CaseListQuery) {
  return useQuery({
    queryKey: [...casesKey, 'list', query],
    queryFn: () => apiGet<CasePage>('/cases', query),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => apiGet<CaseDetail>(`/cases/${id}`) });
}

export function useCaseEvents(id: string) {
  return useQuery({
    queryKey: [...caseKey(id), 'events'],
    queryFn: () => apiGet<CaseEvent[]>(`/cases/${id}/events`),
  });
}

export function useServiceRecords(id: string) {
  return useQuery({
    queryKey: [...caseKey(id), 'records'],
    queryFn: () => apiGet<ServiceRecord[]>(`/cases/${id}/service-records`),
  });
}

export function useReferrals(id: string) {
  return useQuery({
    queryKey: [...caseKey(id), 'referrals'],
    queryFn: () => apiGet<Referral[]>(`/cases/${id}/referrals`),
  });
}

export function useStationWorkers(stationId: string | undefined) {
  return useQuery({
    queryKey: ['stations', stationId, 'social-workers'],
    queryFn: () =>
      apiGet<{ id: string; displayName: string }[]>(`/stations/${stationId}/social-workers`),
    enabled: !!stationId,
    staleTime: 60_000,
  });
}

export function useToday(enabled: boolean) {
  return useQuery({
    queryKey: todayKey,
    queryFn: () => apiGet<{ date: string; items: TodayItem[] }>('/today'),
    enabled,
  });
}

export function usePublicationSummary(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...caseKey(id), 'publication'],
    queryFn: () => apiGet<PublicationSummary>(`/cases/${id}/publication-summary`),
    enabled,
  });
}

type Body<T extends z.ZodType> = z.input<T>;
type Versioned<T extends z.ZodType> = Omit<Body<T>, 'version'>;

/**
 * The case's writes. Each answers the case as it now is, which goes straight into the cache, and the
 * timeline, 今日待办 and lists are fetched again. A 409 (someone else changed it, or the stage
 * machine refused) reloads the case so the user sees where it stands; the open form keeps what was
 * typed and, with the version just loaded, can be submitted again.
 */
export function useCaseWrites(id: string) {
  const queryClient = useQueryClient();
  const current = () => queryClient.getQueryData<CaseDetail>(caseKey(id));
  const refreshAround = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [...caseKey(id), 'events'] }),
      queryClient.invalidateQueries({ queryKey: [...casesKey, 'list'] }),
      queryClient.invalidateQueries({ queryKey: todayKey }),
    ]);
  async function write(method: 'POST' | 'PUT' | 'PATCH', path: string, body: object) {
    try {
      // The version is read at the moment of sending: after a 409 reload it is the new one.
      const detail = await apiSend<CaseDetail>(method, path, {
        version: current()?.version,
        ...body,
      });
      queryClient.setQueryData(caseKey(id), detail);
      await refreshAround();
      return detail;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: caseKey(id), exact: true });
      throw error;
    }
  }
  return {
    saveForm: (body: Omit<CaseFormSave, 'version'>) => write('PUT', `/cases/${id}/forms`, body),
    advance: (body: Versioned<typeof zCaseAdvance>) => write('POST', `/cases/${id}/advance`, body),
    review: (body: Versioned<typeof zCaseReview>) => write('POST', `/cases/${id}/review`, body),
    transfer: (body: Versioned<typeof zCaseTransfer>) =>
      write('POST', `/cases/${id}/transfer`, body),
    reopen: (body: Versioned<typeof zCaseReopen>) => write('POST', `/cases/${id}/reopen`, body),
    update: (body: Omit<CaseUpdate, 'version'>) => write('PATCH', `/cases/${id}`, body),
    previewCorrections: (body: Body<typeof zCorrectionsPreview>) =>
      apiSend<CorrectionDiff[]>('POST', `/cases/${id}/service-records/preview`, body),
    createRecord: async (body: ServiceRecordCreate) => {
      const result = await apiSend<{ record: ServiceRecord; case: Case }>(
        'POST',
        `/cases/${id}/service-records`,
        body,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKey(id) }),
        queryClient.invalidateQueries({ queryKey: ['households'] }),
        queryClient.invalidateQueries({ queryKey: ['residents'] }),
        refreshAround(),
      ]);
      return result;
    },
    createReferral: async (body: ReferralCreate) => {
      const referral = await apiSend<Referral>('POST', `/cases/${id}/referrals`, body);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...caseKey(id), 'referrals'] }),
        queryClient.invalidateQueries({ queryKey: [...caseKey(id), 'events'] }),
      ]);
      return referral;
    },
    moveReferral: async (referralId: string, body: ReferralTransition) => {
      try {
        return await apiSend<Referral>('POST', `/referrals/${referralId}/status`, body);
      } finally {
        // Moved or refused as stale, the list should show the referral as it now is.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: [...caseKey(id), 'referrals'] }),
          queryClient.invalidateQueries({ queryKey: [...caseKey(id), 'events'] }),
        ]);
      }
    },
  };
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return async (body: CaseCreate) => {
    const detail = await apiSend<CaseDetail>('POST', '/cases', body);
    queryClient.setQueryData(caseKey(detail.id), detail);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [...casesKey, 'list'] }),
      queryClient.invalidateQueries({ queryKey: todayKey }),
    ]);
    return detail;
  };
}

/** The open case of a resident at the caller's station, if any: the household page links to it. */
export function useResidentCases(residentId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...casesKey, 'list', { residentId }],
    queryFn: () => apiGet<CasePage>('/cases', { residentId, pageSize: 5 }),
    enabled,
    staleTime: 30_000,
  });
}

/** The caller's open cases by next contact date: 今日 shows the ones coming up this week. */
export function useMyOpenCases(enabled: boolean) {
  return useQuery({
    queryKey: [...casesKey, 'list', { mine: 'true', status: 'open', pageSize: 50 }],
    queryFn: () => apiGet<CasePage>('/cases', { mine: 'true', status: 'open', pageSize: 50 }),
    enabled,
  });
}
