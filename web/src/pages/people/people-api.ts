import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Consent,
  HistoryEntry,
  Household,
  HouseholdCreate,
  HouseholdUpdate,
  Resident,
  ResidentQuery,
  ResidentUpdate,
  zAddMember,
  zChangeHead,
  zConsentCreate,
  zMoveHousehold,
  zRemoveMember,
  zResidentPage,
  zReveal,
  zSplitHousehold,
} from '../../../../common/schemas/people';
import { ApiError, apiGet, apiSend } from '../../api';

const residentsKey = ['residents'] as const;
const householdsKey = ['households'] as const;

export type ResidentPage = z.infer<typeof zResidentPage>;

export function useResidentPage(query: Partial<ResidentQuery>) {
  return useQuery({
    queryKey: [...residentsKey, 'list', query],
    queryFn: () => apiGet<ResidentPage>('/residents', query),
    // Keeps the rows on screen while the next page loads instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

export const householdKey = (id: string) => [...householdsKey, id] as const;

export function useHousehold(id: string) {
  return useQuery({
    queryKey: householdKey(id),
    queryFn: () => apiGet<Household>(`/households/${id}`),
  });
}

export function useHistory(id: string) {
  return useQuery({
    queryKey: [...householdKey(id), 'history'],
    queryFn: () => apiGet<HistoryEntry[]>(`/households/${id}/history`),
  });
}

export function useConsents(residentId: string) {
  return useQuery({
    queryKey: [...residentsKey, residentId, 'consents'],
    queryFn: () => apiGet<Consent[]>(`/residents/${residentId}/consents`),
  });
}

export function useResident(id: string) {
  return useQuery({
    queryKey: [...residentsKey, id],
    queryFn: () => apiGet<Resident>(`/residents/${id}`),
  });
}

export interface SensitiveRead {
  id: string;
  residentId: string;
  residentName: string;
  field: SensitiveField;
  reason: string;
  username: string;
  at: string;
}

export function useSensitiveAccess() {
  return useQuery({
    queryKey: ['sensitive-access'],
    queryFn: () => apiGet<SensitiveRead[]>('/sensitive-access'),
  });
}

export type SensitiveField = z.infer<typeof zReveal>['field'];

/** Break the glass: the whole value of one masked field, after a reason the server keeps. */
export function revealField(residentId: string, field: SensitiveField, reason: string) {
  return apiSend<{ field: string; value: string | null }>(
    'POST',
    `/residents/${residentId}/reveal`,
    { field, reason },
  );
}

type Body<T extends z.ZodType> = z.input<T>;

/**
 * The household's writes. Each answers the household as it now is, which goes straight into the
 * cache; the history and the register are fetched again. A 409 (someone else changed it) reloads the
 * household too, so the user sees what changed before submitting again.
 */
export function useHouseholdWrites(id: string) {
  const queryClient = useQueryClient();
  const refreshAround = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [...householdKey(id), 'history'] }),
      queryClient.invalidateQueries({ queryKey: residentsKey }),
    ]);
  async function write(method: 'POST' | 'PATCH', path: string, body: unknown) {
    try {
      const household = await apiSend<Household>(method, path, body);
      queryClient.setQueryData(householdKey(id), household);
      await refreshAround();
      return household;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: householdKey(id) });
      throw error;
    }
  }
  return {
    update: (body: HouseholdUpdate) => write('PATCH', `/households/${id}`, body),
    updateResident: (residentId: string, body: ResidentUpdate) =>
      write('PATCH', `/residents/${residentId}`, body),
    addMember: (body: Body<typeof zAddMember>) => write('POST', `/households/${id}/members`, body),
    removeMember: (body: Body<typeof zRemoveMember>) =>
      write('POST', `/households/${id}/remove-member`, body),
    changeHead: (body: Body<typeof zChangeHead>) =>
      write('POST', `/households/${id}/change-head`, body),
    move: (body: Body<typeof zMoveHousehold>) => write('POST', `/households/${id}/move`, body),
    split: async (body: Body<typeof zSplitHousehold>) => {
      try {
        const result = await apiSend<{ from: Household; to: Household }>(
          'POST',
          `/households/${id}/split`,
          body,
        );
        queryClient.setQueryData(householdKey(id), result.from);
        queryClient.setQueryData(householdKey(result.to.id), result.to);
        await refreshAround();
        return result;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409)
          void queryClient.invalidateQueries({ queryKey: householdKey(id) });
        throw error;
      }
    },
    recordConsent: async (residentId: string, body: Body<typeof zConsentCreate>) => {
      const consent = await apiSend<Consent>('POST', `/residents/${residentId}/consents`, body);
      await queryClient.invalidateQueries({ queryKey: [...residentsKey, residentId, 'consents'] });
      return consent;
    },
  };
}

export function useCreateHousehold() {
  const queryClient = useQueryClient();
  return async (body: HouseholdCreate) => {
    const household = await apiSend<Household>('POST', '/households', body);
    queryClient.setQueryData(householdKey(household.id), household);
    await queryClient.invalidateQueries({ queryKey: residentsKey });
    return household;
  };
}

export function useInvalidateResidents() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: residentsKey });
}
