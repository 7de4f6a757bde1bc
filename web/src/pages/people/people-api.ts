import { useQuery, useQueryClient } from '@tanstack/react-query';
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
import { apiGet, apiSend } from '../../api';
import { useCursorRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

const residentsKey = ['residents'] as const;
const householdsKey = ['households'] as const;

export type ResidentPage = z.infer<typeof zResidentPage>;

/** The register pages by cursor: a deep page costs what the first does. */
export function useResidentList(query: Omit<Partial<ResidentQuery>, 'page' | 'cursor'>) {
  return useCursorRegister<Resident>([...residentsKey, 'list'], '/residents', query);
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
export function useRevealField() {
  return useWrite({
    send: ({ residentId, ...body }: { residentId: string } & z.input<typeof zReveal>) =>
      apiSend<{ field: string; value: string | null }>(
        'POST',
        `/residents/${residentId}/reveal`,
        body,
      ),
    // The supervisor's review lists every opening.
    changes: () => [['sensitive-access']],
  });
}

type Body<T extends z.ZodType> = z.input<T>;
type Write = { method: 'POST' | 'PATCH'; path: string; body: unknown };

/**
 * The household's writes. Each answers the household as it now is, which goes straight into the
 * cache; the history and the register are fetched again. A 409 (someone else changed it) reloads the
 * household too, so the user sees what changed before submitting again.
 */
export function useHouseholdWrites(id: string) {
  const around = [[...householdKey(id), 'history'], residentsKey] as const;
  const changes = (_: unknown, answer: unknown) =>
    answer === undefined ? [householdKey(id)] : around;
  const write = useWrite({
    send: ({ method, path, body }: Write) => apiSend<Household>(method, path, body),
    changes,
    onAnswer: (household, _, client) => client.setQueryData(householdKey(id), household),
  });
  const split = useWrite({
    send: (body: Body<typeof zSplitHousehold>) =>
      apiSend<{ from: Household; to: Household }>('POST', `/households/${id}/split`, body),
    changes,
    onAnswer: (result, _, client) => {
      client.setQueryData(householdKey(id), result.from);
      client.setQueryData(householdKey(result.to.id), result.to);
    },
  });
  const consent = useRecordConsent();
  const send = (method: Write['method'], path: string, body: unknown) =>
    write.mutateAsync({ method, path, body });
  return {
    update: (body: HouseholdUpdate) => send('PATCH', `/households/${id}`, body),
    updateResident: (residentId: string, body: ResidentUpdate) =>
      send('PATCH', `/residents/${residentId}`, body),
    addMember: (body: Body<typeof zAddMember>) => send('POST', `/households/${id}/members`, body),
    removeMember: (body: Body<typeof zRemoveMember>) =>
      send('POST', `/households/${id}/remove-member`, body),
    changeHead: (body: Body<typeof zChangeHead>) =>
      send('POST', `/households/${id}/change-head`, body),
    move: (body: Body<typeof zMoveHousehold>) => send('POST', `/households/${id}/move`, body),
    split: split.mutateAsync,
    recordConsent: (residentId: string, body: Body<typeof zConsentCreate>) =>
      consent.mutateAsync({ residentId, body }),
  };
}

/** A resident's consent to processing sensitive data (the household page, or before a case opens). */
export function useRecordConsent() {
  return useWrite({
    send: ({ residentId, body }: { residentId: string; body: Body<typeof zConsentCreate> }) =>
      apiSend<Consent>('POST', `/residents/${residentId}/consents`, body),
    changes: ({ residentId }) => [[...residentsKey, residentId, 'consents']],
  });
}

export function useCreateHousehold() {
  return useWrite({
    send: (body: HouseholdCreate) => apiSend<Household>('POST', '/households', body),
    changes: () => [residentsKey],
    onAnswer: (household, _, client) => client.setQueryData(householdKey(household.id), household),
  }).mutateAsync;
}

export function useInvalidateResidents() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: residentsKey });
}
