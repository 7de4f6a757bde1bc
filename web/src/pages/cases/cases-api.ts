import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CareRules,
  CareRulesUpdate,
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
  VisitRates,
  zCaseAdvance,
  zCaseReopen,
  zCaseReview,
  zCaseTransfer,
  zCorrectionsPreview,
} from '../../../../common/schemas/cases';
import { apiGet, apiSend } from '../../api';
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

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

export function useCaseList(query: CaseListQuery) {
  return usePagedRegister<Case>([...casesKey, 'list'], '/cases', query);
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
  // The publication summary names the client by the case's 化名.
  const around = [
    [...caseKey(id), 'events'],
    [...caseKey(id), 'publication'],
    [...casesKey, 'list'],
    todayKey,
  ];
  const referrals = [
    [...caseKey(id), 'referrals'],
    [...caseKey(id), 'events'],
  ];
  const write = useWrite({
    send: ({
      method,
      path,
      body,
    }: {
      method: 'POST' | 'PUT' | 'PATCH';
      path: string;
      body: object;
    }) =>
      // The version is read at the moment of sending: after a 409 reload it is the new one.
      apiSend<CaseDetail>(method, path, {
        version: queryClient.getQueryData<CaseDetail>(caseKey(id))?.version,
        ...body,
      }),
    changes: (_, answer) => (answer ? around : [caseKey(id)]),
    onAnswer: (detail, _, client) => client.setQueryData(caseKey(id), detail),
  });
  const createRecord = useWrite({
    send: (body: ServiceRecordCreate) =>
      apiSend<{ record: ServiceRecord; case: Case }>('POST', `/cases/${id}/service-records`, body),
    // A home visit may correct the household: its page and the register too.
    changes: () => [caseKey(id), ['households'], ['residents'], ...around],
  });
  const createReferral = useWrite({
    send: (body: ReferralCreate) => apiSend<Referral>('POST', `/cases/${id}/referrals`, body),
    changes: () => referrals,
  });
  const moveReferral = useWrite({
    send: ({ referralId, body }: { referralId: string; body: ReferralTransition }) =>
      apiSend<Referral>('POST', `/referrals/${referralId}/status`, body),
    changes: () => referrals,
  });
  const send = (method: 'POST' | 'PUT' | 'PATCH', path: string, body: object) =>
    write.mutateAsync({ method, path, body });
  return {
    saveForm: (body: Omit<CaseFormSave, 'version'>) => send('PUT', `/cases/${id}/forms`, body),
    advance: (body: Versioned<typeof zCaseAdvance>) => send('POST', `/cases/${id}/advance`, body),
    review: (body: Versioned<typeof zCaseReview>) => send('POST', `/cases/${id}/review`, body),
    transfer: (body: Versioned<typeof zCaseTransfer>) =>
      send('POST', `/cases/${id}/transfer`, body),
    reopen: (body: Versioned<typeof zCaseReopen>) => send('POST', `/cases/${id}/reopen`, body),
    update: (body: Omit<CaseUpdate, 'version'>) => send('PATCH', `/cases/${id}`, body),
    /** a read (what a visit's corrections would change), not a write */
    previewCorrections: (body: Body<typeof zCorrectionsPreview>) =>
      apiSend<CorrectionDiff[]>('POST', `/cases/${id}/service-records/preview`, body),
    createRecord: createRecord.mutateAsync,
    createReferral: createReferral.mutateAsync,
    moveReferral: async (referralId: string, body: ReferralTransition) => {
      try {
        return await moveReferral.mutateAsync({ referralId, body });
      } catch (error) {
        // Moved or refused as stale, the list should show the referral as it now is.
        await Promise.all(referrals.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        throw error;
      }
    },
  };
}

/** 接案: the new case goes into the cache; the lists and 今日 are fetched again. */
export function useCreateCase() {
  return useWrite({
    send: (body: CaseCreate) => apiSend<CaseDetail>('POST', '/cases', body),
    changes: () => [[...casesKey, 'list'], todayKey],
    onAnswer: (detail, _, client) => client.setQueryData(caseKey(detail.id), detail),
  });
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

const careRulesKey = (streetId: string | undefined) => ['care-rules', streetId] as const;

/** 关爱规则 of a street: how often each care tier is visited. */
export function useCareRules(streetId: string | undefined) {
  return useQuery({
    queryKey: careRulesKey(streetId),
    queryFn: () => apiGet<CareRules>('/care-rules', { streetId }),
    enabled: !!streetId,
  });
}

/** A station's visit rate per care tier in a month (YYYY-MM). */
export function useVisitRates(stationId: string | undefined, month: string) {
  return useQuery({
    queryKey: ['visit-rates', stationId, month],
    queryFn: () => apiGet<VisitRates>(`/stations/${stationId}/visit-rates`, { month }),
    enabled: !!stationId,
  });
}

/** New intervals: the answer is the street's rules as they now are; the visit rates follow them. */
export function useSaveCareRules(streetId: string | undefined) {
  return useWrite({
    send: (body: CareRulesUpdate) => apiSend<CareRules>('PUT', '/care-rules', body),
    // After a 409, the rules someone else set meanwhile.
    changes: (_, answer) => (answer ? [['visit-rates']] : [careRulesKey(streetId)]),
    onAnswer: (rules, _, client) => client.setQueryData(careRulesKey(streetId), rules),
  });
}
